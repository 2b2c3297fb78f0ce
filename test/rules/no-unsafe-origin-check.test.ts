import rule from '../../eslint-plugin/src/rules/no-unsafe-origin-check';
import { ruleTester } from './tester';

/** The classic guide's check, and its verified repair (the same fix for each of its three culprits). */
const GUIDE = `const allowedOrigins = new RegExp("https:\\/\\/[a-z]+.mydomain.com");
app.use((req, res, next) => {
  const origin = req.header('Origin');
  if (allowedOrigins.test(origin)) res.header('Access-Control-Allow-Origin', origin);
  next();
});`;
const GUIDE_REPAIRED = GUIDE.replace(
  '"https:\\/\\/[a-z]+.mydomain.com"',
  '"^https://[a-z]+\\\\.mydomain\\\\.com(?::\\\\d+)?$"',
);
const LOST_ESCAPE_REPAIRED = `const ALLOWED = new RegExp('^https://app\\\\.example\\\\.com$');
app.use((req, res) => { const o = req.headers.origin; if (ALLOWED.test(o)) res.setHeader('Access-Control-Allow-Origin', o); });`;

const guard = (check: string) =>
  `app.use((req, res) => { const origin = req.headers.origin; if (${check}) res.setHeader('Access-Control-Allow-Origin', origin); });`;

/** The reason given when a check trusts every site under a shared-hosting suffix. */
const sharedHosting = (suffix: string) =>
  `\`${suffix}\` is a public suffix (shared hosting): anyone can create a site under it, so trust only your exact deployment's origin`;

ruleTester.run('no-unsafe-origin-check', rule, {
  valid: [
    // Correct anchored regexes, in every framework shape.
    guard(`/^https:\\/\\/([a-z0-9-]+\\.)*example\\.com$/.test(origin)`),
    guard(`/^https:\\/\\/[^.]+\\.example\\.com$/.test(origin)`),
    guard(`/^https:\\/\\/example\\.com$/i.test(origin)`),
    guard(`/^https:\\/\\/example\\.com$/u.test(origin)`),
    guard(`/^https:\\/\\/(?!internal)[a-z]+\\.example\\.com$/.test(origin)`),
    guard(`/^https?:\\/\\/(localhost|app\\.corp\\.io)(:\\d+)?$/.test(origin)`),
    guard(`new RegExp('^https://app\\\\.example\\\\.com$').test(origin)`),
    guard(`origin.match(/^https:\\/\\/(www|app)\\.example\\.com$/)`),
    `import cors from 'cors'; app.use(cors({ origin: [/^https:\\/\\/([a-z0-9-]+\\.)*example\\.com$/, 'https://partner.io'] }));`,
    // String checks that are exact enough.
    guard(`origin.endsWith('.example.com')`),
    guard(`new URL(origin).hostname.endsWith('.example.com')`),
    guard(`origin === 'https://example.com' || origin.endsWith('.example.com')`),
    // Regexes that never meet an origin.
    `const version = /^v\\d+\\.\\d+/; if (version.test(tag)) publish();`,
    `const line = /error: (.*)/.exec(log); app.use((req, res) => res.setHeader('Access-Control-Allow-Origin', 'https://a.example.com'));`,
    `app.use((req, res) => { if (/json/.test(req.headers.accept)) res.type('json'); });`,
    // One exact deployment on a shared host, a suffix of the Public Suffix List, an end-of-host lookahead.
    guard(`/^https:\\/\\/myapp\\.vercel\\.app$/.test(origin)`),
    guard(`origin === 'https://myapp.netlify.app'`),
    guard(`origin.endsWith('.example.co.uk')`),
    guard(`/^https:\\/\\/example\\.com(?=$|\\/)/.test(origin)`),
    // Checks we cannot read stay silent.
    guard(`new RegExp(process.env.ORIGIN_PATTERN).test(origin)`),
    guard(`pattern.test(origin)`),
  ],
  invalid: [
    {
      // The classic guide: unescaped dots and no anchors, in a string passed to new RegExp. One defect, one
      // report over the whole pattern; the other flaws are its related locations.
      code: GUIDE,
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: {
            witness: 'https://evilmydomain.com',
            reason: 'the `.` before `mydomain` is not escaped (and 2 more flaws)',
          },
          line: 1,
          column: 35,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'suggestRepair',
              data: { pattern: '^https://[a-z]+\\.mydomain\\.com(?::\\d+)?$' },
              output: GUIDE_REPAIRED,
            },
          ],
        },
      ],
    },
    {
      // An escape lost in a string.
      code: `const ALLOWED = new RegExp('^https://app\\.example\\.com$');
app.use((req, res) => { const o = req.headers.origin; if (ALLOWED.test(o)) res.setHeader('Access-Control-Allow-Origin', o); });`,
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: {
            witness: 'https://app-example.com',
            reason: 'in a string `\\.` is just `.`: write `\\\\.` (and 1 more flaw)',
          },
          line: 1,
          column: 28,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'suggestRepair',
              output: LOST_ESCAPE_REPAIRED,
            },
          ],
        },
      ],
      options: [{ reportUnregistrable: true }],
    },
    {
      // cors: a RegExp origin with no start anchor.
      code: `import cors from 'cors';
app.use(cors({ origin: /example\\.com$/, credentials: true }));`,
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: {
            witness: 'https://evilexample.com',
            reason: 'no `^` at the start, so anything may come before',
          },
          line: 2,
          column: 25,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestRepair',
              output: `import cors from 'cors';
app.use(cors({ origin: /^https?:\\/\\/(?:[a-z0-9-]+\\.)*example\\.com$/, credentials: true }));`,
            },
          ],
        },
      ],
    },
    {
      // Misleading alternation, in a @fastify/cors list.
      code: `fastify.register(require('@fastify/cors'), { origin: [/^https:\\/\\/a\\.example\\.com|https:\\/\\/b\\.example\\.com$/, 'https://c.example.com'] });`,
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: {
            witness: 'https://a.example.com.evil.net',
            reason: 'no `$` at the end, so anything may follow',
          },
          line: 1,
          column: 81,
          endColumn: 82,
          suggestions: [
            {
              messageId: 'suggestRepair',
              output: `fastify.register(require('@fastify/cors'), { origin: [/^https:\\/\\/a\\.example\\.com(?::\\d+)?$|^https:\\/\\/b\\.example\\.com$/, 'https://c.example.com'] });`,
            },
          ],
        },
      ],
    },
    {
      // Over-broad wildcard before the domain (socket.io options).
      code: `const { Server } = require('socket.io');
new Server(httpServer, { cors: { origin: /^https:\\/\\/.*example\\.com$/ } });`,
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: {
            witness: 'https://evilexample.com',
            reason: '`.*` before the domain matches dots too',
          },
          line: 2,
          column: 54,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'suggestRepair',
              output: `const { Server } = require('socket.io');
new Server(httpServer, { cors: { origin: /^https:\\/\\/(?:[a-z0-9-]+\\.)*example\\.com$/ } });`,
            },
          ],
        },
      ],
    },
    {
      // endsWith without a dot boundary.
      code: guard(`origin.endsWith('example.com')`),
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: {
            witness: 'https://evilexample.com',
            reason: "`endsWith('example.com')` has no dot before the domain",
          },
          line: 1,
          column: 71,
          endColumn: 79,
          suggestions: [
            {
              messageId: 'suggestRepair',
              output: guard(`/^https?:\\/\\/(?:[a-z0-9-]+\\.)*example\\.com$/.test(origin)`),
            },
          ],
        },
      ],
    },
    {
      // startsWith in an origin callback.
      code: `import cors from 'cors';
app.use(cors({ origin(origin, cb) { cb(null, origin.startsWith('https://example.com')); } }));`,
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: {
            witness: 'https://example.com.evil.net',
            reason: "`startsWith('https://example.com')` accepts anything after the prefix",
          },
          line: 2,
          column: 53,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'suggestRepair',
              output: `import cors from 'cors';
app.use(cors({ origin(origin, cb) { cb(null, /^https:\\/\\/example\\.com(?::\\d+)?$/.test(origin)); } }));`,
            },
          ],
        },
      ],
    },
    {
      // includes / indexOf substring checks.
      code: guard(`origin.indexOf('example.com') !== -1`),
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: {
            witness: 'https://evilexample.com',
            reason: "`indexOf('example.com')` matches the text anywhere",
          },
          column: 71,
          endColumn: 78,
          suggestions: [],
        },
      ],
    },
    {
      // A parsed hostname compared with endsWith but no dot.
      code: guard(`new URL(origin).hostname.endsWith('example.com')`),
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: {
            witness: 'https://evilexample.com',
            reason: "`endsWith('example.com')` has no dot before the domain",
          },
          suggestions: [],
        },
      ],
    },
    {
      // Hono origin function with a regex; koa-style manual headers.
      code: `import { cors } from 'hono/cors';
app.use(cors({ origin: (origin) => (/^https:\\/\\/example\\.com/.test(origin) ? origin : null) }));`,
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: {
            witness: 'https://example.com.evil.net',
            reason: 'no `$` at the end, so anything may follow',
          },
          line: 2,
          column: 60,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'suggestRepair',
              output: `import { cors } from 'hono/cors';
app.use(cors({ origin: (origin) => (/^https:\\/\\/example\\.com(?::\\d+)?$/.test(origin) ? origin : null) }));`,
            },
          ],
        },
      ],
    },
    {
      // hapi compiles `*` in an origin string to `.*`.
      code: `server.route({ method: 'GET', path: '/', options: { cors: { origin: ['https://*example.com', 'https://*.example.com'] } }, handler });`,
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: {
            witness: 'https://evilexample.com',
            reason: 'hapi reads `*` in `https://*example.com` as `.*`, which matches dots too',
          },
          line: 1,
          column: 70,
          endColumn: 92,
          suggestions: [],
        },
      ],
    },
    {
      // Every deployment on a shared host: anyone can create one.
      code: guard(`/^https:\\/\\/.+\\.vercel\\.app$/.test(origin)`),
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: {
            witness: 'https://evil.vercel.app',
            reason: sharedHosting('vercel.app'),
          },
          suggestions: [],
        },
      ],
    },
    {
      code: guard(`origin.endsWith('.netlify.app')`),
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: {
            witness: 'https://evil.netlify.app',
            reason:
              "`netlify.app` is a public suffix (shared hosting): anyone can create a site under it, so trust only your exact deployment's origin",
          },
          suggestions: [],
        },
      ],
    },
    {
      // A project-name prefix does not help: `myapp-evil` is anyone's to create.
      code: `import cors from 'cors';
app.use(cors({ origin: /^https:\\/\\/myapp-.*\\.vercel\\.app$/, credentials: true }));`,
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: {
            witness: 'https://myapp-evil.vercel.app',
            reason: sharedHosting('vercel.app'),
          },
          suggestions: [],
        },
      ],
    },
    {
      // `co.uk` is a public suffix: `evilexample.co.uk` can be registered.
      code: guard(`origin.endsWith('example.co.uk')`),
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: {
            witness: 'https://evilexample.co.uk',
            reason: "`endsWith('example.co.uk')` has no dot before the domain",
          },
          suggestions: [
            {
              messageId: 'suggestRepair',
              output: guard(`/^https?:\\/\\/(?:[a-z0-9-]+\\.)*example\\.co\\.uk$/.test(origin)`),
            },
          ],
        },
      ],
    },
    {
      // A substring check on `localhost` also admits a registrable host: that one is named.
      code: guard(`origin.includes('localhost')`),
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: {
            witness: 'https://localhost.evil.net',
            reason: "`includes('localhost')` matches the text anywhere",
          },
          suggestions: [
            {
              messageId: 'suggestRepair',
              output: guard(`/^https?:\\/\\/(?:[a-z0-9-]+\\.)*localhost(?::\\d+)?$/.test(origin)`),
            },
          ],
        },
      ],
    },
    {
      // A lookahead at the end does not hide the missing start anchor.
      code: guard(`/example\\.com(?=$|\\/)/.test(origin)`),
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
              output: guard(`/^https?:\\/\\/(?:[a-z0-9-]+\\.)*example\\.com(?=$|\\/)/.test(origin)`),
            },
          ],
        },
      ],
    },
    {
      // A public suffix is nobody's own host, even when configured as trusted.
      code: guard(`/^https:\\/\\/[a-z]+\\.vercel\\.app$/.test(origin)`),
      options: [{ trustedHosts: ['vercel.app'] }],
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: {
            witness: 'https://evil.vercel.app',
            reason: sharedHosting('vercel.app'),
          },
          suggestions: [],
        },
      ],
    },
    {
      // null accepted by a regex.
      code: guard(`/^(null|https:\\/\\/a\\.example\\.com)$/.test(origin)`),
      errors: [{ messageId: 'acceptsNull', suggestions: [] }],
    },
    {
      // Configured hosts: a subdomain the team does not trust is an attacker origin of its own site.
      code: guard(`/^https:\\/\\/[a-z]+\\.example\\.com$/.test(origin)`),
      options: [{ trustedHosts: ['app.example.com'] }],
      errors: [
        {
          messageId: 'acceptsOwnSubdomain',
          data: { witness: 'https://x.example.com', reason: 'it accepts hosts outside `app.example.com`' },
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('no-unsafe-origin-check (reportUnregistrable: false)', rule, {
  valid: [{ code: guard(`/^https:\\/\\/www\\.example.com$/.test(origin)`), options: [{ reportUnregistrable: false }] }],
  invalid: [],
});
