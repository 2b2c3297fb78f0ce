import { Express } from 'express';

export const installHeadersFromCookies = (app: Express) => {
  app.use((req, _res, next) => {
    const token = req.headers.cookie?.match(/token=([^;]+)/)?.[1];
    if (token) req.headers.authorization = `Bearer ${token}`;
    next();
  });
};
