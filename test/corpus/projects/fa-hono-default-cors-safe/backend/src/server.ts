import { Hono } from 'hono';
import { cors } from 'hono/cors';

const calls = new Hono().get('/sessions', (c) => c.json([]));

export const app = new Hono<{ Bindings: Record<string, string> }>().use('*', cors()).route('/calls', calls);

export default app;
