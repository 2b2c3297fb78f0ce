const { ApolloServer } = require('@apollo/server');
const { startStandaloneServer } = require('@apollo/server/standalone');

const typeDefs = `type Query { ping: String }`;

async function main() {
  const server = new ApolloServer({ typeDefs, resolvers: { Query: { ping: () => 'pong' } } });
  const { url } = await startStandaloneServer(server, {
    cors: { origin: '*', credentials: true },
    listen: { port: 4000 },
  });
  console.log(url);
}

main();
