import express from 'express';
import { installCors, installHeadersFromCookies } from './middlewares';

export function makeApp() {
  const app = express();
  installCors(app);
  installHeadersFromCookies(app);
  app.post('/graphql', (_req, res) => res.json({ data: null }));
  return app;
}
