import rule from '../../eslint-plugin/src/rules/no-any-subdomain';
import { ruleTester } from './tester';

const guard = (check: string) =>
  `app.use((req, res) => { const o = req.headers.origin; if (${check}) res.setHeader('Access-Control-Allow-Origin', o); });`;

ruleTester.run('no-any-subdomain', rule, {
  valid: [
    guard(`/^https:\\/\\/(www|app)\\.example\\.com$/.test(o)`),
    guard(`o === 'https://example.com'`),
    `import cors from 'cors'; app.use(cors({ origin: ['https://www.example.com'] }));`,
    // Unsafe checks are no-unsafe-origin-check's to report.
    guard(`/example\\.com$/.test(o)`),
    // Local development hosts.
    guard(`/^http:\\/\\/([a-z]+\\.)*localhost(:\\d+)?$/.test(o)`),
  ],
  invalid: [
    {
      code: guard(`/^https:\\/\\/([a-z0-9-]+\\.)*example\\.com$/.test(o)`),
      errors: [
        {
          messageId: 'anySubdomain',
          data: { host: 'example.com', example: 'https://unlisted.example.com' },
          line: 1,
          column: 59,
          endColumn: 100,
        },
      ],
    },
    {
      code: guard(`o.endsWith('.example.com')`),
      errors: [{ messageId: 'anySubdomain', column: 61, endColumn: 69 }],
    },
    {
      // hapi wildcard origins.
      code: `server.route({ method: 'GET', path: '/', options: { cors: { origin: ['https://*.example.com'] } }, handler });`,
      errors: [
        {
          messageId: 'anySubdomain',
          data: { host: 'example.com', example: 'https://unlisted.example.com' },
          column: 70,
        },
      ],
    },
    {
      // A RegExp origin for cors.
      code: `import cors from 'cors'; app.use(cors({ origin: /^https:\\/\\/[a-z]+\\.example\\.com$/ }));`,
      errors: [{ messageId: 'anySubdomain', column: 49 }],
    },
  ],
});
