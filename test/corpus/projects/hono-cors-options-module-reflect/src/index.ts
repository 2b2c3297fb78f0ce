import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { corsOptions } from './config/cors';

const app = new Hono();
app.use('*', cors(corsOptions));
app.get('/contacts', (c) => c.json([]));

export default app;
