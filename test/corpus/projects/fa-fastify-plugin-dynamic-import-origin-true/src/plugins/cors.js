import plugin from 'fastify-plugin';

export default plugin(async (server) => {
  await server.register(import('@fastify/cors'), {
    origin: true,
    credentials: true,
    methods: ['GET', 'POST', 'DELETE', 'PUT', 'OPTIONS', 'PATCH'],
  });
});
