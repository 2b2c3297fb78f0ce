const wrap = require('fastify-plugin');

module.exports = wrap(async (instance) => {
  await instance.register(require('@fastify/cors'), { origin: true, credentials: true });
});
