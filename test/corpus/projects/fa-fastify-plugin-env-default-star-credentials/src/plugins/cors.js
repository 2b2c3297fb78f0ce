import fp from 'fastify-plugin';
import cors from '@fastify/cors';

export default fp(async function corsSetup(app) {
  const configured = process.env.CORS_ORIGIN || '*';

  // a comma-separated value becomes a list, a single value stays a string
  const origin = configured.includes(',')
    ? configured.split(',').map((entry) => entry.trim())
    : configured;

  await app.register(cors, {
    origin,
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Authorization'],
  });
});
