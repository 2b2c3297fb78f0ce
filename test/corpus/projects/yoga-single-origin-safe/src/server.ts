import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';

const schema = createSchema({
  typeDefs: 'type Query { jobs: [String!]! }',
  resolvers: { Query: { jobs: () => [] } },
});

const yoga = createYoga({
  schema,
  cors: { origin: 'https://jobs.portalio.com', credentials: true, methods: ['POST'] },
});
createServer(yoga).listen(4000);
