import rule from '../../eslint-plugin/src/rules/no-null-origin';
import { ruleTester } from './tester';

ruleTester.run('no-null-origin', rule, {
  valid: [
    `import cors from 'cors'; app.use(cors({ origin: ['https://a.example.com'] }));`,
    `const allowed = new Set(['https://a.example.com']);
     app.use((req, res) => { if (allowed.has(req.headers.origin)) res.set('Access-Control-Allow-Origin', req.headers.origin); });`,
    // Rejecting null is fine.
    `app.use((req, res) => { const o = req.headers.origin; if (o === 'null') return res.sendStatus(403); res.set('Access-Control-Allow-Origin', 'https://a.example.com'); });`,
    // 'null' that never meets a CORS policy.
    `const values = ['null', 'undefined']; console.log(values.includes(x));`,
    // The callback's error argument is not an origin.
    `import cors from 'cors'; app.use(cors({ origin: (o, cb) => cb(null, o === 'https://a.example.com') }));`,
  ],
  invalid: [
    {
      // 'null' in a cors allowlist.
      code: `import cors from 'cors';
app.use(cors({ origin: ['https://shop.example.com', 'null'], credentials: true }));`,
      errors: [
        {
          messageId: 'nullTrusted',
          data: { where: 'in an origin allowlist', credentials: ", with the user's cookies" },
          line: 2,
          column: 53,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'suggestRemove',
              output: `import cors from 'cors';
app.use(cors({ origin: ['https://shop.example.com'], credentials: true }));`,
            },
          ],
        },
      ],
    },
    {
      // 'null' in a list an exact check uses.
      code: `const ALLOWED = new Set(['null', 'https://a.example.com']);
app.use((req, res) => { const origin = req.headers.origin; if (ALLOWED.has(origin)) res.setHeader('Access-Control-Allow-Origin', origin); });`,
      errors: [
        {
          messageId: 'nullTrusted',
          data: { where: 'in an origin allowlist', credentials: '' },
          line: 1,
          column: 26,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'suggestRemove',
              output: `const ALLOWED = new Set(['https://a.example.com']);
app.use((req, res) => { const origin = req.headers.origin; if (ALLOWED.has(origin)) res.setHeader('Access-Control-Allow-Origin', origin); });`,
            },
          ],
        },
      ],
    },
    {
      // Compared against directly.
      code: `app.use((req, res) => { const origin = req.get('origin'); if (origin === 'null' || origin === 'https://a.example.com') res.set('Access-Control-Allow-Origin', origin); });`,
      errors: [{ messageId: 'nullTrusted', line: 1, column: 74, endColumn: 80, suggestions: [] }],
    },
    {
      // A literal null ACAO, and a 'null' fallback.
      code: `export default { fetch() { return new Response('', { headers: { 'Access-Control-Allow-Origin': 'null' } }); } };`,
      errors: [
        {
          messageId: 'nullTrusted',
          data: { where: 'as Access-Control-Allow-Origin', credentials: '' },
          line: 1,
          column: 96,
          suggestions: [],
        },
      ],
    },
    {
      code: `const allowed = new Set(['https://a.example.com']);
app.use((req, res) => { res.set('Access-Control-Allow-Origin', allowed.has(req.headers.origin) ? req.headers.origin : 'null'); });`,
      errors: [
        {
          messageId: 'nullTrusted',
          data: { where: 'as Access-Control-Allow-Origin', credentials: '' },
          line: 2,
          column: 119,
          endColumn: 125,
          suggestions: [],
        },
      ],
    },
    {
      code: `const allowOrigin = process.env.ALLOWED_ORIGIN || 'null';
app.use((req, res) => { res.set('Access-Control-Allow-Origin', allowOrigin); });`,
      errors: [
        {
          messageId: 'nullTrusted',
          data: { where: 'as a fallback Access-Control-Allow-Origin', credentials: '' },
          line: 1,
          column: 51,
          suggestions: [],
        },
      ],
    },
    {
      // In an origin callback.
      code: `import cors from 'cors';
const whitelist = ['https://a.example.com', 'null'];
app.use(cors({ origin: (origin, cb) => (whitelist.indexOf(origin) !== -1 ? cb(null, true) : cb(new Error('no'))) }));`,
      errors: [
        {
          messageId: 'nullTrusted',
          line: 2,
          column: 45,
          suggestions: [
            {
              messageId: 'suggestRemove',
              output: `import cors from 'cors';
const whitelist = ['https://a.example.com'];
app.use(cors({ origin: (origin, cb) => (whitelist.indexOf(origin) !== -1 ? cb(null, true) : cb(new Error('no'))) }));`,
            },
          ],
        },
      ],
    },
    {
      // hapi and Hono option lists.
      code: `server.route({ method: 'GET', path: '/', options: { cors: { origin: ['null'] } }, handler });`,
      errors: [
        {
          messageId: 'nullTrusted',
          line: 1,
          column: 70,
          suggestions: [
            {
              messageId: 'suggestRemove',
              output: `server.route({ method: 'GET', path: '/', options: { cors: { origin: [] } }, handler });`,
            },
          ],
        },
      ],
    },
  ],
});
