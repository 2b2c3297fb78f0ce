const Koa = require('koa');
const tools = require('../tools/core');

module.exports = async (app) => {
  app.koa = new Koa();
  require('../config/koa')(app);
  require('koa-onerror')(app.koa);
  await tools.loader('koa-middleware', app);
  return true;
};
