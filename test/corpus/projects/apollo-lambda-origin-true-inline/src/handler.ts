import { ApolloServer, gql } from 'apollo-server-lambda';

const server = new ApolloServer({
  typeDefs: gql`
    type Query {
      stats: [Int]
    }
  `,
  resolvers: { Query: { stats: () => [] } },
});

export default server.createHandler({
  cors: {
    origin: true,
    credentials: true,
  },
});
