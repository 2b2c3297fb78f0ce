import Fastify from 'fastify';
import cors from '@fastify/cors';
import { isOriginAllowed } from './config/origins';

const app = Fastify();
await app.register(cors, {
  origin: (origin, cb) => {
    if (!origin || isOriginAllowed(origin)) cb(null, true);
    else cb(new Error('CORS'), false);
  },
  credentials: true,
});
app.get('/notes', async () => []);
await app.listen({ port: 3000 });
