import {ApplicationConfig} from '@loopback/core';
import {JwtApiApplication} from './application';

export {JwtApiApplication};

export async function main(_options: ApplicationConfig = {}) {
  // RestServer hands rest.cors to the cors package.
  const app = new JwtApiApplication({
    rest: {
      port: 3001,
      cors: {
        origin: 'https://devdevdev.tk',
        methods: 'GET,HEAD,PUT,PATCH,POST,DELETE',
        preflightContinue: false,
        optionsSuccessStatus: 204,
        maxAge: 86400,
        credentials: true,
      },
    },
  });
  await app.boot();
  await app.start();
  console.log(`listening at ${app.restServer.url}`);
  return app;
}
