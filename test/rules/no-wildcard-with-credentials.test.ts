import rule from '../../eslint-plugin/src/rules/no-wildcard-with-credentials';
import { ruleTester } from './tester';

const DECLARED = "const ALLOWED_ORIGINS = ['https://your-frontend.example'];";

ruleTester.run('no-wildcard-with-credentials', rule, {
  valid: [
    // `*` for public data, no credentials.
    `app.get('/fonts', (req, res) => { res.set('Access-Control-Allow-Origin', '*'); res.sendFile(f); });`,
    `import cors from 'cors'; app.use(cors());`,
    `import cors from 'cors'; app.use(cors({ origin: '*' }));`,
    `import cors from 'cors'; app.use(cors({ origin: '*', credentials: false }));`,
    // Credentials with explicit origins.
    `import cors from 'cors'; app.use(cors({ origin: ['https://a.example.com'], credentials: true }));`,
    `import koaCors from '@koa/cors'; app.use(koaCors({ origin: 'https://a.example.com', credentials: true }));`,
    `app.use((req, res) => { res.set('Access-Control-Allow-Origin', 'https://a.example.com'); res.set('Access-Control-Allow-Credentials', 'true'); });`,
    // A credentials header other than `true` does not allow credentials.
    `app.use((req, res) => { res.set('Access-Control-Allow-Origin', '*'); res.set('Access-Control-Allow-Credentials', 'false'); });`,
    // `*` and credentials in different handlers are different policies.
    `app.get('/a', (req, res) => res.set('Access-Control-Allow-Origin', '*'));
     app.get('/b', (req, res) => res.set('Access-Control-Allow-Credentials', 'true'));`,
    // Credentials under a condition the origin does not share: the two may never meet (found by the sweep).
    `function addHeaders(reply, origin, options) {
       reply.header('Access-Control-Allow-Origin', origin || '*');
       if (options.credentials) reply.header('Access-Control-Allow-Credentials', 'true');
     }`,
    // `*` only when the request has no Origin (no CORS then); the reflection is no-origin-reflection's to report.
    `app.use((req, res) => { res.setHeader('Access-Control-Allow-Origin', req.headers.origin || '*'); res.setHeader('Access-Control-Allow-Credentials', true); });`,
    // Expected headers in tests are not a policy (found by the sweep in @fastify/cors's tests).
    `it('sends CORS headers', async () => {
       expect(res.headers).toEqual({ 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' });
       assert.deepStrictEqual(actual, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' });
       t.assert.deepStrictEqual(actualHeaders, { 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' });
     });`,
    // Client code asking for credentials is not a server policy.
    `fetch('/api', { credentials: 'include', headers: { 'Access-Control-Allow-Origin': '*' } });`,
    `axios.defaults.headers.common['Access-Control-Allow-Origin'] = '*'; axios.defaults.withCredentials = true;`,
    // @middy/http-cors 7: no `origin` sends no Access-Control-Allow-Origin (older majors defaulted to `*`),
    // and an `origins` list is matched exactly, credentials or not (the differential test runs both).
    `import cors from '@middy/http-cors';
export const handler = middy(fn).use(cors({ credentials: true }));`,
    `import cors from '@middy/http-cors';
export const handler = middy(fn).use(cors({ origins: ['https://a.example.com', 'https://b.example.com'], credentials: true }));`,
    // hapi without credentials is reflection, reported by no-origin-reflection.
    `server.route({ method: 'GET', path: '/', options: { cors: { origin: ['*'] } }, handler });`,
  ],
  invalid: [
    {
      // Express: rejected by browsers.
      code: `app.get('/stats', (req, res) => {
  res.set('Access-Control-Allow-Origin', '*');
  res.set('Access-Control-Allow-Credentials', 'true');
  res.json({});
});`,
      errors: [
        {
          messageId: 'wildcardRejected',
          data: { subject: '`*`', Subject: '`*`', line: '3', library: 'this code', attacker: 'https://evil.example' },
          line: 2,
          column: 42,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'suggestRemoveCredentials',
              output: `app.get('/stats', (req, res) => {
  res.set('Access-Control-Allow-Origin', '*');
  res.json({});
});`,
            },
          ],
        },
      ],
    },
    {
      // node:http with a boolean credentials value and a constant header name.
      code: `const ACAC = 'Access-Control-Allow-Credentials';
http.createServer((req, res) => { res.setHeader('access-control-allow-origin', '*'); res.setHeader(ACAC, true); res.end(); });`,
      errors: [
        {
          messageId: 'wildcardRejected',
          line: 2,
          column: 80,
          suggestions: [
            {
              messageId: 'suggestRemoveCredentials',
              output: `const ACAC = 'Access-Control-Allow-Credentials';
http.createServer((req, res) => { res.setHeader('access-control-allow-origin', '*');  res.end(); });`,
            },
          ],
        },
      ],
    },
    {
      // cors: the default origin is `*`; reported where credentials are switched on.
      code: `import cors from 'cors';
app.use(cors({ credentials: true }));`,
      errors: [
        {
          messageId: 'wildcardRejected',
          data: {
            subject: 'the default origin `*`',
            Subject: 'The default origin `*`',
            line: '2',
            library: '`cors`',
            attacker: 'https://evil.example',
          },
          line: 2,
          column: 29,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'suggestAllowlist',
              output: `import cors from 'cors';
${DECLARED}
app.use(cors({ origin: ALLOWED_ORIGINS, credentials: true }));`,
            },
            {
              messageId: 'suggestRemoveCredentials',
              output: `import cors from 'cors';
app.use(cors({}));`,
            },
          ],
        },
      ],
    },
    {
      code: `import cors from 'cors';
app.use(cors({ origin: '*', credentials: true }));`,
      options: [{ allowedOrigins: ['https://shop.example.com'] }],
      errors: [
        {
          messageId: 'wildcardRejected',
          line: 2,
          column: 24,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'suggestAllowlist',
              output: `import cors from 'cors';
const ALLOWED_ORIGINS = ['https://shop.example.com'];
app.use(cors({ origin: ALLOWED_ORIGINS, credentials: true }));`,
            },
            {
              messageId: 'suggestRemoveCredentials',
              output: `import cors from 'cors';
app.use(cors({ origin: '*' }));`,
            },
          ],
        },
      ],
    },
    {
      // @koa/cors silently reflects.
      code: `import koaCors from '@koa/cors';
app.use(koaCors({ origin: '*', credentials: true }));`,
      errors: [
        {
          messageId: 'wildcardReflects',
          data: { subject: '`*`', Subject: '`*`', line: '2', library: '`@koa/cors`', attacker: 'https://evil.example' },
          line: 2,
          column: 27,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'suggestRemoveCredentials',
              output: `import koaCors from '@koa/cors';
app.use(koaCors({ origin: '*' }));`,
            },
          ],
        },
      ],
    },
    {
      // @middy/http-cors: `*` plus credentials reflects.
      code: `import cors from '@middy/http-cors';
export const handler = middy(fn).use(cors({ origin: '*', credentials: true }));`,
      errors: [
        {
          messageId: 'wildcardReflects',
          line: 2,
          column: 53,
          suggestions: [
            {
              messageId: 'suggestRemoveCredentials',
              output: `import cors from '@middy/http-cors';
export const handler = middy(fn).use(cors({ origin: '*' }));`,
            },
          ],
        },
      ],
    },
    {
      // hapi: `*` in the origin list reflects, with or without credentials (so removing them is no fix).
      code: `server.route({ method: 'GET', path: '/', options: { cors: { origin: ['*'], credentials: true } }, handler });`,
      errors: [
        {
          messageId: 'wildcardAlwaysReflects',
          data: {
            library: '`@hapi/hapi`',
            subject: '`*`',
            line: '1',
            attacker: 'https://evil.example',
          },
          line: 1,
          column: 70,
          endColumn: 73,
          suggestions: [],
        },
      ],
    },
    {
      // Hono and @fastify/cors: rejected; a configured origin falling back to `*`.
      code: `import { cors } from 'hono/cors';
app.use(cors({ origin: '*', credentials: true }));`,
      errors: [
        {
          messageId: 'wildcardRejected',
          line: 2,
          column: 24,
          suggestions: [
            {
              messageId: 'suggestAllowlist',
              output: `import { cors } from 'hono/cors';
${DECLARED}
app.use(cors({ origin: ALLOWED_ORIGINS, credentials: true }));`,
            },
            {
              messageId: 'suggestRemoveCredentials',
              output: `import { cors } from 'hono/cors';
app.use(cors({ origin: '*' }));`,
            },
          ],
        },
      ],
    },
    {
      code: `const corsOrigin = process.env.CORS_ORIGIN || '*';
fastify.register(require('@fastify/cors'), { origin: corsOrigin, credentials: true });`,
      errors: [
        {
          messageId: 'wildcardRejected',
          line: 1,
          column: 47,
          suggestions: [
            {
              messageId: 'suggestRemoveCredentials',
              output: `const corsOrigin = process.env.CORS_ORIGIN || '*';
fastify.register(require('@fastify/cors'), { origin: corsOrigin });`,
            },
          ],
        },
      ],
    },
    {
      // AWS Lambda response object.
      code: `export const handler = async () => ({ statusCode: 200, headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': true }, body: '' });`,
      errors: [
        {
          messageId: 'wildcardRejected',
          line: 1,
          column: 98,
          endColumn: 101,
          suggestions: [
            {
              messageId: 'suggestRemoveCredentials',
              output: `export const handler = async () => ({ statusCode: 200, headers: { 'Access-Control-Allow-Origin': '*' }, body: '' });`,
            },
          ],
        },
      ],
    },
    {
      // Next.js config headers().
      code: `module.exports = { async headers() { return [{ source: '/api/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: '*' }, { key: 'Access-Control-Allow-Credentials', value: 'true' }] }]; } };`,
      errors: [{ messageId: 'wildcardRejected', line: 1, column: 126, endColumn: 129, suggestions: [] }],
    },
    {
      // Fetch API: new Headers with pairs.
      code: `export default { fetch() { return new Response('', { headers: new Headers([['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Credentials', 'true']]) }); } };`,
      errors: [{ messageId: 'wildcardRejected', line: 1, column: 108, suggestions: [] }],
    },
    {
      // NestJS and socket.io hand their options to cors.
      code: `app.enableCors({ credentials: true });
new (require('socket.io').Server)(server, { cors: { origin: '*', credentials: true } });`,
      errors: [
        {
          messageId: 'wildcardRejected',
          line: 1,
          column: 31,
          suggestions: [
            {
              messageId: 'suggestAllowlist',
              output: `${DECLARED}
app.enableCors({ origin: ALLOWED_ORIGINS, credentials: true });
new (require('socket.io').Server)(server, { cors: { origin: '*', credentials: true } });`,
            },
            {
              messageId: 'suggestRemoveCredentials',
              output: `app.enableCors({});
new (require('socket.io').Server)(server, { cors: { origin: '*', credentials: true } });`,
            },
          ],
        },
        {
          messageId: 'wildcardRejected',
          line: 2,
          column: 61,
          suggestions: [
            {
              messageId: 'suggestAllowlist',
              output: `${DECLARED}
app.enableCors({ credentials: true });
new (require('socket.io').Server)(server, { cors: { origin: ALLOWED_ORIGINS, credentials: true } });`,
            },
            {
              messageId: 'suggestRemoveCredentials',
              output: `app.enableCors({ credentials: true });
new (require('socket.io').Server)(server, { cors: { origin: '*' } });`,
            },
          ],
        },
      ],
    },
  ],
});
