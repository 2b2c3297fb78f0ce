const { ApolloServer, gql } = require('apollo-server-lambda');

const typeDefs = gql`
  type Query {
    stories: [String]
  }
`;
const resolvers = { Query: { stories: () => [] } };

exports.server = new ApolloServer({ typeDefs, resolvers });
