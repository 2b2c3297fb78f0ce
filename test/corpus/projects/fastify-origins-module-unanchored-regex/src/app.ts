import Fastify from 'fastify';
import cors from '@fastify/cors';
import { ORIGINS } from './config/origins';

const app = Fastify();
await app.register(cors, { origin: ORIGINS, credentials: true });
app.get('/tides', async () => []);
await app.listen({ port: 3000 });
