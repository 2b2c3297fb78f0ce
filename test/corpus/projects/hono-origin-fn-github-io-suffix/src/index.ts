import { Hono } from 'hono';
import { cors } from 'hono/cors';

const PROD = 'https://docs.lanternkit.dev';
const app = new Hono();

app.use(
  '/api/*',
  cors({
    origin: (origin) => (origin === PROD || origin.endsWith('.github.io') ? origin : null),
    credentials: true,
  }),
);
app.get('/api/me', (c) => c.json({ user: null }));

export default app;
