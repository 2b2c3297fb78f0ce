const Koa = require('koa');

const app = new Koa();

function trusted(origin) {
  try {
    const { protocol, hostname } = new URL(origin);
    return protocol === 'https:' && hostname === 'app.fernhill.io';
  } catch {
    return false;
  }
}

app.use(async (ctx, next) => {
  const origin = ctx.get('Origin');
  if (origin && trusted(origin)) {
    ctx.set('Access-Control-Allow-Origin', origin);
    ctx.set('Access-Control-Allow-Credentials', 'true');
    ctx.vary('Origin');
  }
  await next();
});
app.use(async (ctx) => {
  ctx.body = { ok: true };
});
app.listen(3000);
