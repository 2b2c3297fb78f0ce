// The long tail of issue 33 (sites/libraries/platforms.ts): restify-cors-middleware2 (and 1.x),
// hapi-cors-headers, egg-cors (Egg.js `config.cors`) and Deno's oakCors (deno.land/x/cors). Each unsafe shape
// beside a safe look-alike; each witness is one the real package admits (test/differential), except oakCors,
// which is not on npm: its rows are read from deno.land/x/cors 1.2.2's source and tested here only.
import { join } from 'node:path';
import noInvalidCorsHeader from '../../eslint-plugin/src/rules/no-invalid-cors-header';
import noOriginReflection from '../../eslint-plugin/src/rules/no-origin-reflection';
import noUnsafeOriginCheck from '../../eslint-plugin/src/rules/no-unsafe-origin-check';
import noWildcardWithCredentials from '../../eslint-plugin/src/rules/no-wildcard-with-credentials';
import { ruleTester } from './tester';
import { FRONTEND_LIST, withAllowlistConstant } from './allowlist-output';

const ATTACKER = 'https://evil.example';
const EGG_CONFIG = join(__dirname, '..', 'fixtures', 'platforms', 'egg', 'config', 'config.default.js');
/** The allowlist suggestion: `from` replaced in `code` (a list written as the fixes write it: a constant). */
const allowlist = <M extends string>(messageId: M, code: string, from: string, to = FRONTEND_LIST) => ({
  messageId,
  output: to.includes(FRONTEND_LIST) ? withAllowlistConstant(code.replace(from, to)) : code.replace(from, to),
});
const restify = (options: string, module = 'restify-cors-middleware2') =>
  `import restify from 'restify';\nimport corsMiddleware from '${module}';\nconst server = restify.createServer();\nconst cors = corsMiddleware(${options});\nserver.pre(cors.preflight);\nserver.use(cors.actual);`;
const oak = (options: string) =>
  `import { Application } from 'https://deno.land/x/oak@v17.1.4/mod.ts';\nimport { oakCors } from 'https://deno.land/x/cors@v1.2.2/mod.ts';\nconst app = new Application();\napp.use(oakCors(${options}));`;
/** An API Gateway REST integration whose responses map static header values (`"'*'"`). */
const integration = (origin: string, credentials?: string) =>
  `import * as apigateway from 'aws-cdk-lib/aws-apigateway';\nconst corsResponseHeaders = {\n  'method.response.header.Access-Control-Allow-Origin': ${origin},${credentials ? `\n  'method.response.header.Access-Control-Allow-Credentials': ${credentials},` : ''}\n};\nexport const integration = new apigateway.LambdaIntegration(fn, {\n  proxy: false,\n  integrationResponses: [{ statusCode: '200', responseParameters: corsResponseHeaders }],\n});`;
const egg = (code: string) => ({ code, filename: EGG_CONFIG });
/** SST 3's `sst.config.ts`: `sst` is a global the SST CLI injects. */
const SST_CONFIG = join(__dirname, '..', 'fixtures', 'platforms', 'sst', 'sst.config.ts');
const sstCode = (args: string) =>
  `export default $config({\n  app() {\n    return { name: 'api', home: 'aws' };\n  },\n  async run() {\n    const api = new sst.aws.ApiGatewayV2('Api'${args ? `, ${args}` : ''});\n    api.route('GET /', 'index.handler');\n  },\n});`;
const sst = (args: string) => ({ code: sstCode(args), filename: SST_CONFIG });
const eggScaffold = (cors: string) =>
  egg(`module.exports = (appInfo) => {
  const config = (exports = {});
  config.keys = appInfo.name + '_keys';
  config.cors = ${cors};
  return config;
};`);

ruleTester.run('no-origin-reflection (long tail)', noOriginReflection, {
  valid: [
    // restify-cors-middleware2: an exact list with credentials; `['*']` (the default) without credentials
    // sends back every Origin but never with cookies: the public `*` the author wrote, as hapi's `['*']`.
    restify("{ origins: ['https://app.example.com', 'https://admin.example.com'], credentials: true }"),
    restify("{ origins: ['*'] }"),
    restify('{}'),
    restify("{ origins: ['*'] }", 'restify-cors-middleware'),
    // hapi-cors-headers imported but never registered as an extension; hapi's own CORS with an exact list.
    `import corsHeaders from 'hapi-cors-headers';\nexport { corsHeaders };`,
    `import Hapi from '@hapi/hapi';\nconst server = Hapi.server({ routes: { cors: { origin: ['https://app.example.com'], credentials: true } } });\nserver.ext('onPreResponse', (request, h) => h.continue);`,
    // egg-cors: a fixed origin; no `origin` (egg-security's domainWhiteList decides, empty by default).
    egg("exports.cors = { origin: 'https://app.example.com', credentials: true };"),
    egg('exports.cors = { credentials: true };'),
    eggScaffold("{ origin: 'https://app.example.com', credentials: true }"),
    // oakCors: `*` by default; an exact list with credentials.
    oak(''),
    oak("{ origin: ['https://app.example.com'], credentials: true }"),
    oak("{ origin: 'https://app.example.com', credentials: true }"),
  ],
  invalid: [
    {
      // hapi-cors-headers sends back every request's Origin with credentials, whatever the request.
      code: `const Hapi = require('hapi');\nconst corsHeaders = require('hapi-cors-headers');\nconst server = new Hapi.Server();\nserver.ext('onPreResponse', corsHeaders);`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: {
            subject: "`hapi-cors-headers` with no origin list sends back every request's Origin",
            attacker: ATTACKER,
          },
          line: 4,
        },
      ],
    },
    {
      // The hapi 17 object form of `ext`.
      code: `import corsHeaders from 'hapi-cors-headers';\nserver.ext({ type: 'onPreResponse', method: corsHeaders });`,
      errors: [{ messageId: 'reflectedWithCredentials', line: 2 }],
    },
    {
      // egg-cors: an origin function returning the request's Origin, in the scaffold's config function.
      ...eggScaffold("{ origin: (ctx) => ctx.get('origin'), credentials: true }"),
      errors: [{ messageId: 'reflectedWithCredentials', line: 4 }],
    },
    {
      code: oak('{ origin: true }'),
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          data: {
            subject: '`origin: true` makes `deno.land/x/cors (oakCors)` reflect every Origin',
            attacker: ATTACKER,
          },
          suggestions: [allowlist('suggestAllowlistOption', oak('{ origin: true }'), 'true')],
        },
      ],
    },
    {
      code: oak('{ origin: true, credentials: true }'),
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          suggestions: [allowlist('suggestAllowlistOption', oak('{ origin: true, credentials: true }'), 'true')],
        },
      ],
    },
    {
      // oakCors reads a function's answer as the setting again: returning the Origin sends it back.
      code: oak('{ origin: (requestOrigin) => requestOrigin, credentials: true }'),
      errors: [{ messageId: 'reflectedWithCredentials' }],
    },
  ],
});

ruleTester.run('no-unsafe-origin-check (long tail)', noUnsafeOriginCheck, {
  valid: [
    restify("{ origins: ['https://app.example.com'], credentials: true }"),
    restify('{ origins: [/^https:\\/\\/app\\.example\\.com$/], credentials: true }'),
    oak('{ origin: /^https:\\/\\/app\\.example\\.com$/, credentials: true }'),
  ],
  invalid: [
    {
      // restify-cors-middleware escapes only the first dot of a wildcard entry: `.co.uk` stays unescaped.
      code: restify("{ origins: ['https://*.example.co.uk'], credentials: true }"),
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: {
            witness: 'https://x.example-co.uk',
            reason:
              'restify-cors-middleware escapes only the first `.` of `https://*.example.co.uk` and turns its first `*` into `.*`',
          },
        },
      ],
    },
    {
      // A trailing `*` matches any host after the prefix.
      code: restify("{ origins: ['https://app.example.*'], credentials: true }", 'restify-cors-middleware'),
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: {
            witness: 'https://app.example.evil.net',
            reason:
              'restify-cors-middleware escapes only the first `.` of `https://app.example.*` and turns its first `*` into `.*`',
          },
        },
      ],
    },
    {
      code: oak('{ origin: /example\\.com$/, credentials: true }'),
      errors: [
        {
          messageId: 'acceptsAttacker',
          data: { witness: 'https://evilexample.com', reason: 'no `^` at the start, so anything may come before' },
          suggestions: [
            allowlist(
              'suggestRepair',
              oak('{ origin: /example\\.com$/, credentials: true }'),
              '/example\\.com$/',
              '/^https?:\\/\\/(?:[a-z0-9-]+\\.)*example\\.com$/',
            ),
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-wildcard-with-credentials (long tail)', noWildcardWithCredentials, {
  valid: [
    restify("{ origins: ['https://app.example.com'], credentials: true }"),
    restify("{ origins: ['*'] }"),
    egg("exports.cors = { origin: '*' };"),
    oak("{ origin: '*' }"),
    // SST 3 ApiGatewayV2: `*` (the default) without credentials; an exact list with credentials; CORS off; and
    // `sst` declared in the file (not SST's global).
    // API Gateway response parameters: a static exact origin with credentials; `*` without them; a method
    // response's `true` (the header is declared, not set); a mapping expression (not a static value).
    integration(`"'https://app.example.com'"`, `"'true'"`),
    integration(`"'*'"`),
    integration(`'integration.response.header.Origin'`, `"'true'"`),
    `resource.addMethod('POST', integration, {\n  methodResponses: [{ statusCode: '200', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': true, 'method.response.header.Access-Control-Allow-Credentials': true } }],\n});`,
    sst(''),
    sst('{ cors: true }'),
    sst("{ cors: { allowOrigins: ['https://app.example.com'], allowCredentials: true } }"),
    sst('{ cors: false }'),
    {
      code: `const sst = { aws: { ApiGatewayV2: class {} } };\nnew sst.aws.ApiGatewayV2('Api', { cors: { allowCredentials: true } });`,
      filename: SST_CONFIG,
    },
  ],
  invalid: [
    {
      // API Gateway sends a static response parameter as written: `*` with `true`, which browsers reject.
      code: integration(`"'*'"`, `"'true'"`),
      errors: [
        {
          messageId: 'wildcardRejected',
          line: 3,
          suggestions: [
            {
              messageId: 'suggestRemoveCredentials',
              output: integration(`"'*'"`, `"'true'"`).replace(
                `'method.response.header.Access-Control-Allow-Credentials': "'true'",\n`,
                '',
              ),
            },
          ],
        },
      ],
    },
    {
      // SST 3 spreads `cors` over `allowOrigins: ['*']`: with credentials API Gateway refuses it at deploy.
      ...sst("{ cors: { allowCredentials: true, allowOrigins: ['*'] } }"),
      errors: [
        {
          messageId: 'wildcardRefused',
          data: {
            library: '`sst (sst.aws.ApiGatewayV2)`',
            subject: '`*`',
            line: 6,
            refusal: 'API Gateway refuses this CORS configuration when `sst deploy` creates the HTTP API',
          },
          suggestions: [
            allowlist(
              'suggestAllowlist',
              sstCode("{ cors: { allowCredentials: true, allowOrigins: ['*'] } }"),
              "['*']",
            ),
            allowlist(
              'suggestRemoveCredentials',
              sstCode("{ cors: { allowCredentials: true, allowOrigins: ['*'] } }"),
              'allowCredentials: true, ',
              '',
            ),
          ],
        },
      ],
    },
    {
      // restify-cors-middleware2 throws at start for `*` with credentials...
      code: restify("{ origins: ['*'], credentials: true }"),
      errors: [{ messageId: 'wildcardRefused' }],
    },
    {
      // ...unless `allowCredentialsAllOrigins` is set: then every Origin is sent back with credentials.
      code: restify("{ origins: ['*'], credentials: true, allowCredentialsAllOrigins: true }"),
      errors: [{ messageId: 'wildcardAlwaysReflects' }],
    },
    {
      // 1.x has no such option: it always throws.
      code: restify(
        "{ origins: ['*'], credentials: true, allowCredentialsAllOrigins: true }",
        'restify-cors-middleware',
      ),
      errors: [{ messageId: 'wildcardRefused' }],
    },
    {
      // egg-cors hands `*` with credentials to @koa/cors, which sends back every Origin with credentials.
      ...egg("exports.cors = { origin: '*', credentials: true };"),
      errors: [
        {
          messageId: 'wildcardReflects',
          suggestions: [
            {
              messageId: 'suggestRemoveCredentials',
              output: "exports.cors = { origin: '*' };",
            },
          ],
        },
      ],
    },
    {
      code: oak("{ origin: '*', credentials: true }"),
      errors: [
        {
          messageId: 'wildcardRejected',
          suggestions: [
            allowlist('suggestAllowlist', oak("{ origin: '*', credentials: true }"), "'*'"),
            allowlist('suggestRemoveCredentials', oak("{ origin: '*', credentials: true }"), ', credentials: true', ''),
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-invalid-cors-header (API Gateway response parameters)', noInvalidCorsHeader, {
  valid: [integration(`"'https://app.example.com'"`, `"'true'"`)],
  invalid: [
    {
      // The static value keeps its inner quotes in the suggested fix.
      code: integration(`"'https://app.example.com/'"`),
      errors: [
        {
          messageId: 'invalidOrigin',
          suggestions: [
            {
              messageId: 'suggestOrigin',
              output: integration(`"'https://app.example.com'"`),
            },
          ],
        },
      ],
    },
  ],
});
