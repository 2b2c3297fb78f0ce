const Router = require('@koa/router');

const router = new Router();
router.get('/api/user', (ctx) => {
  ctx.body = { user: ctx.cookies.get('sid') };
});

module.exports = router;
