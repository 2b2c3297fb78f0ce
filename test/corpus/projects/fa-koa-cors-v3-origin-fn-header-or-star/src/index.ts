import Koa from 'koa';
import installMiddleware from './middleware';

const app = new Koa();
installMiddleware(app);
app.use(async (ctx) => {
  ctx.body = { user: ctx.cookies.get('sid') ?? null };
});
app.listen(7001);
