import rule from '../../eslint-plugin/src/rules/no-permissive-default';
import { ruleTester } from './tester';

ruleTester.run('no-permissive-default', rule, {
  valid: [
    `app.use((req, res) => res.set('Access-Control-Allow-Origin', process.env.ORIGIN || 'https://a.example.com'));`,
    `import cors from 'cors'; app.use(cors({ origin: process.env.CORS_ORIGIN }));`,
    `import cors from 'cors'; app.use(cors({ origin: '*' }));`,
    // A fallback for a missing Origin header is not configuration.
    `app.use((req, res) => res.set('Access-Control-Allow-Origin', req.headers.origin || '*'));`,
  ],
  invalid: [
    {
      code: `import cors from 'cors'; app.use(cors({ origin: process.env.CORS_ORIGIN || '*', credentials: true }));`,
      errors: [
        {
          messageId: 'permissiveDefault',
          data: { expression: "process.env.CORS_ORIGIN || '*'", variable: 'process.env.CORS_ORIGIN' },
          column: 49,
          endColumn: 79,
        },
      ],
    },
    {
      code: `const origin = process.env.ALLOWED_ORIGIN ?? '*';
app.use((req, res) => res.set('Access-Control-Allow-Origin', origin));`,
      errors: [{ messageId: 'permissiveDefault', line: 1, column: 16, endColumn: 49 }],
    },
    {
      code: `import cors from 'cors'; app.use(cors({ origin: process.env.ORIGINS?.split(',') || true }));`,
      errors: [
        {
          messageId: 'permissiveDefault',
          data: { expression: "process.env.ORIGINS?.split(',') || true", variable: 'process.env.ORIGINS' },
        },
      ],
    },
  ],
});
