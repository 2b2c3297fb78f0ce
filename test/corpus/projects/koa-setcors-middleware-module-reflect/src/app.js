const Koa = require('koa');
const setCORS = require('./middleware/setCORS');
const router = require('./router');

const app = new Koa();
app.use(setCORS());
app.use(router.routes());
app.listen(3000);
