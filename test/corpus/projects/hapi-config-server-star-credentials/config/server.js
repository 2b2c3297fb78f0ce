const Hapi = require('@hapi/hapi');

const server = Hapi.server({
  port: 3002,
  host: 'localhost',
  routes: {
    cors: {
      origin: ['*'],
      headers: ['Accept', 'Authorization', 'Content-Type'],
      exposedHeaders: ['WWW-Authenticate'],
      maxAge: 60,
      credentials: true,
    },
  },
});

module.exports = server;
