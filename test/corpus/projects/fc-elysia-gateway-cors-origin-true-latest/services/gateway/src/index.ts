import { Elysia } from 'elysia';
import { corsMiddleware } from './middleware/cors';

const app = new Elysia()
  .use(corsMiddleware)
  .get('/api/orders', () => [])
  .listen(3000);

export type App = typeof app;
