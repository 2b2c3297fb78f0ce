import { ApolloServer, gql } from 'apollo-server-lambda';

const server = new ApolloServer({
  typeDefs: gql`
    type Query {
      properties: [String]
    }
  `,
  resolvers: { Query: { properties: () => [] } },
});

export const graphqlHandler = server.createHandler({
  expressGetMiddlewareOptions: {
    cors: {
      credentials: true,
      origin: (origin, callback) => {
        callback(null, origin);
      },
    },
  },
});
