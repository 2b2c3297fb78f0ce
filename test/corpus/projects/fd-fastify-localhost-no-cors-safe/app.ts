import Fastify from 'fastify';

const app = Fastify({ logger: true });

app.get('/', (_request, reply) => {
  reply.send({ hello: 'world' });
});

app.listen({ port: 3000, host: 'localhost' }, (err, address) => {
  if (err) {
    app.log.error(err);
    process.exit(1);
  }
  app.log.info(`listening on ${address}`);
});
