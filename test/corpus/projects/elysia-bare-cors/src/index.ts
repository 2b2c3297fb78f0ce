import { Elysia } from 'elysia';
import { cors } from '@elysiajs/cors';

const app = new Elysia()
  .use(cors())
  .get('/budget', ({ cookie }) => ({ owner: cookie.session?.value ?? null }))
  .listen(3000);

console.log(`running on ${app.server?.hostname}:${app.server?.port}`);
