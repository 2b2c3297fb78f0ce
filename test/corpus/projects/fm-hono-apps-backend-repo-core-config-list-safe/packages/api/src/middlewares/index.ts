import { config } from '@repo/core';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { csrf } from 'hono/csrf';

const app = new Hono();

app.use(
  cors({
    allowMethods: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'],
    credentials: true,
    origin: [config.frontendUrl, config.backendUrl],
  }),
);
app.use(csrf({ origin: [config.frontendUrl, config.backendUrl] }));

export default app;
