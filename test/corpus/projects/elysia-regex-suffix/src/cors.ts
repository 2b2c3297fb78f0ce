import cors from '@elysiajs/cors';
import { Elysia } from 'elysia';

export const app = new Elysia()
  .use(
    cors({
      origin: /m.mixcomic.com$/,
      methods: ['GET', 'POST'],
    }),
  )
  .get('/chapters', () => []);
