const Koa = require('koa');
const cors = require('@koa/cors');

const app = new Koa();
app.use(cors());
app.use(async (ctx) => {
  ctx.body = { holidays: ['2026-12-25'] };
});
app.listen(3000);
