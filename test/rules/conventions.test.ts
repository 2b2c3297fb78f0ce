// The semantics of the framework-convention rows (AdonisJS, Strapi, Sails, h3) shape by shape, each once
// unsafe and once as a safe look-alike. Files named by convention are given a path inside a fixture project
// (test/fixtures/conventions) whose package.json marks the framework.
import { join } from 'node:path';
import noNullOrigin from '../../eslint-plugin/src/rules/no-null-origin';
import noOriginReflection from '../../eslint-plugin/src/rules/no-origin-reflection';
import noUnsafeOriginCheck from '../../eslint-plugin/src/rules/no-unsafe-origin-check';
import noWildcardWithCredentials from '../../eslint-plugin/src/rules/no-wildcard-with-credentials';
import { ruleTester } from './tester';

const projects = join(__dirname, '..', 'fixtures', 'conventions');
const ADONIS5 = join(projects, 'adonis5', 'config', 'cors.ts');
const STRAPI = join(projects, 'strapi', 'config', 'middlewares.ts');
const SAILS = join(projects, 'sails', 'config', 'security.js');
const PLAIN_SECURITY = join(projects, 'plain', 'config', 'security.js');
const adonis = (options: string) =>
  `import { defineConfig } from '@adonisjs/cors';\nexport default defineConfig(${options});`;
const strapi = (config: string) => `export default ['strapi::errors', { name: 'strapi::cors', config: ${config} }];`;
const sails = (cors: string) => `module.exports.security = { cors: ${cors} };`;

ruleTester.run('no-origin-reflection (framework conventions)', noOriginReflection, {
  valid: [
    // AdonisJS: an exact list, a check of the origin, switched off.
    adonis(`{ origin: ['https://app.example.com'], credentials: true }`),
    adonis(`{ origin: (origin) => ['https://app.example.com'].includes(origin), credentials: true }`),
    adonis(`{ enabled: false, origin: true, credentials: true }`),
    {
      code: `const corsConfig = { enabled: false, origin: true, credentials: true };\nexport default corsConfig;`,
      filename: ADONIS5,
    },
    // Strapi: an array is compared exactly; a function returning a list is read as the setting.
    { code: strapi(`{ origin: ['https://app.example.com'] }`), filename: STRAPI },
    { code: strapi(`{ origin: (ctx) => ['https://app.example.com'] }`), filename: STRAPI },
    // Sails: only with allRoutes: true do the settings apply to every route.
    {
      code: sails(`{ allowOrigins: '*', allowCredentials: true, allowAnyOriginWithCredentialsUnsafe: true }`),
      filename: SAILS,
    },
    // Not a Sails project: the same object means nothing.
    {
      code: sails(
        `{ allRoutes: true, allowOrigins: '*', allowCredentials: true, allowAnyOriginWithCredentialsUnsafe: true }`,
      ),
      filename: PLAIN_SECURITY,
    },
    // glue: an exact list in the manifest.
    `const Glue = require('@hapi/glue');\nGlue.compose({ server: { routes: { cors: { origin: ['https://app.example.com'] } } } });`,
    // h3: a predicate that compares exactly.
    `import { handleCors } from 'h3';\nhandleCors(event, { origin: (o) => o === 'https://app.example.com', credentials: true });`,
  ],
  invalid: [
    // AdonisJS defaults: origin true, credentials true.
    { code: adonis('{}'), errors: [{ messageId: 'reflectedWithCredentials' }] },
    { code: adonis('{ origin: () => true }'), errors: [{ messageId: 'reflectedWithCredentials' }] },
    { code: adonis('{ origin: (origin) => origin }'), errors: [{ messageId: 'reflectedWithCredentials' }] },
    {
      code: strapi(`{ origin: (ctx) => ctx.get('Origin'), credentials: true }`),
      filename: STRAPI,
      errors: [{ messageId: 'reflectedWithCredentials' }],
    },
    {
      code: `import { handleCors } from 'h3';\nhandleCors(event, { origin: () => true, credentials: true });`,
      errors: [{ messageId: 'reflectedWithCredentials' }],
    },
    {
      // h3 sends a string origin as is: the request's own Origin (getRequestHeader, also auto-imported).
      code: `import { getRequestHeader, handleCors } from 'h3';\nexport default (event) => handleCors(event, { origin: getRequestHeader(event, 'origin') || '*', credentials: true });`,
      errors: [{ messageId: 'reflectedWithCredentials', line: 2, column: 55 }],
    },
    {
      // Strapi's bare entry: the defaults (`*`, credentials on) are answered with the Origin.
      code: `module.exports = [{ name: 'strapi::cors', config: { origin: ['https://app.example.com'] } }, 'strapi::cors'];`,
      filename: STRAPI,
      errors: [{ messageId: 'reflectedWithCredentials', line: 1, column: 94 }],
    },
    {
      // glue: hapi's `cors: true` is `origin: ['*']`, answered with the request's Origin.
      code: `const Glue = require('@hapi/glue');\nGlue.compose({ server: { routes: { cors: true } } });`,
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          suggestions: [
            {
              messageId: 'suggestAllowlistOption',
              output: `const Glue = require('@hapi/glue');\nconst ALLOWED_ORIGINS = ['https://your-frontend.example'];\nGlue.compose({ server: { routes: { cors: { origin: ALLOWED_ORIGINS } } } });`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-wildcard-with-credentials (framework conventions)', noWildcardWithCredentials, {
  valid: [
    // AdonisJS: a comma-separated string is a list of exact origins.
    adonis(`{ origin: 'https://app.example.com,https://admin.example.com', credentials: true }`),
    { code: strapi(`{ origin: 'https://app.example.com, https://admin.example.com' }`), filename: STRAPI },
    {
      code: sails(`{ allRoutes: true, allowOrigins: ['https://app.example.com'], allowCredentials: true }`),
      filename: SAILS,
    },
  ],
  invalid: [
    {
      code: adonis(`{ origin: '*', credentials: true }`),
      errors: [
        {
          messageId: 'wildcardReflects',
          line: 2,
          column: 39,
          suggestions: [
            {
              messageId: 'suggestAllowlist',
              output: adonis(`{ origin: ALLOWED_ORIGINS, credentials: true }`).replace(
                '\n',
                "\nconst ALLOWED_ORIGINS = ['https://your-frontend.example'];\n",
              ),
            },
            // AdonisJS turns credentials on by default: the fix switches them off rather than removing the option.
            { messageId: 'suggestRemoveCredentials', output: adonis(`{ origin: '*', credentials: false }`) },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-null-origin (framework conventions)', noNullOrigin, {
  valid: [adonis(`{ origin: 'https://app.example.com,https://admin.example.com' }`)],
  // The comma-separated list holds `null`: a sandboxed iframe is let in.
  invalid: [
    {
      code: adonis(`{ origin: 'https://app.example.com,null' }`),
      errors: [{ messageId: 'nullTrusted', line: 2, column: 39 }],
    },
  ],
});

ruleTester.run('no-unsafe-origin-check (framework conventions)', noUnsafeOriginCheck, {
  valid: [`import { handleCors } from 'h3';\nhandleCors(event, { origin: [/^https:\\/\\/app\\.example\\.com$/] });`],
  invalid: [
    {
      code: `import { appendCorsHeaders } from 'h3';\nappendCorsHeaders(event, { origin: [/example\\.com$/], credentials: true });`,
      errors: [
        {
          messageId: 'acceptsAttacker',
          line: 2,
          column: 38,
          suggestions: [
            {
              messageId: 'suggestRepair',
              output: `import { appendCorsHeaders } from 'h3';\nappendCorsHeaders(event, { origin: [/^https?:\\/\\/(?:[a-z0-9-]+\\.)*example\\.com$/], credentials: true });`,
            },
          ],
        },
      ],
    },
  ],
});
