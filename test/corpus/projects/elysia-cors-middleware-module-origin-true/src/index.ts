import { Elysia } from 'elysia';
import { corsLayer } from './middleware/cors';

const gateway = new Elysia()
  .use(corsLayer)
  .get('/health', () => ({ status: 'healthy', at: new Date().toISOString() }))
  .get('/api/orders/mine', ({ headers }) => ({ owner: headers.authorization ?? null, orders: [] }))
  .listen(3000);

export type Gateway = typeof gateway;
