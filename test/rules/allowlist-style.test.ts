/**
 * One allowlist style in every fix: a named module-level constant. The project's own list when one is in
 * scope (kept as it is: an array, a Set, an env value split into an array), else `ALLOWED_ORIGINS`, reused
 * when the module already has it; never a second, inline list.
 */
import noOriginReflection from '../../eslint-plugin/src/rules/no-origin-reflection';
import noWildcardWithCredentials from '../../eslint-plugin/src/rules/no-wildcard-with-credentials';
import { ruleTester } from './tester';

ruleTester.run('no-origin-reflection (allowlist style)', noOriginReflection, {
  valid: [],
  invalid: [
    {
      // A library option and the project's array: the option names it.
      code: `import cors from 'cors';
const allowedOrigins = ['https://shop.example.com'];
app.use(cors({ origin: true, credentials: true }));`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          suggestions: [
            {
              messageId: 'suggestOwnListOption',
              data: { list: 'allowedOrigins' },
              output: `import cors from 'cors';
const allowedOrigins = ['https://shop.example.com'];
app.use(cors({ origin: allowedOrigins, credentials: true }));`,
            },
          ],
        },
      ],
    },
    {
      // The project's Set, where a library takes an array: spread into one (cors reads a Set as "allow all").
      code: `import cors from 'cors';
const trustedOrigins = new Set(['https://shop.example.com']);
app.use(cors({ origin: true }));`,
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          suggestions: [
            {
              messageId: 'suggestOwnListOption',
              data: { list: 'trustedOrigins' },
              output: `import cors from 'cors';
const trustedOrigins = new Set(['https://shop.example.com']);
app.use(cors({ origin: [...trustedOrigins] }));`,
            },
          ],
        },
      ],
    },
    {
      // An API Gateway result and the project's list: the header is spread in when it lists the origin.
      code: `const allowedOrigins = process.env.ALLOWED_ORIGINS.split(',');
export const handler = async (event) => {
  return {
    statusCode: 200,
    headers: {
      'Access-Control-Allow-Origin': event.headers.origin,
    },
  };
};`,
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          suggestions: [
            {
              messageId: 'suggestOwnListHeader',
              data: { list: 'allowedOrigins' },
              output: `const allowedOrigins = process.env.ALLOWED_ORIGINS.split(',');
export const handler = async (event) => {
  return {
    statusCode: 200,
    headers: {
      ...(allowedOrigins.includes(event.headers.origin)
        ? { 'Access-Control-Allow-Origin': event.headers.origin }
        : {}),
      Vary: 'Origin',
    },
  };
};`,
            },
          ],
        },
      ],
    },
    {
      // A module that already has ALLOWED_ORIGINS (an array, from an earlier fix): reused, with `includes`.
      code: `const ALLOWED_ORIGINS = ['https://shop.example.com'];
app.use((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
});`,
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          suggestions: [
            {
              messageId: 'suggestAllowlistCheck',
              output: `const ALLOWED_ORIGINS = ['https://shop.example.com'];
app.use((req, res) => {
  res.setHeader('Vary', 'Origin');
  if (ALLOWED_ORIGINS.includes(req.headers.origin)) {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  }
});`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-wildcard-with-credentials (allowlist style)', noWildcardWithCredentials, {
  valid: [],
  invalid: [
    {
      // The Set an earlier fix declared, where the library takes an array.
      code: `import cors from 'cors';
const ALLOWED_ORIGINS = new Set(['https://shop.example.com']);
app.use(cors({ origin: '*', credentials: true }));`,
      errors: [
        {
          messageId: 'wildcardRejected',
          suggestions: [
            {
              messageId: 'suggestAllowlist',
              data: { list: 'ALLOWED_ORIGINS' },
              output: `import cors from 'cors';
const ALLOWED_ORIGINS = new Set(['https://shop.example.com']);
app.use(cors({ origin: [...ALLOWED_ORIGINS], credentials: true }));`,
            },
            {
              messageId: 'suggestRemoveCredentials',
              output: `import cors from 'cors';
const ALLOWED_ORIGINS = new Set(['https://shop.example.com']);
app.use(cors({ origin: '*' }));`,
            },
          ],
        },
      ],
    },
  ],
});
