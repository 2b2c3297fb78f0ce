import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';

const schema = createSchema({
  typeDefs: 'type Query { jobs: [String!]! }',
  resolvers: { Query: { jobs: () => [] } },
});

const yoga = createYoga({ schema });
createServer(yoga).listen(4000);
