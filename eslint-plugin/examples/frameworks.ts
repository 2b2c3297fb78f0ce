// Other frameworks: Koa, Fastify, Hono, Next.js route handlers, AWS Lambda, socket.io.
import Koa from 'koa';
import koaCors from '@koa/cors';
import Fastify from 'fastify';
import fastifyCors from '@fastify/cors';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { Server } from 'socket.io';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

// @koa/cors turns `*` plus credentials into reflecting the request's Origin.
const koa = new Koa();
koa.use(koaCors({ origin: '*', credentials: true }));

// @fastify/cors: `origin: true` reflects.
const fastify = Fastify();
await fastify.register(fastifyCors, { origin: true, credentials: true });

// Hono: an origin function's return value is sent verbatim.
const hono = new Hono();
hono.use('/api/*', cors({ origin: (origin) => origin, credentials: true }));

// Next.js route handler.
export async function GET(request: Request): Promise<Response> {
  const origin = request.headers.get('origin') ?? '';
  return Response.json(
    { ok: true },
    { headers: { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' } },
  );
}

// AWS Lambda behind API Gateway.
export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => ({
  statusCode: 200,
  headers: {
    'Access-Control-Allow-Origin': event.headers.origin ?? '*',
    'Access-Control-Allow-Credentials': true,
  },
  body: JSON.stringify({ ok: true }),
});

// socket.io: reflects any origin for the handshake.
export const io = new Server(3000, { cors: { origin: true, credentials: true } });
