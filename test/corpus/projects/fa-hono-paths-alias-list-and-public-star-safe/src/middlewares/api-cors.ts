import { cors } from 'hono/cors';

export default cors({
  origin: '*',
  allowHeaders: ['Content-Type', 'Authorization'],
  allowMethods: ['GET', 'POST', 'OPTIONS'],
  maxAge: 600,
  // no cookies on the public listing API
  credentials: false,
});
