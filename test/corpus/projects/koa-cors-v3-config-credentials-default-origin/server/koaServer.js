const Koa = require('koa');
const cors = require('@koa/cors');
const config = require('../config');

const app = new Koa();
app.use(cors(config.cors));
app.use(async (ctx) => {
  ctx.body = { me: ctx.state.user || null };
});

module.exports = () => app.listen(config.port);
