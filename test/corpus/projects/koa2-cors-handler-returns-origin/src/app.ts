import Koa from 'koa';
import { corsHandler } from './middlewares/cors';

const app = new Koa();
app.use(corsHandler);
app.use(async (ctx) => {
  ctx.body = { ok: true };
});
app.listen(7001);
