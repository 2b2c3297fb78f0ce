import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { corsOptions } from './config/cors';

const app = new Hono();
app.use('/api/*', cors(corsOptions));
app.get('/api/deals', (c) => c.json([]));

export default app;
