import { Elysia } from 'elysia';
import { cors } from '@elysiajs/cors';

const app = new Elysia()
  .use(
    cors({
      origin: (request) => {
        const origin = request.headers.get('origin');
        if (!origin) return true;
        return origin.endsWith('.reizu.app') || origin.includes('localhost') || origin.includes('127.0.0.1');
      },
      credentials: true,
      methods: ['GET', 'POST', 'PUT', 'DELETE'],
    }),
  )
  .get('/library', () => [])
  .listen(3000);

export type App = typeof app;
