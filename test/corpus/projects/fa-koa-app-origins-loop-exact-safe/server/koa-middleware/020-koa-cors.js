module.exports = (app) => {
  app.koa.use(async (ctx, next) => {
    ctx.set('Access-Control-Allow-Origin', 'nothing');
    for (const candidate of app.origins) {
      if (ctx.headers.origin === candidate) {
        ctx.set('Access-Control-Allow-Origin', candidate);
      }
    }
    ctx.set('Access-Control-Allow-Credentials', 'true');
    await next();
  });
};
