import { createSchema } from 'graphql-yoga';

export const schema = createSchema({
  typeDefs: 'type Query { me: String }',
  resolvers: { Query: { me: () => 'someone' } },
});
