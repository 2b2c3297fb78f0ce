const Koa = require('koa');
const cors = require('koa2-cors');

const app = new Koa();
app.use(
  cors({
    credentials: true,
    allowMethods: ['GET', 'POST', 'DELETE'],
    allowHeaders: ['Content-Type', 'Authorization'],
  }),
);
app.use(async (ctx) => {
  ctx.body = { session: ctx.cookies.get('sid') || null };
});
app.listen(3000);
