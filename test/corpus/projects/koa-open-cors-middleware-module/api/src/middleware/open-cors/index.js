export default async (ctx, next) => {
  const { method, headers } = ctx.req;
  ctx.set('Access-Control-Allow-Origin', headers.origin);
  ctx.set('Access-Control-Allow-Methods', 'POST,OPTIONS');
  ctx.set('Access-Control-Allow-Credentials', true);
  if (method === 'OPTIONS') {
    ctx.status = 200;
  } else {
    await next();
  }
};
