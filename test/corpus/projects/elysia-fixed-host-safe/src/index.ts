import { Elysia } from 'elysia';
import { cors } from '@elysiajs/cors';

new Elysia()
  .use(cors({ origin: 'budget.pocketly.app', methods: ['GET', 'POST'] }))
  .get('/budget', () => ({ items: [] }))
  .listen(3000);
