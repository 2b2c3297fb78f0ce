// The semantics of the framework-convention rows (AdonisJS, Strapi, Sails, h3) shape by shape, each once
// unsafe and once as a safe look-alike. Files named by convention are given a path inside a fixture project
// (test/fixtures/conventions) whose package.json marks the framework.
import { join } from 'node:path';
import noNullOrigin from '../../eslint-plugin/src/rules/no-null-origin';
import noOriginReflection from '../../eslint-plugin/src/rules/no-origin-reflection';
import noUnsafeOriginCheck from '../../eslint-plugin/src/rules/no-unsafe-origin-check';
import noWildcardWithCredentials from '../../eslint-plugin/src/rules/no-wildcard-with-credentials';
import { ruleTester } from './tester';
import { withAllowlistConstant } from './allowlist-output';

const projects = join(__dirname, '..', 'fixtures', 'conventions');
const ADONIS5 = join(projects, 'adonis5', 'config', 'cors.ts');
const STRAPI = join(projects, 'strapi', 'config', 'middlewares.ts');
const SAILS = join(projects, 'sails', 'config', 'security.js');
const PLAIN_SECURITY = join(projects, 'plain', 'config', 'security.js');
const SAILS_ROUTES = join(projects, 'sails', 'config', 'routes.js');
const SAILS0_ROUTES = join(projects, 'sails0', 'config', 'routes.js');
const routes = (cors: string) =>
  `module.exports.routes = {\n  'GET /': { view: 'pages/homepage' },\n  'GET /api/me': { action: 'user/me', cors: ${cors} },\n};`;
const adonis = (options: string) =>
  `import { defineConfig } from '@adonisjs/cors';\nexport default defineConfig(${options});`;
const strapi = (config: string) => `export default ['strapi::errors', { name: 'strapi::cors', config: ${config} }];`;
const sails = (cors: string) => `module.exports.security = { cors: ${cors} };`;
/** A LoopBack 4 application class (through a mixin, as generated) handing `args` to RestApplication. */
const lb4 = (args: string) =>
  `import { BootMixin } from '@loopback/boot';\nimport { RestApplication } from '@loopback/rest';\nexport class ShopApplication extends BootMixin(RestApplication) {\n  constructor(options = {}) {\n    super(${args});\n  }\n}`;

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
    // LoopBack 4: an application subclass passing an exact list to super(), and one passing its options through.
    lb4(`{ ...options, rest: { ...options.rest, cors: { origin: ['https://app.example.com'], credentials: true } } }`),
    lb4('options'),
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
      // LoopBack 4: the options a subclass passes to super() go to `cors` (`origin: true` reflects).
      code: lb4(`{ ...options, rest: { ...options.rest, cors: { origin: true, credentials: true } } }`),
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 5,
          column: 66,
          suggestions: [
            {
              messageId: 'suggestAllowlistOption',
              output: withAllowlistConstant(
                lb4(
                  `{ ...options, rest: { ...options.rest, cors: { origin: ['https://your-frontend.example'], credentials: true } } }`,
                ),
              ),
            },
          ],
        },
      ],
    },
    {
      code: `const { RestApplication } = require('@loopback/rest');\nclass Api extends RestApplication {\n  constructor() {\n    super({ rest: { cors: { origin: true, credentials: true } } });\n  }\n}`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 4,
          column: 37,
          suggestions: [
            {
              messageId: 'suggestAllowlistOption',
              output: withAllowlistConstant(
                `const { RestApplication } = require('@loopback/rest');\nclass Api extends RestApplication {\n  constructor() {\n    super({ rest: { cors: { origin: ['https://your-frontend.example'], credentials: true } } });\n  }\n}`,
              ),
            },
          ],
        },
      ],
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
    // Sails 1 route-level settings: an exact list with credentials; `*` without them; no origin (nothing sent).
    { code: routes(`{ allowOrigins: ['https://app.example.com'], allowCredentials: true }`), filename: SAILS_ROUTES },
    { code: routes(`{ allowOrigins: '*' }`), filename: SAILS_ROUTES },
    { code: routes(`{ allowCredentials: true }`), filename: SAILS_ROUTES },
    // Sails 0.12 has no route-level objects of this shape: the row is for 1.x.
    { code: routes(`{ allowOrigins: '*', allowCredentials: true }`), filename: SAILS0_ROUTES },
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
    {
      // Sails 1 route-level `cors`: the route's object alone, without security.cors's start-up check, so `*` with
      // credentials sends back every Origin with cookies (set-headers.js turns it into `origin = true`).
      code: routes(`{ allowOrigins: '*', allowCredentials: true }`),
      filename: SAILS_ROUTES,
      errors: [
        {
          messageId: 'wildcardReflects',
          line: 3,
          column: 61,
          suggestions: [
            {
              messageId: 'suggestAllowlist',
              output: withAllowlistConstant(
                routes(`{ allowOrigins: ['https://your-frontend.example'], allowCredentials: true }`),
              ),
            },
            { messageId: 'suggestRemoveCredentials', output: routes(`{ allowOrigins: '*' }`) },
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
