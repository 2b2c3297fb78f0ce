import { ApolloServer, gql } from 'apollo-server-express';
import { Application } from 'express';
import { Server } from 'http';

const typeDefs = gql`
  type Query {
    me: String
  }
`;

export const mountGraphql = (app: Application, server: Server) => {
  const graphql = new ApolloServer({
    typeDefs,
    resolvers: { Query: { me: () => null } },
    context: ({ req }) => ({ token: req.headers['authorization'] ?? null }),
  });

  // CORS is already handled by the express app
  graphql.applyMiddleware({
    app,
    cors: false,
  });

  graphql.installSubscriptionHandlers(server);
};
