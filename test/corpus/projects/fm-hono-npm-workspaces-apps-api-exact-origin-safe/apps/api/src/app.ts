import { Hono } from 'hono';
import { cors } from 'hono/cors';

const app = new Hono().basePath('/api');

app.use(
  '*',
  cors({
    origin: 'https://turbo-web-demo.vercel.app',
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowHeaders: ['Content-Type', 'Authorization'],
    credentials: true,
  }),
);

app.get('/', (c) => c.json({ message: 'api up' }));
app.post('/signup', async (c) => c.json({ user: await c.req.json() }));
app.get('/auth/dashboard', (c) => c.json({ message: 'dashboard' }));

export default app;
