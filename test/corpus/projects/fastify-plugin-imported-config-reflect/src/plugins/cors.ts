import fp from 'fastify-plugin';
import cors from '@fastify/cors';
import { corsConfig } from '../config/cors';

export default fp(async (fastify) => {
  await fastify.register(cors, corsConfig);
});
