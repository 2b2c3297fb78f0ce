import Fastify from 'fastify';
import corsPlugin from './plugins/cors';

const app = Fastify({ logger: true });
app.register(corsPlugin);
app.get('/pets', async () => []);
app.listen({ port: 3000 });
