import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';

const schema = createSchema({
  typeDefs: 'type Query { me: String }',
  resolvers: { Query: { me: () => null } },
});

const yoga = createYoga({
  schema,
  cors: { origin: ['https://jobs.portalio.com', 'https://admin.portalio.com'] },
});
createServer(yoga).listen(4000);
