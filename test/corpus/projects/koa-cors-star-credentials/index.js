const Koa = require('koa');
const cors = require('@koa/cors');

const app = new Koa();
app.use(
  cors({
    origin: '*',
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
    credentials: true,
    maxAge: 86400,
  }),
);
app.use(async (ctx) => {
  ctx.body = 'ok';
});
app.listen(3000);
