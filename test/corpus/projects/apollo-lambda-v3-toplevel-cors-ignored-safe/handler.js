const { ApolloServer, gql } = require('apollo-server-lambda');

const server = new ApolloServer({
  typeDefs: gql`
    type Query {
      menu: [String]
    }
  `,
  resolvers: { Query: { menu: () => [] } },
});

exports.graphqlHandler = server.createHandler({
  cors: {
    origin: true,
    credentials: true,
  },
});
