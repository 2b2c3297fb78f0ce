import { Elysia } from 'elysia';
import { useCors } from './middleware/cors';

const app = new Elysia()
  .use(useCors)
  .get('/discs', () => [])
  .listen(5000);

console.log(`listening on ${app.server?.port}`);
