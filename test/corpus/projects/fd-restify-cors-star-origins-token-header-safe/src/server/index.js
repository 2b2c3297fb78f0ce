const restify = require('restify');
const cors = require('./cors.js');
const requireToken = require('./token.js');
const routes = require('../http/routes.js');

const server = restify.createServer();

server.pre(cors.preflight);
server.use(cors.actual);
server.use(restify.plugins.bodyParser({ mapParams: true }));
server.use(requireToken());

routes(server);

module.exports = server;
