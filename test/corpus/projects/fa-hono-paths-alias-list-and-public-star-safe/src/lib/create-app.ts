import { Hono } from 'hono';
import authCors from '@/middlewares/auth-cors';

export function createRouter() {
  return new Hono({ strict: false });
}

export default function createApp() {
  const app = createRouter();
  app.use('/api/auth/*', authCors);
  return app;
}
