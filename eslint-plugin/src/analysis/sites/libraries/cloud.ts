/**
 * Cloud constructs written in TypeScript that configure CORS on a managed platform: the AWS CDK's API
 * Gateway REST preflight, HTTP API, Lambda Function URL and S3 bucket rules, and SST's Api. Each row says
 * what the platform sends for the options, read in the CDK's source and AWS's documentation (cited per row);
 * where neither says, the row says `unknown` rather than guess.
 */
import type { LibraryConstant, LibraryId, LibrarySemantics } from '../library-types';
import { corsLike } from './cors-like';

/** Module prefixes of the CDK, v2 and v1. */
const CDK_MODULES = ['aws-cdk-lib', '@aws-cdk/'];

/** `Cors.ALL_ORIGINS` (aws-apigateway lib/cors.ts): `['*']`. */
const ALL_ORIGINS: LibraryConstant = { path: ['Cors', 'ALL_ORIGINS'], modules: CDK_MODULES, value: ['*'] };

export const CLOUD_LIBRARIES = {
  // aws-cdk-lib aws-apigateway lib/resource.ts `addCorsPreflight` (read at 008e41b), which
  // `defaultCorsPreflightOptions` of a RestApi or resource also calls: a mock OPTIONS method whose
  // Access-Control-Allow-Origin is the first of `allowOrigins`, statically; a response template sends back the
  // request's Origin when it equals (`==`) one of the others. `*` must be alone (synth error otherwise) and is
  // sent as `*`; `allowCredentials` adds a static `Access-Control-Allow-Credentials: true`, so `*` with it
  // is a preflight browsers reject. Vary: Origin is added unless the first origin is `*`.
  'cdk-rest-api': {
    id: 'cdk-rest-api',
    packageName: 'aws-cdk-lib/aws-apigateway',
    ...corsLike,
    defaultOrigin: 'none',
    originOption: 'allowOrigins',
    credentialsOption: 'allowCredentials',
    wildcardInListIsWildcard: true,
    listMissSends: 'first',
    acceptsRegExp: false,
    originWildcards: 'unknown',
    credentialsAlone: 'always',
    withoutOrigin: 'as-configured',
    constants: [ALL_ORIGINS],
    versionPackages: ['aws-cdk-lib', '@aws-cdk/aws-apigateway'],
    platformNote:
      'API Gateway answers the OPTIONS preflight with these headers; actual responses carry only what the integration (your Lambda) sends.',
    responses: {
      methodsOption: 'allowMethods',
      // Cors.ALL_METHODS (lib/util.ts)
      defaultMethods: 'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD',
      headersOption: 'allowHeaders',
      // Cors.DEFAULT_HEADERS (lib/cors.ts)
      defaultHeaders: 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent',
      exposeOption: 'exposeHeaders',
      maxAgeOption: 'maxAge',
    },
  },
  // aws-cdk-lib aws-apigatewayv2 lib/http/api.ts (read at 02bb486): `corsPreflight` becomes the API's
  // CorsConfiguration; the constructor throws when `allowOrigins` includes `*` and `allowCredentials` is set
  // ("allowCredentials is not supported when allowOrigin is '*'"). API Gateway's guide (http-api-cors):
  // `*` allows every origin, `https://*` / `http://*` every origin of that scheme; CORS headers need an
  // Origin in the request; with CORS configured, the integration's own CORS headers are ignored.
  'cdk-http-api': {
    id: 'cdk-http-api',
    packageName: 'aws-cdk-lib/aws-apigatewayv2',
    ...corsLike,
    defaultOrigin: 'none',
    originOption: 'allowOrigins',
    credentialsOption: 'allowCredentials',
    wildcardWithCredentials: 'refused',
    wildcardInListIsWildcard: true,
    acceptsRegExp: false,
    originWildcards: 'scheme',
    withoutOrigin: 'omit',
    versionPackages: ['aws-cdk-lib', '@aws-cdk/aws-apigatewayv2', '@aws-cdk/aws-apigatewayv2-alpha'],
    platformNote:
      "API Gateway answers preflights itself and replaces the CORS headers of the integration's responses with these.",
    responses: {
      methodsOption: 'allowMethods',
      headersOption: 'allowHeaders',
      defaultHeaders: undefined,
      exposeOption: 'exposeHeaders',
      maxAgeOption: 'maxAge',
    },
  },
  // aws-cdk-lib aws-lambda lib/function-url.ts (read at 02bb486): `cors` is passed to AWS::Lambda::Url as
  // is (`allowMethods` defaults to `*`); Lambda's API reference (API_Cors): `allowOrigins` lists specific
  // origins or `*`, `allowCredentials` defaults to false. Neither says what `*` with credentials sends, nor
  // whether other patterns work: both are unknown here.
  'lambda-url': {
    id: 'lambda-url',
    packageName: 'aws-cdk-lib/aws-lambda',
    ...corsLike,
    defaultOrigin: 'none',
    originOption: 'allowedOrigins',
    credentialsOption: 'allowCredentials',
    wildcardWithCredentials: 'unknown',
    wildcardInListIsWildcard: true,
    acceptsRegExp: false,
    originWildcards: 'unknown',
    versionPackages: ['aws-cdk-lib', '@aws-cdk/aws-lambda'],
    responses: {
      methodsOption: 'allowedMethods',
      defaultMethods: '*',
      headersOption: 'allowedHeaders',
      defaultHeaders: undefined,
      exposeOption: 'exposedHeaders',
      maxAgeOption: 'maxAge',
    },
  },
  // S3 bucket CORS rules (`cors` of a Bucket, `addCorsRule`; aws-s3 lib/bucket.ts passes them on). S3's
  // common response headers reference: a request Origin matching a rule's `*` gets `*` and no
  // Access-Control-Allow-Credentials; any other match gets the Origin back with
  // `Access-Control-Allow-Credentials: true` (there is no option for it). An AllowedOrigin may hold one `*`
  // wildcard (`https://*.example.com`).
  s3: {
    id: 's3',
    packageName: 'aws-cdk-lib/aws-s3',
    ...corsLike,
    defaultOrigin: 'none',
    originOption: 'allowedOrigins',
    credentialsOption: 'allowCredentials',
    defaultCredentials: true,
    wildcardOmitsCredentials: true,
    wildcardInListIsWildcard: true,
    acceptsRegExp: false,
    originWildcards: 'star',
    rulesList: true,
    withoutOrigin: 'omit',
    versionPackages: ['aws-cdk-lib', '@aws-cdk/aws-s3'],
    responses: {
      methodsOption: 'allowedMethods',
      headersOption: 'allowedHeaders',
      defaultHeaders: undefined,
      exposeOption: 'exposedHeaders',
      maxAgeOption: 'maxAge',
    },
  },
} satisfies Partial<Record<LibraryId, LibrarySemantics>>;

/**
 * SST 2 (`sst/constructs`), read in packages/sst/src/constructs/util/apiGatewayV2Cors.ts (at 2801921):
 * `cors: false` turns CORS off; `cors` unset or `true` means `{}`, and every unset field gets a default:
 * `allowOrigins: ['*']`, `allowCredentials: false`, headers `*`, methods `ANY`; the result is the CDK HTTP
 * API's `corsPreflight` (so `*` with credentials is refused there).
 */
export const SST_LIBRARIES = {
  'sst-api': {
    ...CLOUD_LIBRARIES['cdk-http-api'],
    id: 'sst-api',
    packageName: 'sst/constructs',
    defaultOrigin: 'wildcard',
    versionPackages: ['sst'],
    responses: {
      ...CLOUD_LIBRARIES['cdk-http-api'].responses,
      defaultMethods: '*',
      defaultHeaders: '*',
    },
  },
  // SST 3 (platform/src/components/aws/apigatewayv2.ts at v3.2.49): `new sst.aws.ApiGatewayV2(name, { cors })`,
  // `cors` unset or `true` is `{ allowOrigins: ['*'], allowMethods: ['*'], allowHeaders: ['*'] }`, an object is
  // spread over those defaults, `false` turns CORS off; the result is the HTTP API's `corsConfiguration`
  // (Pulumi), which API Gateway refuses with `*` and credentials, as the CDK does.
  'sst3-api-v2': {
    ...CLOUD_LIBRARIES['cdk-http-api'],
    id: 'sst3-api-v2',
    packageName: 'sst (sst.aws.ApiGatewayV2)',
    defaultOrigin: 'wildcard',
    versionPackages: ['sst'],
    refusal: 'API Gateway refuses this CORS configuration when `sst deploy` creates the HTTP API',
    responses: {
      ...CLOUD_LIBRARIES['cdk-http-api'].responses,
      defaultMethods: '*',
      defaultHeaders: '*',
    },
  },
} satisfies Partial<Record<LibraryId, LibrarySemantics>>;

/**
 * The Serverless Framework's `http` events (API Gateway REST), read in
 * lib/plugins/aws/package/compile/events/api-gateway/lib/validate.js (`getCors`) and lib/cors.js (at 158f644):
 * `cors: true` is `origin: '*'` without credentials; an `origins` list (or an `origin` holding commas)
 * replaces `origin`. The OPTIONS answer is a mock: the first origin statically, and a response template
 * that sends back the request's Origin when it matches one of the list's entries, each made a Java regex
 * (`String.matches`, whole string) with its dots escaped and its first `*` turned into `.+`: so `*` in a
 * list matches every Origin. `allowCredentials: true` adds a static `Access-Control-Allow-Credentials: true`.
 */
export const SERVERLESS_LIBRARIES = {
  'serverless-http': {
    id: 'serverless-http',
    packageName: 'serverless',
    ...corsLike,
    originOption: 'origin',
    extraOriginListOption: 'origins',
    credentialsOption: 'allowCredentials',
    commaSeparatedString: true,
    listMissSends: 'first',
    // `origin` is one string; lists go in `origins`.
    acceptsArray: false,
    acceptsRegExp: false,
    originWildcards: 'glob-in-list',
    credentialsAlone: 'always',
    withoutOrigin: 'as-configured',
    versionPackages: ['serverless'],
    platformNote:
      'API Gateway answers the OPTIONS preflight with these headers; actual responses carry only what the function sends.',
    responses: {
      methodsOption: 'methods',
      defaultMethods: 'OPTIONS and the event method',
      headersOption: 'headers',
      defaultHeaders:
        'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent,X-Amzn-Trace-Id',
      exposeOption: 'exposedHeaders',
      maxAgeOption: 'maxAge',
    },
  },
} satisfies Partial<Record<LibraryId, LibrarySemantics>>;
