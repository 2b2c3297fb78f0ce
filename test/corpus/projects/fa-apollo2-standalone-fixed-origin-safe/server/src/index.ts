import { ApolloServer, gql } from 'apollo-server';

const typeDefs = gql`
  type Query {
    feed: [String!]!
  }
`;

const server = new ApolloServer({
  typeDefs,
  resolvers: { Query: { feed: () => [] } },
  context: ({ req }) => ({ userId: req.headers['x-user'] }),
  introspection: true,
  playground: true,
  cors: {
    origin: 'http://localhost:3000',
    credentials: true,
  },
});

server.listen().then(({ url }) => console.log(`ready at ${url}`));
