// The partner API: @koa/cors with an exact allowlist.
const Koa = require('koa');
const cors = require('@koa/cors');

const PARTNERS = new Set(['https://partner.example.com']);
const app = new Koa();
app.use(cors({ origin: (ctx) => (PARTNERS.has(ctx.get('Origin')) ? ctx.get('Origin') : ''), credentials: true }));
app.listen(3003);
