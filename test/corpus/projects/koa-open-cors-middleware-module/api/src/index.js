import Koa from 'koa';
import openCors from './middleware/open-cors/index.js';

const app = new Koa();
app.use(openCors);
app.use(async (ctx) => {
  ctx.body = { data: { models: [] } };
});
app.listen(4000);
