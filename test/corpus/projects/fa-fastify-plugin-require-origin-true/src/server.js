const createFastify = require('fastify');

function buildService() {
  const service = createFastify({ logger: true });
  service.register(require('@fastify/sensible'));
  service.register(require('./plugins/cors'));
  service.register(require('@fastify/helmet'));
  service.get('/users/me', async () => ({ id: 1 }));
  return service;
}

module.exports = { buildService };

if (require.main === module) buildService().listen({ port: 4002 });
