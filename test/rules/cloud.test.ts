// Cloud constructs (issue 33): the AWS CDK's API Gateway REST preflight, HTTP API, Lambda Function URL and S3
// bucket rules, and SST 2's Api; each unsafe shape beside a safe look-alike, through the rule that reports it.
import noNullOrigin from '../../eslint-plugin/src/rules/no-null-origin';
import noUnsafeOriginCheck from '../../eslint-plugin/src/rules/no-unsafe-origin-check';
import noAnySubdomain from '../../eslint-plugin/src/rules/no-any-subdomain';
import noOriginReflection from '../../eslint-plugin/src/rules/no-origin-reflection';
import noWildcardWithCredentials from '../../eslint-plugin/src/rules/no-wildcard-with-credentials';
import { ruleTester } from './tester';
import { withAllowlistConstant } from './allowlist-output';

const REST = `import * as apigateway from 'aws-cdk-lib/aws-apigateway';`;
const HTTP = `import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';`;

ruleTester.run('no-wildcard-with-credentials (cloud constructs)', noWildcardWithCredentials, {
  valid: [
    // REST preflight: `*` without credentials (public), and credentials with an exact list.
    `${REST}
new apigateway.RestApi(this, 'Api', { defaultCorsPreflightOptions: { allowOrigins: apigateway.Cors.ALL_ORIGINS } });`,
    `${REST}
new apigateway.RestApi(this, 'Api', {
  defaultCorsPreflightOptions: { allowOrigins: ['https://app.example.com'], allowCredentials: true },
});`,
    // HTTP API: an exact list with credentials.
    `${HTTP}
new HttpApi(this, 'Api', { corsPreflight: { allowOrigins: ['https://app.example.com'], allowCredentials: true } });`,
    // S3: `*` answers `*` without credentials (public objects).
    `import * as s3 from 'aws-cdk-lib/aws-s3';
new s3.Bucket(this, 'Assets', { cors: [{ allowedOrigins: ['*'], allowedMethods: [s3.HttpMethods.GET] }] });`,
    // Function URL: `*` with credentials is not documented: unknown, not reported.
    `fn.addFunctionUrl({ cors: { allowedOrigins: ['*'], allowCredentials: true } });`,
    // SST: the default `*`, no credentials.
    `import { Api } from 'sst/constructs';
new Api(stack, 'Api', { routes: { 'GET /': 'src/lambda.handler' } });`,
    // A local object named like the CDK's constant is read for what it holds (an exact list).
    `${REST}
const Cors = { ALL_ORIGINS: ['https://app.example.com'] };
new apigateway.RestApi(this, 'Api', { defaultCorsPreflightOptions: { allowOrigins: Cors.ALL_ORIGINS, allowCredentials: true } });`,
    // A look-alike outside the CDK: an object property named like the CDK's.
    `const settings = { defaultCorsPreflightOptions: { allowOrigins: ['*'], allowCredentials: true } };`,
  ],
  invalid: [
    {
      // REST: Cors.ALL_ORIGINS is ['*']; the preflight sends `*` and `true` statically: browsers reject it.
      code: `${REST}
new apigateway.RestApi(this, 'Api', {
  defaultCorsPreflightOptions: { allowOrigins: apigateway.Cors.ALL_ORIGINS, allowCredentials: true },
});`,
      errors: [
        {
          messageId: 'wildcardRejected',
          line: 3,
          suggestions: [
            {
              messageId: 'suggestAllowlist',
              output: withAllowlistConstant(`${REST}
new apigateway.RestApi(this, 'Api', {
  defaultCorsPreflightOptions: { allowOrigins: ['https://your-frontend.example'], allowCredentials: true },
});`),
            },
            {
              messageId: 'suggestRemoveCredentials',
              output: `${REST}
new apigateway.RestApi(this, 'Api', {
  defaultCorsPreflightOptions: { allowOrigins: apigateway.Cors.ALL_ORIGINS },
});`,
            },
          ],
        },
      ],
    },
    {
      // The same through the aws-cdk-lib namespace export and `addCorsPreflight` on a resource.
      code: `import { aws_apigateway as apigw } from 'aws-cdk-lib';
const api = new apigw.RestApi(this, 'Api');
api.root.addResource('items').addCorsPreflight({ allowOrigins: ['*'], allowCredentials: true });`,
      errors: [
        {
          messageId: 'wildcardRejected',
          line: 3,
          suggestions: [
            {
              messageId: 'suggestAllowlist',
              output: withAllowlistConstant(`import { aws_apigateway as apigw } from 'aws-cdk-lib';
const api = new apigw.RestApi(this, 'Api');
api.root.addResource('items').addCorsPreflight({ allowOrigins: ['https://your-frontend.example'], allowCredentials: true });`),
            },
            {
              messageId: 'suggestRemoveCredentials',
              output: `import { aws_apigateway as apigw } from 'aws-cdk-lib';
const api = new apigw.RestApi(this, 'Api');
api.root.addResource('items').addCorsPreflight({ allowOrigins: ['*'] });`,
            },
          ],
        },
      ],
    },
    {
      // `import { Cors }` and `defaultCorsPreflightOptions` on addResource.
      code: `import { Cors } from 'aws-cdk-lib/aws-apigateway';
api.root.addResource('items', { defaultCorsPreflightOptions: { allowOrigins: Cors.ALL_ORIGINS, allowCredentials: true } });`,
      errors: [
        {
          messageId: 'wildcardRejected',
          line: 2,
          suggestions: [
            {
              messageId: 'suggestAllowlist',
              output: withAllowlistConstant(`import { Cors } from 'aws-cdk-lib/aws-apigateway';
api.root.addResource('items', { defaultCorsPreflightOptions: { allowOrigins: ['https://your-frontend.example'], allowCredentials: true } });`),
            },
            {
              messageId: 'suggestRemoveCredentials',
              output: `import { Cors } from 'aws-cdk-lib/aws-apigateway';
api.root.addResource('items', { defaultCorsPreflightOptions: { allowOrigins: Cors.ALL_ORIGINS } });`,
            },
          ],
        },
      ],
    },
    {
      // An options factory given the module namespace (`apigateway: any`): `Cors.ALL_ORIGINS` read by name.
      code: `${REST}
const props = (ag: any) => ({ defaultCorsPreflightOptions: { allowOrigins: ag.Cors.ALL_ORIGINS, allowCredentials: true } });
new apigateway.RestApi(this, 'Api', props(apigateway));`,
      errors: [
        {
          messageId: 'wildcardRejected',
          line: 2,
          suggestions: [
            {
              messageId: 'suggestAllowlist',
              output: withAllowlistConstant(`${REST}
const props = (ag: any) => ({ defaultCorsPreflightOptions: { allowOrigins: ['https://your-frontend.example'], allowCredentials: true } });
new apigateway.RestApi(this, 'Api', props(apigateway));`),
            },
            {
              messageId: 'suggestRemoveCredentials',
              output: `${REST}
const props = (ag: any) => ({ defaultCorsPreflightOptions: { allowOrigins: ag.Cors.ALL_ORIGINS } });
new apigateway.RestApi(this, 'Api', props(apigateway));`,
            },
          ],
        },
      ],
    },
    {
      // HTTP API: the CDK refuses `*` with credentials at synth.
      code: `${HTTP}
new HttpApi(this, 'Api', { corsPreflight: { allowOrigins: ['*'], allowCredentials: true } });`,
      errors: [
        {
          messageId: 'wildcardRefused',
          data: {
            library: '`aws-cdk-lib/aws-apigatewayv2`',
            subject: '`*`',
            line: '2',
            refusal: 'the stack fails to build, so this CORS setting never deploys',
          },
          suggestions: [
            {
              messageId: 'suggestAllowlist',
              output: withAllowlistConstant(`${HTTP}
new HttpApi(this, 'Api', { corsPreflight: { allowOrigins: ['https://your-frontend.example'], allowCredentials: true } });`),
            },
            {
              messageId: 'suggestRemoveCredentials',
              output: `${HTTP}
new HttpApi(this, 'Api', { corsPreflight: { allowOrigins: ['*'] } });`,
            },
          ],
        },
      ],
    },
    {
      // SST: no allowOrigins means `*`; credentials on make the CDK refuse it.
      code: `import { Api } from 'sst/constructs';
new Api(stack, 'Api', { cors: { allowCredentials: true } });`,
      errors: [
        {
          messageId: 'wildcardRefused',
          line: 2,
          suggestions: [
            {
              messageId: 'suggestAllowlist',
              output: withAllowlistConstant(`import { Api } from 'sst/constructs';
new Api(stack, 'Api', { cors: { allowOrigins: ['https://your-frontend.example'], allowCredentials: true } });`),
            },
            {
              messageId: 'suggestRemoveCredentials',
              output: `import { Api } from 'sst/constructs';
new Api(stack, 'Api', { cors: {} });`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-unsafe-origin-check (cloud constructs)', noUnsafeOriginCheck, {
  valid: [
    // HTTP API: exact origins only.
    `${HTTP}
new HttpApi(this, 'Api', { corsPreflight: { allowOrigins: ['https://app.example.com', 'https://admin.example.com'] } });`,
    // S3: an exact origin, and a wildcard confined to the site's own subdomains.
    `import { Bucket } from 'aws-cdk-lib/aws-s3';
new Bucket(this, 'B', { cors: [{ allowedOrigins: ['https://app.example.com'], allowedMethods: [] }] });`,
  ],
  invalid: [
    {
      // HTTP API: `https://*` admits every https origin (API Gateway's guide), with credentials.
      code: `${HTTP}
new HttpApi(this, 'Api', { corsPreflight: { allowOrigins: ['https://*'], allowCredentials: true } });`,
      errors: [{ messageId: 'acceptsAttacker', line: 2 }],
    },
    {
      // S3: the one `*` matches any characters, so `https://*example.com` admits https://evilexample.com,
      // which S3 answers with its own Origin and credentials.
      code: `import * as s3 from 'aws-cdk-lib/aws-s3';
bucket.addCorsRule({ allowedOrigins: ['https://*example.com'], allowedMethods: [s3.HttpMethods.GET] });`,
      errors: [{ messageId: 'acceptsAttacker', line: 2 }],
    },
  ],
});

ruleTester.run('no-any-subdomain (cloud constructs)', noAnySubdomain, {
  valid: [
    `import * as s3 from 'aws-cdk-lib/aws-s3';
new s3.Bucket(this, 'B', { cors: [{ allowedOrigins: ['https://app.example.com'], allowedMethods: [] }] });`,
  ],
  invalid: [
    {
      code: `import * as s3 from 'aws-cdk-lib/aws-s3';
new s3.Bucket(this, 'B', { cors: [{ allowedOrigins: ['https://*.example.com'], allowedMethods: [] }] });`,
      errors: [
        { messageId: 'anySubdomain', data: { host: 'example.com', example: 'https://unlisted.example.com' }, line: 2 },
      ],
    },
  ],
});

ruleTester.run('no-null-origin (cloud constructs)', noNullOrigin, {
  valid: [
    `import { FunctionUrl } from 'aws-cdk-lib/aws-lambda';
new FunctionUrl(this, 'Url', { function: fn, cors: { allowedOrigins: ['https://app.example.com'] } });`,
  ],
  invalid: [
    {
      code: `import { FunctionUrl } from 'aws-cdk-lib/aws-lambda';
new FunctionUrl(this, 'Url', { function: fn, cors: { allowedOrigins: ['null'], allowCredentials: true } });`,
      errors: [
        {
          messageId: 'nullTrusted',
          line: 2,
          suggestions: [
            {
              messageId: 'suggestRemove',
              output: `import { FunctionUrl } from 'aws-cdk-lib/aws-lambda';
new FunctionUrl(this, 'Url', { function: fn, cors: { allowedOrigins: [], allowCredentials: true } });`,
            },
          ],
        },
      ],
    },
  ],
});

/** A serverless.ts whose one function has this `http` event. */
const serverless = (http: string) => `import type { AWS } from '@serverless/typescript';

const config: AWS = {
  service: 'api',
  functions: { items: { handler: 'src/items.main', events: [{ http: ${http} }] } },
};
module.exports = config;`;

ruleTester.run('no-origin-reflection (Serverless Framework)', noOriginReflection, {
  valid: [
    // `cors: true` is `*` without credentials; an exact `origins` list with credentials.
    serverless(`{ method: 'get', path: 'items', cors: true }`),
    serverless(
      `{ method: 'get', path: 'items', cors: { origins: ['https://app.example.com', 'https://admin.example.com'], allowCredentials: true } }`,
    ),
    // A look-alike that is no http event (no method and path): not the Serverless Framework's.
    `const http = { cors: { origins: ['*'], allowCredentials: true } };`,
  ],
  invalid: [
    {
      // `*` in `origins` is a pattern every Origin matches: the template sends each one back, with credentials.
      code: serverless(`{ method: 'post', path: 'items', cors: { origins: ['*'], allowCredentials: true } }`),
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: {
            subject: '`serverless` matches `*` in the origin list against every Origin and sends it back',
            attacker: 'https://evil.example',
          },
          line: 5,
        },
      ],
    },
  ],
});

ruleTester.run('no-wildcard-with-credentials (Serverless Framework)', noWildcardWithCredentials, {
  valid: [serverless(`{ method: 'get', path: 'items', cors: { origin: '*' } }`)],
  invalid: [
    {
      code: serverless(`{ method: 'get', path: 'items', cors: { origin: '*', allowCredentials: true } }`),
      errors: [
        {
          messageId: 'wildcardRejected',
          line: 5,
          suggestions: [
            {
              messageId: 'suggestRemoveCredentials',
              output: serverless(`{ method: 'get', path: 'items', cors: { origin: '*' } }`),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-unsafe-origin-check (Serverless Framework)', noUnsafeOriginCheck, {
  valid: [
    serverless(
      `{ method: 'get', path: 'items', cors: { origins: ['https://*.example.com'], allowCredentials: true } }`,
    ),
  ],
  invalid: [
    {
      code: serverless(
        `{ method: 'get', path: 'items', cors: { origins: ['https://*example.com'], allowCredentials: true } }`,
      ),
      errors: [{ messageId: 'acceptsAttacker', line: 5 }],
    },
  ],
});
