// Platforms and routers of the framework table (sites/libraries/platforms.ts): Firebase Functions v2
// (`onRequest`, `onCall`, options shared from another module), itty-router 5 and nextjs-cors. Each unsafe
// shape beside a safe look-alike; each witness is one the real package admits (test/differential).
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import noNullOrigin from '../../eslint-plugin/src/rules/no-null-origin';
import noOriginReflection from '../../eslint-plugin/src/rules/no-origin-reflection';
import noUnsafeOriginCheck from '../../eslint-plugin/src/rules/no-unsafe-origin-check';
import noWildcardWithCredentials from '../../eslint-plugin/src/rules/no-wildcard-with-credentials';
import { ruleTester } from './tester';
import { FRONTEND_LIST, withAllowlistConstant } from './allowlist-output';

const ATTACKER = 'https://evil.example';
const SUFFIX = 'no `^` at the start, so anything may come before';
/** The verified repair no-unsafe-origin-check suggests for `/example\.com$/`. */
const REPAIR = '/^https?:\\/\\/(?:[a-z0-9-]+\\.)*example\\.com$/';
const firebase = join(__dirname, '..', 'fixtures', 'platforms', 'firebase');
const FIREBASE_INDEX = join(firebase, 'index.ts');
const FIREBASE_OPTIONS = join(firebase, 'options.ts');
const h = '(req, res) => { res.send("ok"); }';
const onRequest = (options: string, module = 'firebase-functions/v2/https') =>
  `import { onRequest } from '${module}';\nexport const api = onRequest(${options}, ${h});`;
const FRONTEND = FRONTEND_LIST;
/** The allowlist suggestion: `from` replaced in `code` (a list written as the fixes write it: a constant). */
const allowlist = <M extends string>(messageId: M, code: string, from: string, to = FRONTEND) => ({
  messageId,
  output: to.includes(FRONTEND) ? withAllowlistConstant(code.replace(from, to)) : code.replace(from, to),
});
const itty4 = (options: string) =>
  `import { Router, createCors } from 'itty-router';\nconst { preflight, corsify } = createCors(${options});\nexport const router = Router().all('*', preflight);`;
const tinyhttp = (options: string) =>
  `import { App } from '@tinyhttp/app';\nimport { cors } from '@tinyhttp/cors';\nnew App().use(cors(${options})).listen(3000);`;
const hattip = (options: string) =>
  `import { compose } from '@hattip/compose';\nimport { cors } from '@hattip/cors';\nexport default compose(cors(${options}), () => new Response('ok'));`;
const micro = (options: string) =>
  `import microCors from 'micro-cors';\nconst cors = microCors(${options});\nexport default cors((req, res) => res.end('ok'));`;
const itty = (options: string) =>
  `import { AutoRouter, cors } from 'itty-router';\nconst { preflight, corsify } = cors(${options});\nexport default AutoRouter({ before: [preflight], finally: [corsify] });`;

ruleTester.run('no-origin-reflection (platforms)', noOriginReflection, {
  valid: [
    // Firebase: an exact list, one fixed origin, CORS off, no `cors` option (no CORS headers at all).
    onRequest("{ cors: ['https://app.example.com', 'https://admin.example.com'] }"),
    onRequest("{ cors: 'https://app.example.com' }"),
    onRequest("{ cors: ['https://app.example.com'] }"),
    onRequest('{ cors: false }'),
    onRequest('{ cors: [] }'),
    onRequest("{ region: 'europe-west1' }"),
    `import { onRequest } from 'firebase-functions/v2/https';\nexport const api = onRequest(${h});`,
    // A params list is read at deploy time: unknown, not reported as reflection.
    `import { onRequest } from 'firebase-functions/v2/https';
import { defineList } from 'firebase-functions/params';
const ORIGINS = defineList('ALLOWED_ORIGINS');
export const api = onRequest({ cors: ORIGINS }, ${h});`,
    // Callables answer every origin by design (ID token, not cookies): not a recommended error.
    `import { onCall } from 'firebase-functions/v2/https';\nexport const add = onCall((request) => request.data.a + request.data.b);`,
    `import { onCall } from 'firebase-functions/https';\nexport const add = onCall({ cors: true }, (request) => 1);`,
    // Shared options with an exact list, from another module.
    {
      code: `import { onRequest } from 'firebase-functions/v2/https';
import { exactOpts } from './options';
export const exact = onRequest(exactOpts, ${h});`,
      filename: FIREBASE_INDEX,
    },
    // itty-router: an exact list with credentials; a fixed origin; `*` without credentials (public).
    itty("{ origin: ['https://app.example.com', 'https://admin.example.com'], credentials: true }"),
    itty("{ origin: 'https://app.example.com', credentials: true }"),
    itty(''),
    itty(
      "{ origin: (origin) => (['https://app.example.com'].includes(origin) ? origin : undefined), credentials: true }",
    ),
    // itty-router 4 `createCors`: an exact list; the default `['*']` sends back every Origin but never with
    // credentials (no option sets them): the public `*` the author wrote, as hapi's `['*']`.
    itty4("{ origins: ['https://app.example.com', 'https://admin.example.com'] }"),
    itty4(''),
    itty4("{ origins: ['*'], maxAge: 3600 }"),
    // @tinyhttp/cors sends `*` for `origin: true` (not the request's Origin); an exact list with credentials.
    tinyhttp('{ origin: true }'),
    tinyhttp("{ origin: ['https://app.example.com'], credentials: true }"),
    // micro-cors sends its `origin` as written.
    micro("{ origin: 'https://app.example.com' }"),
    // @hattip/cors with a fixed origin and credentials.
    hattip("{ origin: 'https://app.example.com', credentials: true }"),
    // nextjs-cors hands its third argument to `cors`.
    `import NextCors from 'nextjs-cors';
export default async function handler(req, res) {
  await NextCors(req, res, { origin: ['https://app.example.com'], credentials: true });
  res.json({ ok: true });
}`,
  ],
  invalid: [
    {
      code: onRequest('{ cors: true }'),
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          data: { subject: '`cors: true` makes `firebase-functions` reflect every Origin', attacker: ATTACKER },
          line: 2,
          column: 38,
          suggestions: [allowlist('suggestAllowlistOption', onRequest('{ cors: true }'), 'true')],
        },
      ],
    },
    {
      // The 7.x module name, and the `https` namespace of `firebase-functions/v2`.
      code: onRequest('{ cors: true, region: "us-central1" }', 'firebase-functions/https'),
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          suggestions: [
            allowlist(
              'suggestAllowlistOption',
              onRequest('{ cors: true, region: "us-central1" }', 'firebase-functions/https'),
              'true',
            ),
          ],
        },
      ],
    },
    {
      code: `import { https } from 'firebase-functions/v2';\nexport const api = https.onRequest({ cors: true }, ${h});`,
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          line: 2,
          suggestions: [
            allowlist(
              'suggestAllowlistOption',
              `import { https } from 'firebase-functions/v2';\nexport const api = https.onRequest({ cors: true }, ${h});`,
              'true',
            ),
          ],
        },
      ],
    },
    {
      // Options shared from another module (`export const httpOpts = { region, cors: true }`).
      code: readFileSync(FIREBASE_INDEX, 'utf8'),
      filename: FIREBASE_INDEX,
      errors: [
        {
          // The path is relative to the linter's working directory (the file system root in RuleTester).
          message: `In \`${relative('/', FIREBASE_OPTIONS).split(sep).join('/')}\` (line 5): \`cors: true\` makes \`firebase-functions\` reflect every Origin: any site reads it, without cookies.`,
          line: 4,
          // A finding placed at the caller is worded whole (no messageId): RuleTester takes `message` at run time.
        } as never,
      ],
    },
    {
      code: itty('{ origin: true }'),
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          data: { subject: '`origin: true` makes `itty-router` reflect every Origin', attacker: ATTACKER },
          suggestions: [allowlist('suggestAllowlistOption', itty('{ origin: true }'), 'true')],
        },
      ],
    },
    {
      code: itty('{ origin: true, credentials: true }'),
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          suggestions: [allowlist('suggestAllowlistOption', itty('{ origin: true, credentials: true }'), 'true')],
        },
      ],
    },
    {
      // A function's return value is sent as is.
      code: itty('{ origin: (origin) => origin, credentials: true }'),
      errors: [{ messageId: 'reflectedWithCredentials' }],
    },
    {
      // @hattip/cors (as @koa/cors before 5): no `origin` sends back every Origin, here with credentials.
      code: hattip('{ credentials: true }'),
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: { subject: "`@hattip/cors` with no origin list sends back every request's Origin", attacker: ATTACKER },
        },
      ],
    },
    {
      // itty-router 4: an `origins` function answering true sends back every Origin.
      code: itty4('{ origins: (origin) => true }'),
      errors: [{ messageId: 'reflectedWithoutCredentials' }],
    },
    {
      code: `import NextCors from 'nextjs-cors';
export default async function handler(req, res) {
  await NextCors(req, res, { origin: true, credentials: true });
  res.json({ ok: true });
}`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: { subject: '`origin: true` makes `cors` reflect every Origin', attacker: ATTACKER },
          line: 3,
          suggestions: [
            {
              messageId: 'suggestAllowlistOption',
              output: withAllowlistConstant(`import NextCors from 'nextjs-cors';
export default async function handler(req, res) {
  await NextCors(req, res, { origin: ${FRONTEND}, credentials: true });
  res.json({ ok: true });
}`),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-unsafe-origin-check (platforms)', noUnsafeOriginCheck, {
  valid: [
    onRequest('{ cors: [/^https:\\/\\/app\\.example\\.com$/] }'),
    onRequest("{ cors: ['https://app.example.com', /^https:\\/\\/([a-z0-9-]+\\.)?example\\.com$/] }"),
    itty('{ origin: /^https:\\/\\/app\\.example\\.com$/, credentials: true }'),
    tinyhttp('{ origin: /^https:\\/\\/app\\.example\\.com$/, credentials: true }'),
    // itty-router compares a list with `includes`: a RegExp in it never matches, so nothing is admitted.
    itty('{ origin: [/example\\.com$/], credentials: true }'),
    {
      code: `import { onRequest } from 'firebase-functions/v2/https';
import { exactOpts } from './options';
export const exact = onRequest(exactOpts, ${h});`,
      filename: FIREBASE_INDEX,
    },
  ],
  invalid: [
    {
      // A one-entry list is used as its entry: the suffix regex admits https://evilexample.com.
      code: onRequest('{ cors: [/example\\.com$/] }'),
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: { witness: 'https://evilexample.com', reason: SUFFIX },
          suggestions: [
            allowlist('suggestRepair', onRequest('{ cors: [/example\\.com$/] }'), '/example\\.com$/', REPAIR),
          ],
        },
      ],
    },
    {
      code: itty('{ origin: /example\\.com$/, credentials: true }'),
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: { witness: 'https://evilexample.com', reason: SUFFIX },
          suggestions: [
            allowlist(
              'suggestRepair',
              itty('{ origin: /example\\.com$/, credentials: true }'),
              '/example\\.com$/',
              REPAIR,
            ),
          ],
        },
      ],
    },
    {
      code: tinyhttp('{ origin: /example\\.com$/, credentials: true }'),
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: { witness: 'https://evilexample.com', reason: SUFFIX },
          suggestions: [
            allowlist(
              'suggestRepair',
              tinyhttp('{ origin: /example\\.com$/, credentials: true }'),
              '/example\\.com$/',
              REPAIR,
            ),
          ],
        },
      ],
    },
    {
      // Typed shared options are judged where they are defined.
      code: readFileSync(FIREBASE_OPTIONS, 'utf8'),
      filename: FIREBASE_OPTIONS,
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: { witness: 'https://evilexample.com', reason: SUFFIX },
          line: 6,
          suggestions: [allowlist('suggestRepair', readFileSync(FIREBASE_OPTIONS, 'utf8'), '/example\\.com$/', REPAIR)],
        },
      ],
    },
  ],
});

ruleTester.run('no-wildcard-with-credentials (platforms)', noWildcardWithCredentials, {
  valid: [
    itty("{ origin: ['https://app.example.com'], credentials: true }"),
    itty("{ origin: '*' }"),
    micro('{ allowCredentials: false }'),
    micro("{ origin: 'https://app.example.com' }"),
    tinyhttp('{ origin: true }'),
    // itty-router 4: a credentials header with an exact list sends cookies to the listed origins only.
    itty4("{ origins: ['https://app.example.com'], headers: { 'Access-Control-Allow-Credentials': 'true' } }"),
    itty4("{ origins: ['*'], headers: { 'Access-Control-Allow-Credentials': 'false' } }"),
  ],
  invalid: [
    {
      // itty-router 4: `headers` goes out with every response, so `origins: ['*']` (which sends back every
      // Origin) plus a credentials header there is reflection with cookies (4.2.2 createCors.mjs).
      code: itty4("{ origins: ['*'], headers: { 'Access-Control-Allow-Credentials': true } }"),
      errors: [{ messageId: 'wildcardAlwaysReflects' }],
    },
    {
      // The default `origins` is `['*']` too.
      code: itty4("{ headers: { 'Access-Control-Allow-Credentials': 'true' } }"),
      errors: [
        {
          messageId: 'wildcardAlwaysReflects',
          suggestions: [
            allowlist(
              'suggestAllowlist',
              itty4("{ headers: { 'Access-Control-Allow-Credentials': 'true' } }"),
              '{ headers',
              `{ origins: ${FRONTEND}, headers`,
            ),
          ],
        },
      ],
    },
    {
      // micro-cors: `allowCredentials` defaults to true, so a bare `cors()` sends `*` with credentials.
      code: micro(''),
      errors: [{ messageId: 'wildcardRejected' }],
    },
    {
      // @tinyhttp/cors: `true` is `*`, which browsers reject with credentials.
      code: tinyhttp('{ origin: true, credentials: true }'),
      errors: [
        {
          messageId: 'wildcardRejected',
          suggestions: [
            allowlist('suggestAllowlist', tinyhttp('{ origin: true, credentials: true }'), 'true'),
            allowlist(
              'suggestRemoveCredentials',
              tinyhttp('{ origin: true, credentials: true }'),
              ', credentials: true',
              '',
            ),
          ],
        },
      ],
    },
    {
      // itty-router 5: `'*'` (the default) with credentials sends back the request's Origin with credentials.
      code: itty("{ origin: '*', credentials: true }"),
      errors: [
        {
          messageId: 'wildcardReflects',
          data: { library: '`itty-router`', subject: '`*`', line: '2' },
          suggestions: [
            allowlist('suggestAllowlist', itty("{ origin: '*', credentials: true }"), "'*'"),
            allowlist(
              'suggestRemoveCredentials',
              itty("{ origin: '*', credentials: true }"),
              ', credentials: true',
              '',
            ),
          ],
        },
      ],
    },
    {
      code: itty('{ credentials: true }'),
      errors: [
        {
          messageId: 'wildcardReflects',
          suggestions: [
            allowlist(
              'suggestAllowlist',
              itty('{ credentials: true }'),
              'credentials',
              `origin: ${FRONTEND}, credentials`,
            ),
            allowlist('suggestRemoveCredentials', itty('{ credentials: true }'), ' credentials: true ', ''),
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-null-origin (platforms)', noNullOrigin, {
  valid: [onRequest("{ cors: ['https://app.example.com', 'https://admin.example.com'] }")],
  invalid: [
    {
      code: onRequest("{ cors: ['null', 'https://app.example.com'] }"),
      errors: [
        {
          messageId: 'nullTrusted',
          suggestions: [
            allowlist('suggestRemove', onRequest("{ cors: ['null', 'https://app.example.com'] }"), "'null', ", ''),
          ],
        },
      ],
    },
    {
      code: itty("{ origin: ['null', 'https://app.example.com'], credentials: true }"),
      errors: [
        {
          messageId: 'nullTrusted',
          suggestions: [
            allowlist(
              'suggestRemove',
              itty("{ origin: ['null', 'https://app.example.com'], credentials: true }"),
              "'null', ",
              '',
            ),
          ],
        },
      ],
    },
  ],
});
