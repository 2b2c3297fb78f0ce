const Koa = require('koa');
const Router = require('koa-router');
const session = require('koa-session');
const allowOrigin = require('./app/middleware/cors');

const app = new Koa();
const router = new Router();

app.keys = ['change-me'];
app.use(allowOrigin);
app.use(session(app));

router.get('/words/today', (ctx) => {
  ctx.body = { user: ctx.session.user, words: [] };
});
app.use(router.routes());

app.listen(3000);
