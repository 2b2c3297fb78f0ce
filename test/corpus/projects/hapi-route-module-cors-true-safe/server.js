const Hapi = require('@hapi/hapi');
const publicRoutes = require('./routes/public');

const start = async () => {
  const server = Hapi.server({ port: 8080 });
  server.route(publicRoutes);
  await server.start();
};

start();
