import fastify from 'fastify';
import cors from '@fastify/cors';
import cookie from '@fastify/cookie';
import dotenv from 'dotenv';
import process from 'node:process';

dotenv.config();

const gateway = fastify({ logger: process.env.NODE_ENV === 'development' });

gateway.register(cors, {
  origin: `https://${process.env.PUBLIC_HOST}`,
  credentials: true,
  methods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'],
});

gateway.register(cookie, { secret: process.env.COOKIE_SECRET });

gateway.get('/api/me', async () => ({ ok: true }));

export default gateway;
