// Libraries of the framework table beyond cors/@fastify/cors/hapi/Hono/middy: each shape once unsafe and
// once as a safe look-alike, through the rule that reports it.
import { join } from 'node:path';
import noNullOrigin from '../../eslint-plugin/src/rules/no-null-origin';
import noOriginReflection from '../../eslint-plugin/src/rules/no-origin-reflection';
import noUnsafeOriginCheck from '../../eslint-plugin/src/rules/no-unsafe-origin-check';
import noWildcardWithCredentials from '../../eslint-plugin/src/rules/no-wildcard-with-credentials';
import noInvalidCorsHeader from '../../eslint-plugin/src/rules/no-invalid-cors-header';
import { ruleTester } from './tester';

const versions = join(__dirname, '..', 'fixtures', 'versions');
/** A file in a project whose package.json declares @koa/cors ^4.0.0 / ~5.0.0. */
const KOA_CORS_4 = join(versions, 'koa-cors-4', 'server.ts');
const KOA_CORS_5 = join(versions, 'koa-cors-5', 'server.ts');
const ATTACKER = 'https://evil.example';

ruleTester.run('no-origin-reflection (more libraries)', noOriginReflection, {
  valid: [
    // Elysia with an allowlist; Yoga switched off or with one fixed origin; koa2-cors with a fixed origin.
    `import { cors } from '@elysiajs/cors';
new Elysia().use(cors({ origin: ['https://app.example.com'] }));`,
    `import { createYoga } from 'graphql-yoga';
const yoga = createYoga({ schema, cors: false });`,
    `import { createYoga } from 'graphql-yoga';
const yoga = createYoga({ schema, cors: { origin: 'https://app.example.com' } });`,
    `import cors from 'koa2-cors';
app.use(cors({ origin: 'https://app.example.com' }));`,
    // @koa/cors 5 (declared in package.json): an unset origin is `*`, public.
    { code: `import cors from '@koa/cors';\napp.use(cors());`, filename: KOA_CORS_5 },
    // NestJS on Fastify with an allowlist; Apollo's standalone server (`*`, no credentials).
    `import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
const app = await NestFactory.create(AppModule, new FastifyAdapter(), { cors: { origin: ['https://app.example.com'] } });`,
    `import { startStandaloneServer } from '@apollo/server/standalone';
await startStandaloneServer(server, { listen: { port: 4000 } });`,
    `const { ApolloServer } = require('apollo-server-lambda');
exports.handler = server.createHandler({ expressGetMiddlewareOptions: { cors: { origin: ['https://app.example.com'], credentials: true } } });`,
    // Next.js middleware and tRPC behind an exact allowlist.
    `import { NextResponse } from 'next/server';
const allowed = new Set(['https://app.example.com']);
export function middleware(request) {
  const origin = request.headers.get('origin');
  const res = NextResponse.next();
  if (allowed.has(origin)) {
    res.headers.set('Access-Control-Allow-Origin', origin);
    res.headers.set('Vary', 'Origin');
  }
  return res;
}`,
    `import { createHTTPServer } from '@trpc/server/adapters/standalone';
import cors from 'cors';
createHTTPServer({ router, middleware: cors({ origin: ['https://app.example.com'], credentials: true }) });`,
  ],
  invalid: [
    {
      // Elysia: a bare cors() reflects every origin with credentials (defaults origin: true, credentials: true).
      code: `import { cors } from '@elysiajs/cors';
new Elysia().use(cors());`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: {
            subject: "`@elysiajs/cors` with no origin list sends back every request's Origin",
            attacker: ATTACKER,
          },
          line: 2,
          column: 18,
        },
      ],
    },
    {
      code: `import cors from '@elysiajs/cors';
new Elysia().use(cors({ origin: (request) => true }));`,
      errors: [{ messageId: 'reflectedWithCredentials', line: 2, column: 46 }],
    },
    {
      // Yoga: CORS is on by default and reflects with credentials.
      code: `import { createYoga } from 'graphql-yoga';
const yoga = createYoga({ schema });`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: { subject: "`graphql-yoga` with no origin list sends back every request's Origin", attacker: ATTACKER },
          line: 2,
          column: 14,
        },
      ],
    },
    {
      // koa2-cors (not @koa/cors): no origin option reflects.
      code: `import cors from 'koa2-cors';
app.use(cors({ credentials: true }));`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: { subject: "`koa2-cors` with no origin list sends back every request's Origin", attacker: ATTACKER },
        },
      ],
    },
    {
      // @koa/cors 4 (declared in package.json) reflects an unset origin.
      code: `import cors from '@koa/cors';\napp.use(cors());`,
      filename: KOA_CORS_4,
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          data: {
            subject:
              "`@koa/cors` ^4.0.0: releases before 5.0.0 send back every request's Origin when no `origin` is set (CVE-2023-49803 / GHSA-qxrj-hx23-xp82; upgrade to 5.0.0 or later)",
            attacker: ATTACKER,
          },
        },
      ],
    },
    {
      // Version unknown: the message says what each version does.
      code: `import cors from '@koa/cors';\napp.use(cors({ maxAge: 600 }));`,
      filename: '/nonexistent-project/server.ts',
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          data: {
            subject:
              "`@koa/cors` releases before 5.0.0 send back every request's Origin when no `origin` is set (5.0.0 and later do not; no package.json near this file says which version runs)",
            attacker: ATTACKER,
          },
        },
      ],
    },
    {
      // NestJS on Fastify: @fastify/cors semantics, named after the adapter.
      code: `import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
const app = await NestFactory.create(AppModule, new FastifyAdapter(), { cors: { origin: true, credentials: true } });`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: {
            subject: '`origin: true` makes `@nestjs/platform-fastify` reflect every Origin',
            attacker: ATTACKER,
          },
          suggestions: [
            {
              messageId: 'suggestAllowlistOption',
              output: `import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
const ALLOWED_ORIGINS = ['https://your-frontend.example'];
const app = await NestFactory.create(AppModule, new FastifyAdapter(), { cors: { origin: ALLOWED_ORIGINS, credentials: true } });`,
            },
          ],
        },
      ],
    },
    {
      // apollo-server-lambda 3: createHandler({ expressGetMiddlewareOptions: { cors } }) is handed to `cors`.
      code: `const { ApolloServer } = require('apollo-server-lambda');
exports.handler = server.createHandler({ expressGetMiddlewareOptions: { cors: { origin: true, credentials: true } } });`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          suggestions: [
            {
              messageId: 'suggestAllowlistOption',
              output: `const { ApolloServer } = require('apollo-server-lambda');
const ALLOWED_ORIGINS = ['https://your-frontend.example'];
exports.handler = server.createHandler({ expressGetMiddlewareOptions: { cors: { origin: ALLOWED_ORIGINS, credentials: true } } });`,
            },
          ],
        },
      ],
    },
    {
      // Next.js middleware: headers of NextResponse.next().
      code: `import { NextResponse } from 'next/server';
export function middleware(request) {
  const res = NextResponse.next();
  res.headers.set('Access-Control-Allow-Origin', request.headers.get('origin'));
  res.headers.set('Access-Control-Allow-Credentials', 'true');
  return res;
}`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 4,
          suggestions: [
            {
              messageId: 'suggestAllowlistCheck',
              output: `import { NextResponse } from 'next/server';
const ALLOWED_ORIGINS = new Set(['https://your-frontend.example']);
export function middleware(request) {
  const res = NextResponse.next();
  res.headers.append('Vary', 'Origin');
  if (ALLOWED_ORIGINS.has(request.headers.get('origin'))) {
    res.headers.set(
      'Access-Control-Allow-Origin',
      request.headers.get('origin'),
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
      code: `import { NextResponse } from 'next/server';
export function middleware(request) {
  return NextResponse.next({ headers: { 'Access-Control-Allow-Origin': request.headers.get('origin') } });
}`,
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          line: 3,
          suggestions: [
            {
              messageId: 'suggestAllowlistHeader',
              output: `import { NextResponse } from 'next/server';
const ALLOWED_ORIGINS = new Set(['https://your-frontend.example']);
export function middleware(request) {
  return NextResponse.next({
    headers: {
      ...(ALLOWED_ORIGINS.has(request.headers.get('origin'))
        ? { 'Access-Control-Allow-Origin': request.headers.get('origin') }
        : {}),
      Vary: 'Origin',
    },
  });
}`,
            },
          ],
        },
      ],
    },
    {
      // tRPC: the standalone adapter's `middleware: cors(...)`, and a fetch adapter's responseMeta headers.
      code: `import { createHTTPServer } from '@trpc/server/adapters/standalone';
import cors from 'cors';
createHTTPServer({ router, middleware: cors({ origin: true, credentials: true }) });`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          suggestions: [
            {
              messageId: 'suggestAllowlistOption',
              output: `import { createHTTPServer } from '@trpc/server/adapters/standalone';
import cors from 'cors';
const ALLOWED_ORIGINS = ['https://your-frontend.example'];
createHTTPServer({ router, middleware: cors({ origin: ALLOWED_ORIGINS, credentials: true }) });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
export default {
  fetch(req) {
    return fetchRequestHandler({
      endpoint: '/trpc', req, router,
      responseMeta() {
        return { headers: { 'Access-Control-Allow-Origin': req.headers.get('origin'), 'Access-Control-Allow-Credentials': 'true' } };
      },
    });
  },
};`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 7,
          suggestions: [
            {
              messageId: 'suggestAllowlistHeader',
              output: `import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
const ALLOWED_ORIGINS = new Set(['https://your-frontend.example']);
export default {
  fetch(req) {
    return fetchRequestHandler({
      endpoint: '/trpc', req, router,
      responseMeta() {
        return {
          headers: {
            ...(ALLOWED_ORIGINS.has(req.headers.get('origin'))
              ? { 'Access-Control-Allow-Origin': req.headers.get('origin') }
              : {}),
            Vary: 'Origin',
            'Access-Control-Allow-Credentials': 'true',
          },
        };
      },
    });
  },
};`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-wildcard-with-credentials (more libraries)', noWildcardWithCredentials, {
  valid: [
    `import cors from 'koa2-cors';
app.use(cors({ origin: '*' }));`,
    `import { cors } from '@elysiajs/cors';
new Elysia().use(cors({ origin: '*', credentials: false }));`,
  ],
  invalid: [
    {
      // koa2-cors: `*` with credentials is broken (credentials dropped from actual responses), not reflected.
      code: `import cors from 'koa2-cors';
app.use(cors({ origin: '*', credentials: true }));`,
      errors: [
        {
          messageId: 'wildcardDropsCredentials',
          data: { library: '`koa2-cors`', subject: '`*`', line: '2' },
          suggestions: [
            {
              messageId: 'suggestRemoveCredentials',
              output: `import cors from 'koa2-cors';
app.use(cors({ origin: '*' }));`,
            },
          ],
        },
      ],
    },
    {
      // Elysia: `*` in the list sends `*`, and credentials are on by default.
      code: `import { cors } from '@elysiajs/cors';
new Elysia().use(cors({ origin: ['*'] }));`,
      errors: [
        {
          messageId: 'wildcardRejected',
          suggestions: [
            {
              messageId: 'suggestAllowlist',
              output: `import { cors } from '@elysiajs/cors';
const ALLOWED_ORIGINS = ['https://your-frontend.example'];
new Elysia().use(cors({ origin: ALLOWED_ORIGINS }));`,
            },
          ],
        },
      ],
    },
    {
      // Yoga: `*` sends back the request's Origin, and credentials are on by default.
      code: `import { createYoga } from 'graphql-yoga';
const yoga = createYoga({ schema, cors: { origin: '*' } });`,
      errors: [
        {
          messageId: 'wildcardAlwaysReflects',
          data: { library: '`graphql-yoga`', subject: '`*`', line: '2', attacker: ATTACKER },
          suggestions: [
            {
              messageId: 'suggestAllowlist',
              output: `import { createYoga } from 'graphql-yoga';
const ALLOWED_ORIGINS = ['https://your-frontend.example'];
const yoga = createYoga({ schema, cors: { origin: ALLOWED_ORIGINS } });`,
            },
          ],
        },
      ],
    },
    {
      // Yoga tests `origin.includes('*')` on a string too: a star anywhere reflects.
      code: `import { createYoga } from 'graphql-yoga';
const yoga = createYoga({ schema, cors: { origin: 'https://*.example.com' } });`,
      errors: [
        {
          messageId: 'wildcardAlwaysReflects',
          suggestions: [
            {
              messageId: 'suggestAllowlist',
              output: `import { createYoga } from 'graphql-yoga';
const ALLOWED_ORIGINS = ['https://your-frontend.example'];
const yoga = createYoga({ schema, cors: { origin: ALLOWED_ORIGINS } });`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-null-origin (more libraries)', noNullOrigin, {
  valid: [
    `import { createYoga } from 'graphql-yoga';
createYoga({ schema, cors: { origin: ['https://a.example.com'] } });`,
  ],
  invalid: [
    {
      // Yoga: an origin missing from a list of two or more gets `null`, so `Origin: null` is admitted.
      code: `import { createYoga } from 'graphql-yoga';
createYoga({ schema, cors: { origin: ['https://a.example.com', 'https://b.example.com'] } });`,
      errors: [
        {
          messageId: 'nullTrusted',
          data: {
            where: 'as the Access-Control-Allow-Origin `graphql-yoga` sends to every origin missing from this list',
            credentials: ", with the user's cookies",
          },
          line: 2,
          column: 38,
          suggestions: [],
        },
      ],
    },
    {
      // The same from an options factory (`cors: (request) => options`).
      code: `import { createYoga } from 'graphql-yoga';
createYoga({ schema, cors: (request) => ({ origin: ['https://a.example.com', 'https://b.example.com'] }) });`,
      errors: [{ messageId: 'nullTrusted', line: 2, column: 52, suggestions: [] }],
    },
  ],
});

ruleTester.run('no-unsafe-origin-check (more libraries)', noUnsafeOriginCheck, {
  valid: [
    `import { cors } from '@elysiajs/cors';
new Elysia().use(cors({ origin: /^https:\\/\\/app\\.example\\.com$/ }));`,
    `import { FastifyAdapter } from '@nestjs/platform-fastify';
app.enableCors({ origin: [/^https:\\/\\/([a-z0-9-]+\\.)*example\\.com$/], credentials: true });`,
  ],
  invalid: [
    {
      code: `import { cors } from '@elysiajs/cors';
new Elysia().use(cors({ origin: /example\\.com$/ }));`,
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: {
            witness: 'https://evilexample.com',
            reason: 'no `^` at the start, so anything may come before',
          },
          suggestions: [
            {
              messageId: 'suggestRepair',
              output: `import { cors } from '@elysiajs/cors';
new Elysia().use(cors({ origin: /^https?:\\/\\/(?:[a-z0-9-]+\\.)*example\\.com$/ }));`,
            },
          ],
        },
      ],
    },
    {
      code: `import { FastifyAdapter } from '@nestjs/platform-fastify';
app.enableCors({ origin: [/^https:\\/\\/.+\\.vercel\\.app$/], credentials: true });`,
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: {
            witness: 'https://evil.vercel.app',
            reason:
              "`vercel.app` is a public suffix (shared hosting): anyone can create a site under it, so trust only your exact deployment's origin",
          },
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('no-invalid-cors-header (more libraries)', noInvalidCorsHeader, {
  // Elysia matches a scheme-less entry against the Origin without its scheme: not a header value.
  valid: [
    `import { cors } from '@elysiajs/cors';
new Elysia().use(cors({ origin: 'app.example.com' }));`,
    // The '' on the left of `||` is never sent.
    `app.use((req, res) => { const from = req.headers.origin ?? ''; if (ALLOWED.has(from)) res.setHeader('Access-Control-Allow-Origin', from || '*'); });`,
  ],
  invalid: [
    {
      code: `import { cors } from '@elysiajs/cors';
new Elysia().use(cors({ origin: 'https://app.example.com/' }));`,
      errors: [
        {
          messageId: 'invalidOrigin',
          suggestions: [
            {
              messageId: 'suggestOrigin',
              output: `import { cors } from '@elysiajs/cors';
new Elysia().use(cors({ origin: 'https://app.example.com' }));`,
            },
          ],
        },
      ],
    },
  ],
});
