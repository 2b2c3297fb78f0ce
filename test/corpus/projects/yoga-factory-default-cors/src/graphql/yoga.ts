import { createYoga } from 'graphql-yoga';
import { schema } from './schema';

export const createYogaServer = () =>
  createYoga({
    schema,
    graphiql: process.env.NODE_ENV !== 'production',
  });
