import { Hono } from 'hono';
import { cors } from 'hono/cors';

const app = new Hono();
app.use('/*', cors());

app.use(
  '/*',
  cors({
    origin: 'http://localhost:4000',
    credentials: true,
  }),
);

app.get('/api/v1/events', (c) => c.json([]));

app.onError((err, c) => c.json({ error: { message: err.message } }, { status: 500 }));

export default app;
