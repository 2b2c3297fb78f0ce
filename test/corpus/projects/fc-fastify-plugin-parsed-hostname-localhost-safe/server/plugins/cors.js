const fp = require('fastify-plugin');
const cors = require('@fastify/cors');

module.exports = fp(async function (fastify) {
  await fastify.register(cors, {
    origin: (origin, cb) => {
      const hostname = new URL(origin).hostname;
      if (hostname === 'localhost') {
        cb(null, true);
        return;
      }
      cb(new Error('Not allowed'), false);
    },
  });
});
