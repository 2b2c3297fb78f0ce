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

/**
 * How a runner loads a library: `import()` from this repository's node_modules, or (the version sweep) from a
 * folder where another published version is installed (`loaderFor`).
 */
export type Loader = <T>(specifier: string) => Promise<T>;
export const importModule: Loader = <T>(specifier: string) => import(specifier) as Promise<T>;

export const RUNNERS: Record<string, (options: Options, load?: Loader) => Promise<Instance>> = {
  async cors(options, load = importModule) {
    const { default: cors } = await load<{ default: typeof import('cors') }>('cors');
    const mw: (req: unknown, res: unknown, next: () => void) => void = withArgs(options, cors);
    return nodeServer((req, res) => mw(req, res, () => res.end('ok')));
  },

  async 'fastify-cors'(options, load = importModule) {
    const { default: Fastify } = await load<typeof import('fastify')>('fastify');
    const { default: cors } = await load<typeof import('@fastify/cors')>('@fastify/cors');
    const app = Fastify();
    await app.register(cors as never, (options === NO_OPTIONS ? {} : options) as never);
    app.get('/', async () => 'ok');
    await app.ready();
    return fastifyInstance(app);
  },

  async 'fastify-cors@5'(options, load = importModule) {
    // The old `fastify-cors` package: a version the version test installed (with its fastify 3 beside it),
    // else 5.2.0 on fastify 3, both installed here under npm aliases.
    type FastifyModule = { default: typeof import('fastify').default };
    const [Fastify, cors] = await load<{ default: unknown }>('fastify-cors').then(
      async (m) => [(await load<FastifyModule>('fastify')).default, m.default] as const,
      async () =>
        [
          (await load<FastifyModule>('fastify-v3')).default,
          (await load<{ default: unknown }>('fastify-cors-v5')).default,
        ] as const,
    );
    const app = Fastify();
    await app.register(cors as never, (options === NO_OPTIONS ? {} : options) as never);
    app.get('/', async () => 'ok');
    await app.ready();
    return fastifyInstance(app);
  },

  async 'hono@3'(options, load = importModule) {
    // hono 3.12.12, installed under an npm alias next to hono 4.
    const { Hono } = await load<typeof import('hono')>('hono-v3');
    const { cors } = await load<typeof import('hono/cors')>('hono-v3/cors');
    const app = new Hono();
    app.use('*', withArgs(options, cors));
    app.get('/', (c) => c.text('ok'));
    return fetchInstance((req) => app.fetch(req));
  },

  async 'nestjs-fastify'(options, load = importModule) {
    // The adapter NestFactory.create(AppModule, new FastifyAdapter(), { cors }) builds, without a Nest app.
    const { FastifyAdapter } = await load<typeof import('@nestjs/platform-fastify')>('@nestjs/platform-fastify');
    const adapter = new FastifyAdapter();
    if (options === NO_OPTIONS) adapter.enableCors();
    else adapter.enableCors(options as never);
    const app = adapter.getInstance();
    app.get('/', async () => 'ok');
    await app.ready();
    return fastifyInstance(app);
  },

  async 'koa-cors@5'(options, load = importModule) {
    return koaWith((await load<{ default: unknown }>('@koa/cors')).default as never, options, load);
  },

  async 'koa-cors@4'(options, load = importModule) {
    // @koa/cors 4.0.0, installed under an npm alias next to 5.0.0.
    return koaWith((await load<{ default: unknown }>('koa-cors-v4')).default as never, options, load);
  },

  async 'koa2-cors'(options, load = importModule) {
    return koaWith((await load<{ default: unknown }>('koa2-cors')).default as never, options, load);
  },

  async hapi(options, load = importModule) {
    const Hapi = await load<typeof import('@hapi/hapi')>('@hapi/hapi');
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

  async hono(options, load = importModule) {
    const { Hono } = await load<typeof import('hono')>('hono');
    const { cors } = await load<typeof import('hono/cors')>('hono/cors');
    const app = new Hono();
    app.use('*', withArgs(options, cors));
    app.get('/', (c) => c.text('ok'));
    return fetchInstance((req) => app.fetch(req));
  },

  async middy(options, load = importModule) {
    const { default: middy } = await load<typeof import('@middy/core')>('@middy/core');
    const { default: httpCors } = await load<typeof import('@middy/http-cors')>('@middy/http-cors');
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

  async 'socket.io'(options, load = importModule) {
    // socket.io 2 exports the constructor itself (CommonJS `module.exports = Server`).
    const mod = await load<typeof import('socket.io') & { default?: typeof import('socket.io').Server }>('socket.io');
    const Server = mod.Server ?? mod.default!;
    const http = createServer();
    const io = new Server(http, options === NO_OPTIONS ? {} : { cors: options as never });
    const port = await listen(http);
    return {
      send: (r) => httpSend(port, '/socket.io/?EIO=4&transport=polling', r),
      close: () => new Promise((resolve) => void io.close(() => resolve())),
    };
  },

  async yoga(options, load = importModule) {
    const { createYoga, createSchema } = await load<typeof import('graphql-yoga')>('graphql-yoga');
    const schema = createSchema({ typeDefs: 'type Query { a: Int }' });
    const yoga = createYoga(options === NO_OPTIONS ? { schema } : { schema, cors: options as never });
    return fetchInstance((req) => yoga.fetch(req), '/graphql?query=%7Ba%7D');
  },

  async 'yoga@2'(options, load = importModule) {
    // GraphQL Yoga 2: `createServer` of @graphql-yoga/node (its CORS is @graphql-yoga/common's).
    const { createServer } = await load<{
      createServer(o: object): { fetch(req: globalThis.Request): Promise<Response> };
    }>('@graphql-yoga/node');
    const schema = { typeDefs: 'type Query { a: Int }', resolvers: { Query: { a: () => 1 } } };
    const server = createServer(
      options === NO_OPTIONS ? { schema, logging: false } : { schema, logging: false, cors: options },
    );
    return fetchInstance((req) => server.fetch(req), '/graphql?query=%7Ba%7D');
  },

  async elysia(options, load = importModule) {
    const { Elysia } = await load<typeof import('elysia')>('elysia');
    const { cors } = await load<typeof import('@elysiajs/cors')>('@elysiajs/cors');
    const app = new Elysia().use(withArgs(options, cors) as ReturnType<typeof cors>).get('/', () => 'ok');
    return fetchInstance((req) => app.handle(req));
  },

  async 'apollo-standalone'(_options, load = importModule) {
    const { ApolloServer } = await load<typeof import('@apollo/server')>('@apollo/server');
    const { startStandaloneServer } =
      await load<typeof import('@apollo/server/standalone')>('@apollo/server/standalone');
    const server = new ApolloServer({ typeDefs: 'type Query { a: Int }', resolvers: { Query: { a: () => 1 } } });
    const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
    const port = Number(new URL(url).port);
    return { send: (r) => httpSend(port, '/?query=%7Ba%7D', r), close: () => server.stop() };
  },

  async 'firebase-functions'(options, load = importModule) {
    // The v2 handler itself, as Cloud Run invokes it: node's request and response (the `cors` value as given).
    const { onRequest } = await load<typeof import('firebase-functions/v2/https')>('firebase-functions/v2/https');
    const user = (_req: unknown, res: ServerResponse) => void res.end('ok');
    const fn = options === NO_OPTIONS ? onRequest(user as never) : onRequest({ cors: options as never }, user as never);
    return nodeServer((req, res) => void (fn as unknown as (q: unknown, s: unknown) => unknown)(req, res));
  },

  async 'firebase-callable'(options, load = importModule) {
    const { onCall } = await load<typeof import('firebase-functions/https')>('firebase-functions/https');
    const fn = options === NO_OPTIONS ? onCall(() => 1) : onCall({ cors: options as never }, () => 1);
    // A callable answers a GET with an error through Express's `res.status().send()`: run it in Express.
    const { default: express } = await load<{ default: () => { use(fn: never): void } }>('express');
    const app = express();
    app.use(fn as never);
    return nodeServer(app as never);
  },

  async 'itty-router'(options, load = importModule) {
    // v5 `cors()`: `preflight` answers OPTIONS, `corsify` decorates the response of any other request.
    const { cors } = await load<typeof import('itty-router')>('itty-router');
    const { preflight, corsify } = withArgs(options, cors) as ReturnType<typeof cors>;
    return fetchInstance((req) =>
      req.method === 'OPTIONS' ? (preflight(req) as Response) : corsify(new Response('ok'), req),
    );
  },

  async 'itty-router-v4'(options, load = importModule) {
    // 4.x `createCors()`: `preflight` runs before every request (it records the allowed origin), `corsify` after.
    const { createCors } = await load<{
      createCors: (o?: unknown) => { preflight: (r: globalThis.Request) => unknown; corsify: (r: Response) => unknown };
    }>('itty-router-v4');
    const { preflight, corsify } = withArgs(options, createCors) as ReturnType<typeof createCors>;
    return fetchInstance((req) => {
      const early = preflight(req) as Response | undefined;
      return early ?? (corsify(new Response('ok')) as Response);
    });
  },

  async 'tinyhttp-cors'(options, load = importModule) {
    const { cors } = await load<{ cors: (o?: unknown) => (q: unknown, s: unknown, n: () => void) => void }>(
      '@tinyhttp/cors',
    );
    const mw = withArgs(options, cors) as ReturnType<typeof cors>;
    return nodeServer((req, res) => mw(req, res, () => res.end('ok')));
  },

  async 'hattip-cors'(options, load = importModule) {
    // A hattip handler is called with the context `compose` builds: the Request, its method and `next()`.
    const { cors } = await load<{ cors: (o?: unknown) => (ctx: unknown) => Promise<Response | undefined> }>(
      '@hattip/cors',
    );
    const handler = withArgs(options, cors) as ReturnType<typeof cors>;
    return fetchInstance(async (request) => {
      const ctx = { request, method: request.method, next: async () => new Response('ok') };
      return (await handler(ctx)) ?? new Response('ok');
    });
  },

  async 'micro-cors'(options, load = importModule) {
    // micro-cors wraps a handler: `cors(options)(handler)`.
    const { default: microCors } = await load<{
      default: (o?: unknown) => (h: (q: unknown, s: ServerResponse) => void) => (q: unknown, s: unknown) => void;
    }>('micro-cors');
    const handler = (withArgs(options, microCors) as ReturnType<typeof microCors>)((_q, s) => void s.end('ok'));
    return nodeServer((req, res) => handler(req, res));
  },

  async 'restify-cors'(options, load = importModule) {
    // A real restify 11 server: `server.pre(cors.preflight)`, `server.use(cors.actual)`, one GET route.
    type Next = () => void;
    type Handler = (req: unknown, res: { send(b: unknown): void }, next: Next) => void;
    const restify = await load<{
      createServer(): {
        pre(h: unknown): void;
        use(h: unknown): void;
        get(path: string, h: Handler): void;
        listen(port: number, host: string, cb: () => void): void;
        address(): AddressInfo;
        close(cb: () => void): void;
      };
    }>('restify');
    const { default: corsMiddleware } = await load<{
      default: (o: unknown) => { preflight: unknown; actual: unknown };
    }>('restify-cors-middleware2');
    const cors = corsMiddleware(options === NO_OPTIONS ? {} : options);
    const server = restify.createServer();
    server.pre(cors.preflight);
    server.use(cors.actual);
    server.get('/', (_req, res, next) => {
      res.send('ok');
      next();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = server.address().port;
    return {
      send: (r) => httpSend(port, '/', r),
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
  },

  async 'hapi-cors-headers'(_options, load = importModule) {
    // Called as hapi 16 calls an `onPreResponse` extension: `(request, reply)`, the method in lower case, the
    // response's headers as an object, `reply.continue()` (the package predates hapi 17's toolkit).
    const { default: addCorsHeaders } = await load<{
      default: (request: unknown, reply: { continue(): void }) => void;
    }>('hapi-cors-headers');
    return {
      async send(r) {
        const response = { headers: {} as Record<string, unknown>, statusCode: 200 };
        const request = { headers: headersOf(r), method: methodOf(r).toLowerCase(), response };
        await new Promise<void>((resolve) => addCorsHeaders(request, { continue: resolve }));
        return pick((n) => response.headers[n] as string | undefined);
      },
      close: async () => {},
    };
  },

  async 'egg-cors'(options, load = importModule) {
    // egg-cors as egg loads it: app.js runs on the app (filling in `origin` when the config has none), then
    // app/middleware/cors.js (`@koa/cors`) is called with `config.cors`.
    const { default: boot } = await load<{ default: (app: unknown) => void }>('egg-cors/app.js');
    const { default: middleware } = await load<{ default: (o: unknown) => unknown }>('egg-cors/app/middleware/cors.js');
    const config = {
      coreMiddlewares: [] as string[],
      cors: { ...(options === NO_OPTIONS ? {} : (options as object)) },
    };
    boot({ config });
    return koaWith(() => middleware(config.cors), NO_OPTIONS, load);
  },

  async 'apollo-lambda'(options, load = importModule) {
    const { ApolloServer } = await load<{
      ApolloServer: new (config: object) => { createHandler(options?: object): unknown; stop(): Promise<void> };
    }>('apollo-server-lambda');
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

async function koaWith(corsFn: (o?: unknown) => unknown, options: Options, load: Loader): Promise<Instance> {
  const { default: Koa } = (await load<{ default: unknown }>('koa')) as {
    default: new () => { use(mw: unknown): void; callback(): (req: IncomingMessage, res: ServerResponse) => void };
  };
  const app = new Koa();
  app.use(withArgs(options, corsFn));
  app.use((ctx: { body: unknown }) => {
    ctx.body = 'ok';
  });
  return nodeServer(app.callback());
}
