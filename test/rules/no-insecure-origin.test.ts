import rule from '../../eslint-plugin/src/rules/no-insecure-origin';
import { ruleTester } from './tester';

const guard = (check: string) =>
  `app.use((req, res) => { const o = req.headers.origin; if (${check}) res.setHeader('Access-Control-Allow-Origin', o); });`;

ruleTester.run('no-insecure-origin', rule, {
  valid: [
    `import cors from 'cors'; app.use(cors({ origin: ['https://shop.example.com', 'http://localhost:3000', 'http://127.0.0.1:8080'] }));`,
    `app.use((req, res) => { res.set('Access-Control-Allow-Origin', 'https://partner.example.org'); });`,
    guard(`/^https:\\/\\/([a-z0-9-]+\\.)*example\\.com$/.test(o)`),
    guard(`/^https?:\\/\\/localhost(:\\d+)?$/.test(o)`),
    guard(`new Set(['https://a.example.com']).has(o)`),
    // http:// strings that are not origins a policy trusts.
    `const docs = 'http://example.com/docs'; console.log(docs);`,
    `fetch('http://api.example.com/orders');`,
  ],
  invalid: [
    {
      code: `import cors from 'cors';
app.use(cors({ origin: ['https://shop.example.com', 'http://shop.example.com'], credentials: true }));`,
      errors: [
        {
          messageId: 'insecureOrigin',
          data: { origin: 'http://shop.example.com', credentials: " with the user's cookies" },
          line: 2,
          column: 53,
          endColumn: 78,
          suggestions: [
            {
              messageId: 'suggestHttps',
              data: { https: 'https://shop.example.com' },
              output: `import cors from 'cors';
app.use(cors({ origin: ['https://shop.example.com', 'https://shop.example.com'], credentials: true }));`,
            },
          ],
        },
      ],
    },
    {
      code: `app.use((req, res) => { res.set('Access-Control-Allow-Origin', 'http://partner.example.org'); });`,
      errors: [
        {
          messageId: 'insecureOrigin',
          column: 64,
          endColumn: 92,
          suggestions: [
            {
              messageId: 'suggestHttps',
              output: `app.use((req, res) => { res.set('Access-Control-Allow-Origin', 'https://partner.example.org'); });`,
            },
          ],
        },
      ],
    },
    {
      code: guard(`new Set(['http://a.example.com']).has(o)`),
      errors: [
        {
          messageId: 'insecureOrigin',
          column: 68,
          suggestions: [{ messageId: 'suggestHttps', output: guard(`new Set(['https://a.example.com']).has(o)`) }],
        },
      ],
    },
    {
      // `https?` in a regex.
      code: guard(`/^https?:\\/\\/([a-z0-9-]+\\.)*example\\.com$/.test(o)`),
      errors: [
        {
          messageId: 'insecureCheck',
          data: { origin: 'http://example.com', credentials: '' },
          column: 59,
          endColumn: 101,
        },
      ],
    },
    {
      // endsWith on the origin accepts http:// too.
      code: guard(`o.endsWith('.example.com')`),
      errors: [
        {
          messageId: 'insecureCheck',
          data: { origin: 'http://x.example.com', credentials: '' },
          column: 61,
          endColumn: 69,
        },
      ],
    },
  ],
});
