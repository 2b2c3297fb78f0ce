import Koa from 'koa';
import { bodyParserMiddleware, corsMiddleware, bearerFrom } from './middlewares';

export interface SimpleAppParams {
  prefix: string;
  cors: boolean;
}

export function buildSimpleApp({ prefix, cors }: SimpleAppParams): Koa {
  const app = new Koa();
  app.use(bodyParserMiddleware);
  if (cors) app.use(corsMiddleware);
  app.use(async (ctx, next) => {
    if (!ctx.path.startsWith(prefix)) return next();
    const token = bearerFrom(ctx.get('authorization'));
    if (!token) ctx.throw(401);
    await next();
  });
  return app;
}
