import routes from '@repo/api';
import { config } from '@repo/core';
import { Hono } from 'hono';
import { cors } from 'hono/cors';

const app = new Hono();

app.use(cors({ credentials: true, origin: [config.frontendUrl, config.backendUrl] }));
app.get('/', (c) => c.text('backend up'));
app.route('/', routes);

export default { fetch: app.fetch, port: process.env.PORT ?? 3000 };
