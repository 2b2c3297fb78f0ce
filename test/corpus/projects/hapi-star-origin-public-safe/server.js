import Hapi from '@hapi/hapi';

const server = Hapi.server({
  port: 9000,
  host: '0.0.0.0',
  routes: { cors: { origin: ['*'] } },
});

server.route({ method: 'GET', path: '/events', handler: () => [] });
await server.start();
