const Hapi = require('@hapi/hapi');

const init = async () => {
  const server = Hapi.server({
    port: 8000,
    host: 'localhost',
    routes: {
      cors: {
        origin: ['*'],
        headers: ['Authorization'],
        credentials: true,
      },
    },
  });
  server.route({ method: 'GET', path: '/streams', handler: () => [] });
  await server.start();
};

init();
