const server = require('./config/server');
const routes = require('./routes/auth');

(async () => {
  server.route(routes);
  await server.start();
  console.log('listening', server.info.uri);
})();
