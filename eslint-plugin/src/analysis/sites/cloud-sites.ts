/**
 * Where cloud constructs take CORS options: the AWS CDK (v2 `aws-cdk-lib/<service>`, the `aws-cdk-lib`
 * namespace exports `aws_<service>`, and v1 `@aws-cdk/<service>`) and SST 2. Registered in
 * ./option-sites.ts; the semantics are the rows of ./libraries/cloud.ts.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { LibraryId } from './library-types';

interface CloudModuleSite {
  readonly library: LibraryId;
  readonly modules: readonly string[];
  readonly path: readonly string[];
  readonly kind: 'construct';
  readonly optionsArg: number;
  readonly optionsPath: readonly string[];
  readonly onByDefault?: boolean;
}

/** One construct of a CDK service module, however the module is imported. */
function cdk(
  library: LibraryId,
  service: string,
  construct: string,
  optionsPath: readonly string[],
  v1Modules: readonly string[] = [`@aws-cdk/${service}`],
): CloudModuleSite[] {
  const base = { library, kind: 'construct', optionsArg: 2, optionsPath } as const;
  return [
    { ...base, modules: [`aws-cdk-lib/${service}`, ...v1Modules], path: [construct] },
    { ...base, modules: ['aws-cdk-lib'], path: [service.replace(/-/g, '_'), construct] },
  ];
}

export const CLOUD_MODULE_SITES: readonly CloudModuleSite[] = [
  // RestApi and its variants take `defaultCorsPreflightOptions` (resource.ts `ResourceOptions`).
  ...['RestApi', 'LambdaRestApi', 'SpecRestApi', 'StepFunctionsRestApi', 'Resource'].flatMap((name) =>
    cdk('cdk-rest-api', 'aws-apigateway', name, ['defaultCorsPreflightOptions']),
  ),
  // HttpApi `corsPreflight` (CDK v1 and early v2 shipped it as an alpha module).
  ...cdk(
    'cdk-http-api',
    'aws-apigatewayv2',
    'HttpApi',
    ['corsPreflight'],
    ['@aws-cdk/aws-apigatewayv2', '@aws-cdk/aws-apigatewayv2-alpha'],
  ),
  ...cdk('lambda-url', 'aws-lambda', 'FunctionUrl', ['cors']),
  ...cdk('s3', 'aws-s3', 'Bucket', ['cors']),
  // SST 2: `new Api(stack, id, { cors })`, CORS on with `*` when `cors` is unset.
  {
    library: 'sst-api',
    modules: ['sst/constructs'],
    path: ['Api'],
    kind: 'construct',
    optionsArg: 2,
    optionsPath: ['cors'],
    onByDefault: true,
  },
];

interface CloudShapeSite {
  readonly library: LibraryId;
  readonly method: string;
  readonly optionsArg: number;
  readonly optionsPath: readonly string[];
}

/**
 * Methods of CDK constructs that take CORS options, recognised by name (the receiver is a construct built
 * elsewhere): each name is the CDK's and specific enough to match by shape.
 */
export const CLOUD_SHAPE_SITES: readonly CloudShapeSite[] = [
  { library: 'cdk-rest-api', method: 'addCorsPreflight', optionsArg: 0, optionsPath: [] },
  // `resource.addResource('items', { defaultCorsPreflightOptions })`, `addProxy({ defaultCorsPreflightOptions })`.
  { library: 'cdk-rest-api', method: 'addResource', optionsArg: 1, optionsPath: ['defaultCorsPreflightOptions'] },
  { library: 'cdk-rest-api', method: 'addProxy', optionsArg: 0, optionsPath: ['defaultCorsPreflightOptions'] },
  { library: 'lambda-url', method: 'addFunctionUrl', optionsArg: 0, optionsPath: ['cors'] },
  { library: 's3', method: 'addCorsRule', optionsArg: 0, optionsPath: [] },
];

/** A property's name when it is a plain key (`cors`, `'cors'`). */
function keyName(p: TSESTree.ObjectLiteralElement): string | undefined {
  if (p.type !== 'Property' || p.computed) return undefined;
  if (p.key.type === 'Identifier') return p.key.name;
  return p.key.type === 'Literal' && typeof p.key.value === 'string' ? p.key.value : undefined;
}

/**
 * The Serverless Framework's `http` event object (`events: [{ http: { method, path, cors } }]` in
 * `serverless.ts` or a function's own module): an object with `cors`, `method` and `path`, held by an
 * `http` property. Its `cors` is read as the `serverless-http` row says.
 */
export function isServerlessHttpEvent(obj: TSESTree.ObjectExpression): boolean {
  const holder = obj.parent;
  if (holder?.type !== 'Property' || holder.value !== obj || keyName(holder) !== 'http') return false;
  const keys = new Set(obj.properties.map(keyName));
  return keys.has('cors') && keys.has('method') && keys.has('path');
}
