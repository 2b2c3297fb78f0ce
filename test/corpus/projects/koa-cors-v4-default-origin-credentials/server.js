const Koa = require('koa');
const cors = require('@koa/cors');

const app = new Koa();
app.use(cors({ credentials: true }));
app.use(async (ctx) => {
  ctx.body = { profile: ctx.state.user || null };
});
app.listen(3000);
