import { createSchema } from 'graphql-yoga';
import { Server } from './src/Server.js';

const schema = createSchema({
  typeDefs: 'type Query { documents: [String!]! }',
  resolvers: { Query: { documents: () => [] } },
});

const server = Server({ schema, context: {} });
server.listen(4000, () => console.info('listening on http://localhost:4000/graphql'));
