/**
 * The real CORS middleware of each library, run in-process on one request: Fastify's `inject`, hapi's
 * `server.inject`, Hono/Yoga/Elysia through their `fetch` handlers, middy and apollo-server-lambda by
 * invoking the handler, and the rest (cors, Koa, socket.io, Apollo standalone) over node:http on 127.0.0.1.
 * Each runner takes the options as a JavaScript value (evaluated from the same source the analysis reads).
 */
import { once } from 'node:events';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export type Kind = 'get' | 'preflight';

export interface Observed {
  /** Access-Control-Allow-Origin, as sent (undefined: not sent). */
  readonly acao: string | undefined;
  /** Access-Control-Allow-Credentials, as sent. */
  readonly acac: string | undefined;
}

export interface Request {
  /** undefined: the request has no Origin header. */
  readonly origin: string | undefined;
  readonly kind: Kind;
}

/** A configured server: answer one request; close when done. */
export interface Instance {
  send(request: Request): Promise<Observed>;
  close(): Promise<void>;
}

/** `options === NO_OPTIONS`: the library is used without an options argument (`cors()`). */
export const NO_OPTIONS = Symbol('no options');
export type Options = unknown;

function headersOf(request: Request): Record<string, string> {
  const h: Record<string, string> = {};
  if (request.origin !== undefined) h.origin = request.origin;
  if (request.kind === 'preflight') {
    h['access-control-request-method'] = 'GET';
    h['access-control-request-headers'] = 'content-type';
  }
  return h;
}

const methodOf = (r: Request) => (r.kind === 'preflight' ? 'OPTIONS' : 'GET');

function pick(get: (name: string) => string | string[] | null | undefined): Observed {
  const one = (n: string) => {
    const v = get(n);
    return v === null || v === undefined ? undefined : Array.isArray(v) ? v.join(', ') : String(v);
  };
  return { acao: one('access-control-allow-origin'), acac: one('access-control-allow-credentials') };
}

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

function httpSend(port: number, path: string, request: Request): Promise<Observed> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: methodOf(request), headers: headersOf(request), agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve(pick((n) => res.headers[n])));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function nodeServer(
  handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void,
  path = '/',
): Promise<Instance> {
  const server = createServer(handler);
  const port = await listen(server);
  return {
    send: (r) => httpSend(port, path, r),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function fetchInstance(fetchFn: (req: globalThis.Request) => Promise<Response> | Response, path = '/'): Instance {
  return {
    async send(r) {
      const res = await fetchFn(
        new globalThis.Request(`http://localhost${path}`, { method: methodOf(r), headers: headersOf(r) }),
      );
      return pick((n) => res.headers.get(n));
    },
    close: async () => {},
  };
}

/** Calls a library's factory with the options, or with none; typed loosely (each library types its own). */
/** A Fastify app (plain, or the one NestJS's adapter builds) asked through `inject`. */
function fastifyInstance(app: {
  inject(o: { method: string; url: string; headers: Record<string, string> }): Promise<{
    headers: Record<string, unknown>;
  }>;
  close(): unknown;
}): Instance {
  return {
    async send(r) {
      const res = await app.inject({ method: methodOf(r), url: '/', headers: headersOf(r) });
      return pick((n) => res.headers[n] as string | undefined);
    },
    close: async () => {
      await app.close();
    },
  };
}

const withArgs = (options: Options, f: unknown): never => {
  const call = f as (...args: unknown[]) => never;
  return options === NO_OPTIONS ? call() : call(options);
};

export const RUNNERS: Record<string, (options: Options) => Promise<Instance>> = {
  async cors(options) {
    const { default: cors } = await import('cors');
    const mw: (req: unknown, res: unknown, next: () => void) => void = withArgs(options, cors);
    return nodeServer((req, res) => mw(req, res, () => res.end('ok')));
  },

  async 'fastify-cors'(options) {
    const { default: Fastify } = await import('fastify');
    const { default: cors } = await import('@fastify/cors');
    const app = Fastify();
    await app.register(cors as never, (options === NO_OPTIONS ? {} : options) as never);
    app.get('/', async () => 'ok');
    await app.ready();
    return fastifyInstance(app);
  },

  async 'nestjs-fastify'(options) {
    // The adapter NestFactory.create(AppModule, new FastifyAdapter(), { cors }) builds, without a Nest app.
    const { FastifyAdapter } = await import('@nestjs/platform-fastify');
    const adapter = new FastifyAdapter();
    if (options === NO_OPTIONS) adapter.enableCors();
    else adapter.enableCors(options as never);
    const app = adapter.getInstance();
    app.get('/', async () => 'ok');
    await app.ready();
    return fastifyInstance(app);
  },

  async 'koa-cors@5'(options) {
    return koaWith((await import('@koa/cors' as string)).default as never, options);
  },

  async 'koa-cors@4'(options) {
    // @koa/cors 4.0.0, installed under an npm alias next to 5.0.0.
    return koaWith((await import('koa-cors-v4' as string)).default as never, options);
  },

  async 'koa2-cors'(options) {
    return koaWith((await import('koa2-cors' as string)).default as never, options);
  },

  async hapi(options) {
    const Hapi = await import('@hapi/hapi');
    const server = Hapi.server();
    server.route({
      method: 'GET',
      path: '/',
      options: options === NO_OPTIONS ? {} : { cors: options as never },
      handler: () => 'ok',
    });
    await server.initialize();
    return {
      async send(r) {
        const res = await server.inject({ method: methodOf(r), url: '/', headers: headersOf(r) });
        return pick((n) => res.headers[n] as string | undefined);
      },
      close: () => server.stop(),
    };
  },

  async h3(options) {
    const { createApp, eventHandler, handleCors, toNodeListener } = await import('h3');
    const app = createApp();
    const given = (options === NO_OPTIONS ? {} : options) as never;
    app.use(eventHandler((event) => (handleCors(event, given) ? undefined : 'ok')));
    return nodeServer(toNodeListener(app) as never);
  },

  async glue(options) {
    // @hapi/glue composes the server from the manifest: `server.routes.cors` is every route's default.
    const Glue = await import('@hapi/glue' as string);
    const compose = (Glue.compose ?? Glue.default.compose) as (m: unknown) => Promise<import('@hapi/hapi').Server>;
    const server = await compose({ server: options === NO_OPTIONS ? {} : { routes: { cors: options } } });
    server.route({ method: 'GET', path: '/', handler: () => 'ok' });
    await server.initialize();
    return {
      async send(r) {
        const res = await server.inject({ method: methodOf(r), url: '/', headers: headersOf(r) });
        return pick((n) => res.headers[n] as string | undefined);
      },
      close: () => server.stop(),
    };
  },

  async hono(options) {
    const { Hono } = await import('hono');
    const { cors } = await import('hono/cors');
    const app = new Hono();
    app.use('*', withArgs(options, cors));
    app.get('/', (c) => c.text('ok'));
    return fetchInstance((req) => app.fetch(req));
  },

  async middy(options) {
    const { default: middy } = await import('@middy/core');
    const { default: httpCors } = await import('@middy/http-cors');
    const handler = middy(async () => ({ statusCode: 200, body: 'ok', headers: {} })).use(
      withArgs(options, httpCors) as ReturnType<typeof httpCors>,
    );
    return {
      async send(r) {
        const res = (await handler(
          { httpMethod: methodOf(r), path: '/', headers: headersOf(r) } as never,
          {} as never,
        )) as { headers?: Record<string, string> };
        const h = Object.fromEntries(Object.entries(res.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
        return pick((n) => h[n]);
      },
      close: async () => {},
    };
  },

  async 'socket.io'(options) {
    const { Server } = await import('socket.io');
    const http = createServer();
    const io = new Server(http, options === NO_OPTIONS ? {} : { cors: options as never });
    const port = await listen(http);
    return {
      send: (r) => httpSend(port, '/socket.io/?EIO=4&transport=polling', r),
      close: () => new Promise((resolve) => void io.close(() => resolve())),
    };
  },

  async yoga(options) {
    const { createYoga, createSchema } = await import('graphql-yoga');
    const schema = createSchema({ typeDefs: 'type Query { a: Int }' });
    const yoga = createYoga(options === NO_OPTIONS ? { schema } : { schema, cors: options as never });
    return fetchInstance((req) => yoga.fetch(req), '/graphql?query=%7Ba%7D');
  },

  async elysia(options) {
    const { Elysia } = await import('elysia');
    const { cors } = await import('@elysiajs/cors');
    const app = new Elysia().use(withArgs(options, cors) as ReturnType<typeof cors>).get('/', () => 'ok');
    return fetchInstance((req) => app.handle(req));
  },

  async 'apollo-standalone'() {
    const { ApolloServer } = await import('@apollo/server');
    const { startStandaloneServer } = await import('@apollo/server/standalone');
    const server = new ApolloServer({ typeDefs: 'type Query { a: Int }', resolvers: { Query: { a: () => 1 } } });
    const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
    const port = Number(new URL(url).port);
    return { send: (r) => httpSend(port, '/?query=%7Ba%7D', r), close: () => server.stop() };
  },

  async 'apollo-lambda'(options) {
    const { ApolloServer } = await import('apollo-server-lambda' as string);
    const server = new ApolloServer({ typeDefs: 'type Query { a: Int }', resolvers: { Query: { a: () => 1 } } });
    const handler = server.createHandler(
      options === NO_OPTIONS ? undefined : { expressGetMiddlewareOptions: { cors: options } },
    ) as (
      event: unknown,
      context: unknown,
    ) => Promise<{ headers?: Record<string, string>; multiValueHeaders?: Record<string, string[]> }>;
    return {
      async send(r) {
        const headers = headersOf(r);
        const res = await handler(
          {
            httpMethod: methodOf(r),
            path: '/',
            resource: '/',
            headers,
            multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
            queryStringParameters: { query: '{a}' },
            multiValueQueryStringParameters: { query: ['{a}'] },
            requestContext: { path: '/', stage: 'test', httpMethod: methodOf(r), identity: { sourceIp: '127.0.0.1' } },
            body: null,
            isBase64Encoded: false,
          },
          { callbackWaitsForEmptyEventLoop: false, functionName: 'test', awsRequestId: 'test' },
        );
        const h: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers ?? {})) h[k.toLowerCase()] = v;
        for (const [k, v] of Object.entries(res.multiValueHeaders ?? {})) h[k.toLowerCase()] = v.join(', ');
        return pick((n) => h[n]);
      },
      close: async () => {
        // The handler starts the server on its first call.
        await (server.stop() as Promise<void>).catch(() => {});
      },
    };
  },
};

async function koaWith(corsFn: (o?: unknown) => unknown, options: Options): Promise<Instance> {
  const { default: Koa } = (await import('koa' as string)) as {
    default: new () => { use(mw: unknown): void; callback(): (req: IncomingMessage, res: ServerResponse) => void };
  };
  const app = new Koa();
  app.use(withArgs(options, corsFn));
  app.use((ctx: { body: unknown }) => {
    ctx.body = 'ok';
  });
  return nodeServer(app.callback());
}
