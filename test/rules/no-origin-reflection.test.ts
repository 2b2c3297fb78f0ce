import rule from '../../eslint-plugin/src/rules/no-origin-reflection';
import { ruleTester } from './tester';

ruleTester.run('no-origin-reflection', rule, {
  valid: [
    // A fixed origin.
    `app.use((req, res) => { res.header('Access-Control-Allow-Origin', 'https://shop.example.com'); });`,
    // `*` without credentials on public data.
    `http.createServer((req, res) => { res.setHeader('Access-Control-Allow-Origin', '*'); res.end('{}'); });`,
    // Exact allowlists, in every spelling.
    `const allowed = new Set(['https://a.example.com']);
     app.use((req, res, next) => {
       const origin = req.headers.origin;
       if (allowed.has(origin)) { res.setHeader('Access-Control-Allow-Origin', origin); res.setHeader('Vary', 'Origin'); }
       next();
     });`,
    `const list = ['https://a.example.com', 'https://b.example.com'];
     app.use((req, res, next) => {
       if (list.indexOf(req.header('Origin')) !== -1) res.header('Access-Control-Allow-Origin', req.header('Origin'));
       next();
     });`,
    `app.use((req, res, next) => {
       const origin = req.get('origin');
       if (!['https://a.example.com'].includes(origin)) return next();
       res.set('Access-Control-Allow-Origin', origin);
       next();
     });`,
    `const origins = { 'https://a.example.com': true };
     export default { fetch(request) {
       const origin = request.headers.get('Origin');
       const headers = new Headers();
       if (origins[origin]) headers.set('Access-Control-Allow-Origin', origin);
       return new Response('ok', { headers });
     } };`,
    `function handler(req, res) {
       switch (req.headers.origin) {
         case 'https://a.example.com':
         case 'https://b.example.com':
           res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
           break;
         default:
           break;
       }
     }`,
    `app.use((ctx) => {
       const origin = ctx.get('Origin');
       const allowOrigin = origin === 'https://a.example.com' ? origin : 'https://www.example.com';
       ctx.set('Access-Control-Allow-Origin', allowOrigin);
     });`,
    `let allowOrigin = 'https://www.example.com';
     function h(event) {
       if (new Set(['https://a.example.com']).has(event.headers.origin)) allowOrigin = event.headers.origin;
       return { statusCode: 200, headers: { 'Access-Control-Allow-Origin': allowOrigin } };
     }`,
    // A helper that checks exactly.
    `const ALLOWED = ['https://a.example.com'];
     function isAllowed(o) { return ALLOWED.includes(o); }
     app.use((req, res) => { if (isAllowed(req.headers.origin)) res.setHeader('Access-Control-Allow-Origin', req.headers.origin); });`,
    // A check we cannot see is trusted (no guessing).
    `import { isTrustedOrigin } from './policy';
     app.use((req, res) => { if (isTrustedOrigin(req.headers.origin)) res.setHeader('Access-Control-Allow-Origin', req.headers.origin); });`,
    // Regex and string checks are judged by no-unsafe-origin-check, not here.
    `app.use((req, res) => { if (/^https:\\/\\/a\\.example\\.com$/.test(req.headers.origin)) res.setHeader('Access-Control-Allow-Origin', req.headers.origin); });`,
    // cors with an allowlist, the documented callback and the documented delegate.
    `import cors from 'cors'; app.use(cors({ origin: ['https://a.example.com'], credentials: true }));`,
    `import cors from 'cors'; app.use(cors());`,
    `const cors = require('cors');
     const whitelist = ['http://example1.com', 'http://example2.com'];
     app.use(cors({ origin: function (origin, callback) {
       if (whitelist.indexOf(origin) !== -1) { callback(null, true); } else { callback(new Error('Not allowed by CORS')); }
     } }));`,
    `const cors = require('cors');
     const allowlist = ['http://example1.com'];
     const delegate = function (req, callback) {
       let corsOptions;
       if (allowlist.indexOf(req.header('Origin')) !== -1) { corsOptions = { origin: true }; } else { corsOptions = { origin: false }; }
       callback(null, corsOptions);
     };
     app.get('/products/:id', cors(delegate), handler);`,
    `import cors from 'cors';
     const allowed = new Set(['https://a.example.com']);
     app.use(cors({ credentials: true, origin(origin, cb) {
       if (!origin) return cb(null, true);
       if (!allowed.has(origin)) return cb(new Error('CORS'), false);
       return cb(null, true);
     } }));`,
    `import cors from 'cors'; const allowed = new Set(['https://a.example.com']);
     app.use(cors({ origin: (origin, cb) => cb(null, allowed.has(origin)) }));`,
    // Other libraries with explicit origins.
    `import fastifyCors from '@fastify/cors'; fastify.register(fastifyCors, { origin: ['https://a.example.com'] });`,
    `import { cors } from 'hono/cors'; app.use(cors({ origin: (origin) => (origin === 'https://a.example.com' ? origin : null) }));`,
    `import koaCors from '@koa/cors'; app.use(koaCors({ origin: (ctx) => { const o = ctx.get('Origin'); return ['https://a.example.com'].includes(o) ? o : ''; } }));`,
    `server.route({ method: 'GET', path: '/', options: { cors: { origin: ['https://a.example.com'] } }, handler });`,
    `app.enableCors({ origin: ['https://a.example.com'], credentials: true });`,
    `import { Server } from 'socket.io'; new Server(httpServer, { cors: { origin: 'https://a.example.com' } });`,
    `import { Server } from 'socket.io'; new Server(httpServer);`,
    // Client-side code and unrelated headers.
    `fetch('https://api.example.com/orders', { credentials: 'include', headers: { 'Access-Control-Allow-Origin': location.origin } });`,
    `app.use((req, res) => { res.setHeader('X-Request-Origin', req.headers.origin); res.setHeader('X-Origin', req.get('origin')); });`,
    `const origin = config.get('origin'); app.use((req, res) => res.setHeader('Access-Control-Allow-Origin', origin));`,
    // A check assigned (not initialised) to a variable, then tested (found by the sweep in \`cors\`).
    `app.use((req, res) => {
       var origin = req.headers.origin, allowed;
       allowed = ['https://a.example.com'].includes(origin);
       if (allowed) res.setHeader('Access-Control-Allow-Origin', origin);
     });`,
    // A guard inside an inlined helper, on its parameter (found by the sweep in @fastify/cors).
    `function pick(reqOrigin, list) { return list.indexOf(reqOrigin) !== -1 ? reqOrigin : false; }
     app.use((req, reply) => { const origin = pick(req.headers.origin, ALLOWED); if (origin) reply.header('Access-Control-Allow-Origin', origin); });`,
    // Values we cannot know stay silent.
    `import { pickOrigin } from './cors'; app.use((req, res) => res.setHeader('Access-Control-Allow-Origin', pickOrigin(req)));`,
    `app.use((req, res) => res.setHeader(name, req.headers.origin));`,
  ],
  invalid: [
    {
      // Express, the guide's preflight handler.
      code: `app.options('/orders', (req, res) => {
  res.header('Access-Control-Allow-Origin', req.header('Origin'));
  res.header('Access-Control-Allow-Credentials', 'true');
  res.sendStatus(204);
});`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: {
            subject: "Reflects `req.header('Origin')` unchecked",
            attacker: 'https://evil.example',
          },
          line: 2,
          column: 45,
          endLine: 2,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'suggestAllowlistCheck',
              output: `const ALLOWED_ORIGINS = new Set(['https://your-frontend.example']);
app.options('/orders', (req, res) => {
  res.header('Vary', 'Origin');
  if (ALLOWED_ORIGINS.has(req.header('Origin'))) {
    res.header('Access-Control-Allow-Origin', req.header('Origin'));
  }
  res.header('Access-Control-Allow-Credentials', 'true');
  res.sendStatus(204);
});`,
            },
          ],
        },
      ],
    },
    {
      // node:http, with the configured allowlist written into the suggestion after the imports.
      code: `import http from 'node:http';
http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.end();
});`,
      options: [{ allowedOrigins: ['https://shop.example.com'] }],
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          line: 3,
          column: 48,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'suggestAllowlistCheck',
              output: `import http from 'node:http';
const ALLOWED_ORIGINS = new Set(['https://shop.example.com']);
http.createServer((req, res) => {
  res.setHeader('Vary', 'Origin');
  if (ALLOWED_ORIGINS.has(req.headers.origin)) {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  }
  res.end();
});`,
            },
          ],
        },
      ],
    },
    {
      // writeHead with a headers object, bracket access.
      code: `function h(req, res) { res.writeHead(200, { 'Access-Control-Allow-Origin': req.headers['origin'], 'Access-Control-Allow-Credentials': 'true' }); }`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 1,
          column: 76,
          endColumn: 97,
          suggestions: [
            {
              messageId: 'suggestAllowlistHeader',
              output: `const ALLOWED_ORIGINS = new Set(['https://your-frontend.example']);
function h(req, res) { res.writeHead(200, {
  ...(ALLOWED_ORIGINS.has(req.headers['origin'])
    ? { 'Access-Control-Allow-Origin': req.headers['origin'] }
    : {}),
  Vary: 'Origin',
  'Access-Control-Allow-Credentials': 'true',
}); }`,
            },
          ],
        },
      ],
    },
    {
      // A guard that only proves an Origin is present.
      code: `app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: {
            subject: 'Reflects `req.headers.origin` (`origin` passes any origin)',
            attacker: 'https://evil.example',
          },
          line: 4,
          column: 50,
          suggestions: [
            {
              messageId: 'suggestAllowlistCheck',
              output: `const ALLOWED_ORIGINS = new Set(['https://your-frontend.example']);
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin) {
    res.setHeader('Vary', 'Origin');
    if (ALLOWED_ORIGINS.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
    }
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      code: `app.use((req, res) => { const o = req.get('origin'); if (o !== undefined) res.set('Access-Control-Allow-Origin', o); });`,
      errors: [{ messageId: 'reflectedWithoutCredentials', line: 1, column: 114, endColumn: 115, suggestions: [] }],
    },
    {
      // Header name through a constant, any case; destructured origin.
      code: `const ACAO = 'access-control-allow-origin';
app.use((req, res) => { const { origin } = req.headers; res.set(ACAO, origin); });`,
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          data: {
            subject: 'Reflects `req.headers.origin` unchecked',
            attacker: 'https://evil.example',
          },
          line: 2,
          column: 71,
          endColumn: 77,
          suggestions: [
            {
              messageId: 'suggestAllowlistCheck',
              output: `const ALLOWED_ORIGINS = new Set(['https://your-frontend.example']);
const ACAO = 'access-control-allow-origin';
app.use((req, res) => { const { origin } = req.headers; res.append('Vary', 'Origin');
if (ALLOWED_ORIGINS.has(origin)) {
  res.set(ACAO, origin);
} });`,
            },
          ],
        },
      ],
    },
    {
      // A denylist is not an allowlist.
      code: `const blocked = new Set(['https://evil.example']);
app.use((req, res) => { if (!blocked.has(req.headers.origin)) res.setHeader('Access-Control-Allow-Origin', req.headers.origin); });`,
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          data: {
            subject: 'Reflects `req.headers.origin` (`!blocked.has(req.headers.orig…` passes any origin)',
            attacker: 'https://evil.example',
          },
          line: 2,
          column: 108,
          suggestions: [],
        },
      ],
    },
    {
      // Other request data as the origin.
      code: `app.get('/jsonp', (req, res) => { res.setHeader('Access-Control-Allow-Origin', req.query.origin); });`,
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          data: {
            subject: 'Access-Control-Allow-Origin comes from request parameter `origin`, which the attacker controls',
            attacker: 'https://evil.example',
          },
          line: 1,
          column: 80,
          endColumn: 96,
          suggestions: [
            {
              messageId: 'suggestAllowlistCheck',
              output: `const ALLOWED_ORIGINS = new Set(['https://your-frontend.example']);
app.get('/jsonp', (req, res) => { res.setHeader('Vary', 'Origin');
if (ALLOWED_ORIGINS.has(req.query.origin)) {
  res.setHeader('Access-Control-Allow-Origin', req.query.origin);
} });`,
            },
          ],
        },
      ],
    },
    {
      // A helper that returns the origin.
      code: `function originOf(req) { return req.headers.origin || '*'; }
app.use((req, res) => { res.setHeader('Access-Control-Allow-Origin', originOf(req)); });`,
      errors: [{ messageId: 'reflectedWithoutCredentials', line: 2, column: 70, endColumn: 83 }],
    },
    {
      // Koa.
      code: `app.use(async (ctx, next) => { ctx.set('Access-Control-Allow-Origin', ctx.request.header.origin); ctx.set('Access-Control-Allow-Credentials', 'true'); await next(); });`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 1,
          column: 71,
          endColumn: 96,
          suggestions: [
            {
              messageId: 'suggestAllowlistCheck',
              output: `const ALLOWED_ORIGINS = new Set(['https://your-frontend.example']);
app.use(async (ctx, next) => { ctx.append('Vary', 'Origin');
if (ALLOWED_ORIGINS.has(ctx.request.header.origin)) {
  ctx.set('Access-Control-Allow-Origin', ctx.request.header.origin);
} ctx.set('Access-Control-Allow-Credentials', 'true'); await next(); });`,
            },
          ],
        },
      ],
    },
    {
      // Fastify hook.
      code: `fastify.addHook('onRequest', async (request, reply) => { reply.header('Access-Control-Allow-Origin', request.headers.origin); });`,
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          line: 1,
          column: 102,
          endColumn: 124,
          suggestions: [
            {
              messageId: 'suggestAllowlistCheck',
              output: `const ALLOWED_ORIGINS = new Set(['https://your-frontend.example']);
fastify.addHook('onRequest', async (request, reply) => { reply.header('Vary', 'Origin');
if (ALLOWED_ORIGINS.has(request.headers.origin)) {
  reply.header('Access-Control-Allow-Origin', request.headers.origin);
} });`,
            },
          ],
        },
      ],
    },
    {
      // hapi toolkit.
      code: `const handler = (request, h) => h.response('ok').header('Access-Control-Allow-Origin', request.headers.origin);`,
      errors: [{ messageId: 'reflectedWithoutCredentials', line: 1, column: 88 }],
    },
    {
      // Hono, manual headers.
      code: `app.use('*', async (c, next) => { c.header('Access-Control-Allow-Origin', c.req.header('origin')); c.header('Access-Control-Allow-Credentials', 'true'); await next(); });`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 1,
          column: 75,
          endColumn: 97,
          suggestions: [
            {
              messageId: 'suggestAllowlistCheck',
              output: `const ALLOWED_ORIGINS = new Set(['https://your-frontend.example']);
app.use('*', async (c, next) => { c.header('Vary', 'Origin');
if (ALLOWED_ORIGINS.has(c.req.header('origin'))) {
  c.header('Access-Control-Allow-Origin', c.req.header('origin'));
} c.header('Access-Control-Allow-Credentials', 'true'); await next(); });`,
            },
          ],
        },
      ],
    },
    {
      // Fetch-API runtime: a headers object in a Response.
      code: `export default { async fetch(request) {
  return new Response('ok', { headers: { 'Access-Control-Allow-Origin': request.headers.get('Origin') } });
} };`,
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          line: 2,
          column: 73,
          suggestions: [
            {
              messageId: 'suggestAllowlistHeader',
              output: `const ALLOWED_ORIGINS = new Set(['https://your-frontend.example']);
export default { async fetch(request) {
  return new Response('ok', {
    headers: {
      ...(ALLOWED_ORIGINS.has(request.headers.get('Origin'))
        ? { 'Access-Control-Allow-Origin': request.headers.get('Origin') }
        : {}),
      Vary: 'Origin',
    },
  });
} };`,
            },
          ],
        },
      ],
    },
    {
      // Next.js middleware.
      code: `import { NextResponse } from 'next/server';
export function middleware(req) {
  const res = NextResponse.next();
  res.headers.set('Access-Control-Allow-Origin', req.headers.get('origin') ?? '');
  res.headers.set('Access-Control-Allow-Credentials', 'true');
  return res;
}`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 4,
          column: 50,
          suggestions: [
            {
              // The fetch-API Headers: `Vary` appended on every response, the header set only when listed.
              messageId: 'suggestAllowlistCheck',
              output: `import { NextResponse } from 'next/server';
const ALLOWED_ORIGINS = new Set(['https://your-frontend.example']);
export function middleware(req) {
  const res = NextResponse.next();
  res.headers.append('Vary', 'Origin');
  if (ALLOWED_ORIGINS.has(req.headers.get('origin') ?? '')) {
    res.headers.set(
      'Access-Control-Allow-Origin',
      req.headers.get('origin') ?? '',
    );
  }
  res.headers.set('Access-Control-Allow-Credentials', 'true');
  return res;
}`,
            },
          ],
        },
      ],
    },
    {
      // AWS Lambda.
      code: `export const handler = async (event) => ({ statusCode: 200, headers: { 'Access-Control-Allow-Origin': event.headers.Origin }, body: '' });`,
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          line: 1,
          column: 103,
          suggestions: [
            {
              messageId: 'suggestAllowlistHeader',
              output: `const ALLOWED_ORIGINS = new Set(['https://your-frontend.example']);
export const handler = async (event) => ({
  statusCode: 200,
  headers: {
    ...(ALLOWED_ORIGINS.has(event.headers.Origin)
      ? { 'Access-Control-Allow-Origin': event.headers.Origin }
      : {}),
    Vary: 'Origin',
  },
  body: '',
});`,
            },
          ],
        },
      ],
    },
    {
      // cors: origin: true.
      code: `import cors from 'cors';
app.use(cors({ origin: true, credentials: true }));`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: {
            subject: '`origin: true` makes `cors` reflect every Origin',
            attacker: 'https://evil.example',
          },
          line: 2,
          column: 24,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'suggestAllowlistOption',
              output: `import cors from 'cors';
const ALLOWED_ORIGINS = ['https://your-frontend.example'];
app.use(cors({ origin: ALLOWED_ORIGINS, credentials: true }));`,
            },
          ],
        },
      ],
    },
    {
      // cors required under another name, options in a variable.
      code: `const corsMiddleware = require('cors');
const options = { origin: true };
app.use(corsMiddleware(options));`,
      options: [{ allowedOrigins: ['https://a.example.com', 'https://b.example.com'] }],
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          line: 2,
          column: 27,
          suggestions: [
            {
              messageId: 'suggestAllowlistOption',
              output: `const corsMiddleware = require('cors');
const ALLOWED_ORIGINS = ['https://a.example.com', 'https://b.example.com'];
const options = { origin: ALLOWED_ORIGINS };
app.use(corsMiddleware(options));`,
            },
          ],
        },
      ],
    },
    {
      // An origin callback that allows everything.
      code: `import cors from 'cors';
app.use(cors({ credentials: true, origin: (origin, callback) => callback(null, true) }));`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: { subject: 'The origin callback allows every origin', attacker: 'https://evil.example' },
          line: 2,
          column: 80,
          endColumn: 84,
          suggestions: [
            {
              messageId: 'suggestAllowlistCallback',
              data: { origin: 'origin' },
              output: `import cors from 'cors';
const ALLOWED_ORIGINS = new Set(['https://your-frontend.example']);
app.use(cors({ credentials: true, origin: (origin, callback) => callback(null, ALLOWED_ORIGINS.has(origin)) }));`,
            },
          ],
        },
      ],
    },
    {
      // A delegate that reflects.
      code: `import cors from 'cors';
app.use(cors((req, cb) => cb(null, { origin: req.header('Origin'), credentials: true })));`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 2,
          column: 46,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'suggestAllowlistOption',
              output: `import cors from 'cors';
const ALLOWED_ORIGINS = ['https://your-frontend.example'];
app.use(cors((req, cb) => cb(null, { origin: ALLOWED_ORIGINS, credentials: true })));`,
            },
          ],
        },
      ],
    },
    {
      // @fastify/cors.
      code: `fastify.register(require('@fastify/cors'), { origin: true });`,
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          line: 1,
          column: 54,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'suggestAllowlistOption',
              output: `const ALLOWED_ORIGINS = ['https://your-frontend.example'];
fastify.register(require('@fastify/cors'), { origin: ALLOWED_ORIGINS });`,
            },
          ],
        },
      ],
    },
    {
      code: `import fastifyCors from '@fastify/cors';
await fastify.register(fastifyCors, { origin: async (origin) => true, credentials: true });`,
      errors: [{ messageId: 'reflectedWithCredentials', line: 2, column: 65 }],
    },
    {
      // hapi: cors: true sends back every Origin.
      code: `server.route({ method: 'GET', path: '/orders', options: { cors: true }, handler: () => [] });`,
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          data: {
            subject: "`@hapi/hapi` with no origin list sends back every request's Origin",
            attacker: 'https://evil.example',
          },
          line: 1,
          column: 65,
          suggestions: [
            {
              messageId: 'suggestAllowlistOption',
              output: `const ALLOWED_ORIGINS = ['https://your-frontend.example'];
server.route({ method: 'GET', path: '/orders', options: { cors: { origin: ALLOWED_ORIGINS } }, handler: () => [] });`,
            },
          ],
        },
      ],
    },
    {
      code: `import Hapi from '@hapi/hapi';
const server = Hapi.server({ port: 3000, routes: { cors: { credentials: true } } });`,
      errors: [{ messageId: 'reflectedWithCredentials', line: 2, column: 58, endColumn: 79, suggestions: [] }],
    },
    {
      // NestJS.
      code: `app.enableCors({ origin: true, credentials: true });`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 1,
          column: 26,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'suggestAllowlistOption',
              output: `const ALLOWED_ORIGINS = ['https://your-frontend.example'];
app.enableCors({ origin: ALLOWED_ORIGINS, credentials: true });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule, { cors: { origin: true } });`,
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          line: 2,
          column: 67,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'suggestAllowlistOption',
              output: `import { NestFactory } from '@nestjs/core';
const ALLOWED_ORIGINS = ['https://your-frontend.example'];
const app = await NestFactory.create(AppModule, { cors: { origin: ALLOWED_ORIGINS } });`,
            },
          ],
        },
      ],
    },
    {
      // Hono cors: the origin function's return value is sent verbatim.
      code: `import { cors } from 'hono/cors';
app.use('/api/*', cors({ origin: (origin) => origin, credentials: true }));`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: {
            subject: 'The origin function returns the Origin unchecked',
            attacker: 'https://evil.example',
          },
          line: 2,
          column: 46,
          suggestions: [
            {
              messageId: 'suggestAllowlistReturn',
              output: `import { cors } from 'hono/cors';
const ALLOWED_ORIGINS = new Set(['https://your-frontend.example']);
app.use('/api/*', cors({ origin: (origin) => ALLOWED_ORIGINS.has(origin) ? origin : null, credentials: true }));`,
            },
          ],
        },
      ],
    },
    {
      // @koa/cors with an origin function returning the request's Origin.
      code: `import koaCors from '@koa/cors';
app.use(koaCors({ origin: (ctx) => ctx.get('Origin') }));`,
      errors: [{ messageId: 'reflectedWithoutCredentials', line: 2, column: 36 }],
    },
    {
      // @middy/http-cors getOrigin.
      code: `import cors from '@middy/http-cors';
handler.use(cors({ getOrigin: (incomingOrigin) => incomingOrigin, credentials: true }));`,
      errors: [{ messageId: 'reflectedWithCredentials', line: 2, column: 51 }],
    },
    {
      // socket.io.
      code: `const { Server } = require('socket.io');
const io = new Server(httpServer, { cors: { origin: true, credentials: true } });`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 2,
          column: 53,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'suggestAllowlistOption',
              output: `const { Server } = require('socket.io');
const ALLOWED_ORIGINS = ['https://your-frontend.example'];
const io = new Server(httpServer, { cors: { origin: ALLOWED_ORIGINS, credentials: true } });`,
            },
          ],
        },
      ],
    },
    {
      // Apollo Server 2/3.
      code: `import { ApolloServer } from 'apollo-server-express';
const server = new ApolloServer({ typeDefs, resolvers, cors: { origin: true, credentials: true } });
server.applyMiddleware({ app, cors: { origin: true } });`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 2,
          column: 72,
          endColumn: 76,
          suggestions: [
            {
              messageId: 'suggestAllowlistOption',
              output: `import { ApolloServer } from 'apollo-server-express';
const ALLOWED_ORIGINS = ['https://your-frontend.example'];
const server = new ApolloServer({ typeDefs, resolvers, cors: { origin: ALLOWED_ORIGINS, credentials: true } });
server.applyMiddleware({ app, cors: { origin: true } });`,
            },
          ],
        },
        {
          messageId: 'reflectedWithoutCredentials',
          line: 3,
          column: 47,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'suggestAllowlistOption',
              output: `import { ApolloServer } from 'apollo-server-express';
const ALLOWED_ORIGINS = ['https://your-frontend.example'];
const server = new ApolloServer({ typeDefs, resolvers, cors: { origin: true, credentials: true } });
server.applyMiddleware({ app, cors: { origin: ALLOWED_ORIGINS } });`,
            },
          ],
        },
      ],
    },
    {
      // Credentials set from configuration: say they may go along.
      code: `app.use((req, res) => { res.set('Access-Control-Allow-Origin', req.headers.origin); res.set('Access-Control-Allow-Credentials', process.env.CORS_CREDENTIALS); });`,
      errors: [
        {
          messageId: 'reflectedMaybeCredentials',
          line: 1,
          column: 64,
          endColumn: 82,
          suggestions: [
            {
              messageId: 'suggestAllowlistCheck',
              output: `const ALLOWED_ORIGINS = new Set(['https://your-frontend.example']);
app.use((req, res) => { res.append('Vary', 'Origin');
if (ALLOWED_ORIGINS.has(req.headers.origin)) {
  res.set('Access-Control-Allow-Origin', req.headers.origin);
} res.set('Access-Control-Allow-Credentials', process.env.CORS_CREDENTIALS); });`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-origin-reflection (reportWithoutCredentials: false)', rule, {
  valid: [
    {
      code: `app.use((req, res) => { res.setHeader('Access-Control-Allow-Origin', req.headers.origin); });`,
      options: [{ reportWithoutCredentials: false }],
    },
  ],
  invalid: [
    {
      code: `app.use((req, res) => { res.setHeader('Access-Control-Allow-Origin', req.headers.origin); res.setHeader('Access-Control-Allow-Credentials', true); });`,
      options: [{ reportWithoutCredentials: false }],
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 1,
          column: 70,
          endColumn: 88,
          suggestions: [
            {
              messageId: 'suggestAllowlistCheck',
              output: `const ALLOWED_ORIGINS = new Set(['https://your-frontend.example']);
app.use((req, res) => { res.setHeader('Vary', 'Origin');
if (ALLOWED_ORIGINS.has(req.headers.origin)) {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
} res.setHeader('Access-Control-Allow-Credentials', true); });`,
            },
          ],
        },
      ],
    },
  ],
});
