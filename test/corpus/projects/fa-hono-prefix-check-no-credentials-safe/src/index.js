import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { crossOrigin } from '@src/middlewares/cors.js';

const app = new Hono().basePath('/api');

app.get('/', (c) => c.json({ status: 'ok' }));
app.use('*', crossOrigin());
app.use('*', bearerAuth({ verifyToken: async (token) => token === process.env.API_TOKEN }));
app.get('/users', (c) => c.json([]));

export default app;
