import cors from '@koa/cors';
import Koa from 'koa';

export default function useCrossOrigin(app: Koa) {
  app.use(
    cors({
      origin: (ctx) => ctx.request.header.origin || '*',
      credentials: true,
    }),
  );
}
