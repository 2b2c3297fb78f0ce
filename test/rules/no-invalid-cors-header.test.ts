import rule from '../../eslint-plugin/src/rules/no-invalid-cors-header';
import { ruleTester } from './tester';

ruleTester.run('no-invalid-cors-header', rule, {
  valid: [
    `app.use((req, res) => { res.set('Access-Control-Allow-Origin', 'https://shop.example.com'); res.set('Access-Control-Allow-Credentials', 'true'); });`,
    `app.use((req, res) => { res.set('Access-Control-Allow-Origin', 'http://localhost:3000'); res.set('Access-Control-Allow-Credentials', true); });`,
    `app.use((req, res) => { res.set('Access-Control-Allow-Origin', '*'); res.set('Access-Control-Allow-Credentials', 'false'); });`,
    `import cors from 'cors'; app.use(cors({ origin: ['https://a.example.com', 'https://b.example.com:8443'] }));`,
    // Values we cannot read.
    `app.use((req, res) => { res.set('Access-Control-Allow-Origin', process.env.ORIGIN); res.set('Access-Control-Allow-Credentials', flag); });`,
  ],
  invalid: [
    {
      code: `app.use((req, res) => { res.set('Access-Control-Allow-Origin', 'https://shop.example.com/'); res.set('Access-Control-Allow-Credentials', 'True'); });`,
      errors: [
        {
          messageId: 'invalidOrigin',
          data: { value: 'https://shop.example.com/', reason: 'an origin has no trailing slash' },
          column: 64,
          endColumn: 91,
          suggestions: [
            {
              messageId: 'suggestOrigin',
              data: { origin: 'https://shop.example.com' },
              output: `app.use((req, res) => { res.set('Access-Control-Allow-Origin', 'https://shop.example.com'); res.set('Access-Control-Allow-Credentials', 'True'); });`,
            },
          ],
        },
        {
          messageId: 'invalidCredentials',
          data: { value: 'True' },
          column: 138,
          endColumn: 144,
          suggestions: [
            {
              messageId: 'suggestTrue',
              output: `app.use((req, res) => { res.set('Access-Control-Allow-Origin', 'https://shop.example.com/'); res.set('Access-Control-Allow-Credentials', 'true'); });`,
            },
          ],
        },
      ],
    },
    {
      // Several origins in one header.
      code: `import cors from 'cors'; app.use(cors({ origin: 'https://a.example.com, https://b.example.com' }));`,
      errors: [{ messageId: 'invalidOrigin', column: 49, endColumn: 95, suggestions: [] }],
    },
    {
      // A path, in a Lambda response.
      code: `export const handler = async () => ({ statusCode: 200, headers: { 'Access-Control-Allow-Origin': 'https://a.example.com/app' } });`,
      errors: [
        {
          messageId: 'invalidOrigin',
          data: { value: 'https://a.example.com/app', reason: 'an origin has no path' },
          column: 98,
          suggestions: [
            {
              messageId: 'suggestOrigin',
              output: `export const handler = async () => ({ statusCode: 200, headers: { 'Access-Control-Allow-Origin': 'https://a.example.com' } });`,
            },
          ],
        },
      ],
    },
    {
      // An allowlist entry that can never match.
      code: `import cors from 'cors'; app.use(cors({ origin: ['https://a.example.com/'], credentials: true }));`,
      errors: [
        {
          messageId: 'invalidListEntry',
          column: 50,
          suggestions: [
            {
              messageId: 'suggestOrigin',
              output: `import cors from 'cors'; app.use(cors({ origin: ['https://a.example.com'], credentials: true }));`,
            },
          ],
        },
      ],
    },
    {
      code: `app.use((req, res) => { res.setHeader('Access-Control-Allow-Origin', 'https://a.example.com'); res.setHeader('Access-Control-Allow-Credentials', 'yes'); });`,
      errors: [
        {
          messageId: 'invalidCredentials',
          data: { value: 'yes' },
          suggestions: [
            {
              messageId: 'suggestTrue',
              output: `app.use((req, res) => { res.setHeader('Access-Control-Allow-Origin', 'https://a.example.com'); res.setHeader('Access-Control-Allow-Credentials', 'true'); });`,
            },
          ],
        },
      ],
    },
  ],
});
