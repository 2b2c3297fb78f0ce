const Fastify = require('fastify');

const app = Fastify();
app.register(require('./plugins/cors'));
app.get('/snippets', async () => []);
module.exports = app;
