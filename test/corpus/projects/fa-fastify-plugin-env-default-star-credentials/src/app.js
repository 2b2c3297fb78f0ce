import Fastify from 'fastify';
import corsSetup from './plugins/cors.js';

export async function buildApp() {
  const app = Fastify({ logger: true });
  await app.register(corsSetup);
  app.get('/api/appointments', async () => []);
  return app;
}
