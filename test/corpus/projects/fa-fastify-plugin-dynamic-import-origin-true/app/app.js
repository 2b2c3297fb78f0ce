import Fastify from 'fastify';
import crossOrigin from '../src/plugins/cors.js';

const api = Fastify({ logger: { level: 'info' } });

await api.register(crossOrigin);
await api.register(import('@fastify/helmet'));

api.get('/contracts', async () => []);

export default api;
