/**
 * Framework knowledge as data: which calls set CORS headers, which calls take CORS options, and what each
 * library does with those options. Supporting a new library is a row here, not a rule change.
 * Behaviour notes cite ../shared/cors-reference.md ("src" = read in the library's source).
 */
import { escapeRegex } from './origins';

export type LibraryId =
  'cors' | 'koa-cors' | 'fastify-cors' | 'hapi' | 'nestjs' | 'hono' | 'socket.io' | 'apollo' | 'middy';

export interface LibrarySemantics {
  readonly id: LibraryId;
  /** The package users know it by, for messages. */
  readonly packageName: string;
  /** What an options object without `origin` allows. */
  readonly defaultOrigin: 'wildcard' | 'reflect';
  /** What `*` plus credentials turns into. */
  readonly wildcardWithCredentials: 'rejected' | 'reflects';
  /** hapi: `*` in the origin list always sends back the request's Origin. */
  readonly wildcardReflects: boolean;
  /** hapi: `*` and `?` in an origin string are wildcards (see `wildcardOriginPattern`). */
  readonly compilesWildcardOrigins: boolean;
  /** How an origin function is called and answers. */
  readonly originFunction: 'callback' | 'return-origin' | 'return-ctx';
  /** Whether `origin` accepts an array (so a suggestion may write one). */
  readonly acceptsArray: boolean;
  /** Option name of the origin setting (`origin`), and of extra allowlists. */
  readonly originOption: string;
  readonly extraOriginListOption?: string;
  /** Option naming a function that returns the origin to send (middy `getOrigin`). */
  readonly originGetterOption?: string;
  /** Whether the origin value may be a RegExp that is tested and the origin reflected. */
  readonly acceptsRegExp: boolean;
  readonly responses: LibraryResponses;
}

/**
 * What a library sends besides the origin: option names and defaults for the other CORS headers (read in
 * each library's source), for hovers that show the response a configuration produces.
 */
export interface LibraryResponses {
  readonly methodsOption?: string;
  /** Default Access-Control-Allow-Methods on a preflight; `route`: the requested route's method (hapi). */
  readonly defaultMethods?: string;
  readonly headersOption: string;
  /** Default Access-Control-Allow-Headers: a fixed list, or the request's Access-Control-Request-Headers. */
  readonly defaultHeaders: 'reflect' | string | undefined;
  readonly exposeOption: string;
  readonly defaultExpose?: string;
  readonly maxAgeOption: string;
  readonly defaultMaxAge?: number;
}

const corsResponses: LibraryResponses = {
  methodsOption: 'methods',
  defaultMethods: 'GET,HEAD,PUT,PATCH,POST,DELETE',
  headersOption: 'allowedHeaders',
  defaultHeaders: 'reflect',
  exposeOption: 'exposedHeaders',
  maxAgeOption: 'maxAge',
};

const corsLike = {
  defaultOrigin: 'wildcard',
  wildcardWithCredentials: 'rejected',
  wildcardReflects: false,
  compilesWildcardOrigins: false,
  originFunction: 'callback',
  acceptsArray: true,
  originOption: 'origin',
  acceptsRegExp: true,
  responses: corsResponses,
} as const;

export const LIBRARIES: Readonly<Record<LibraryId, LibrarySemantics>> = {
  cors: { id: 'cors', packageName: 'cors', ...corsLike },
  // NestJS on Express, socket.io and Apollo Server 2/3 hand their options to `cors`.
  nestjs: { id: 'nestjs', packageName: '@nestjs/core', ...corsLike },
  'socket.io': { id: 'socket.io', packageName: 'socket.io', ...corsLike },
  apollo: { id: 'apollo', packageName: 'apollo-server', ...corsLike },
  'fastify-cors': {
    id: 'fastify-cors',
    packageName: '@fastify/cors',
    ...corsLike,
    responses: { ...corsResponses, defaultMethods: 'GET,HEAD,POST' },
  },
  hono: {
    id: 'hono',
    packageName: 'hono/cors',
    ...corsLike,
    originFunction: 'return-origin',
    acceptsRegExp: false,
    // hono 4.12 (src); earlier releases list the same without QUERY.
    responses: {
      methodsOption: 'allowMethods',
      defaultMethods: 'GET,HEAD,PUT,POST,DELETE,PATCH,QUERY',
      headersOption: 'allowHeaders',
      defaultHeaders: 'reflect',
      exposeOption: 'exposeHeaders',
      maxAgeOption: 'maxAge',
    },
  },
  // @koa/cors >= 3.4.1 reflects the request origin when credentials are on and origin is `*` (src).
  'koa-cors': {
    id: 'koa-cors',
    packageName: '@koa/cors',
    ...corsLike,
    wildcardWithCredentials: 'reflects',
    originFunction: 'return-ctx',
    acceptsArray: false,
    acceptsRegExp: false,
    responses: {
      methodsOption: 'allowMethods',
      defaultMethods: 'GET,HEAD,PUT,POST,DELETE,PATCH',
      headersOption: 'allowHeaders',
      defaultHeaders: 'reflect',
      exposeOption: 'exposeHeaders',
      maxAgeOption: 'maxAge',
    },
  },
  // @middy/http-cors: `origin: '*'` with credentials reflects; `getOrigin` decides the value sent (src).
  middy: {
    id: 'middy',
    packageName: '@middy/http-cors',
    ...corsLike,
    wildcardWithCredentials: 'reflects',
    originFunction: 'return-origin',
    acceptsArray: false,
    extraOriginListOption: 'origins',
    originGetterOption: 'getOrigin',
    acceptsRegExp: false,
    responses: {
      methodsOption: 'methods',
      headersOption: 'headers',
      defaultHeaders: undefined,
      exposeOption: 'exposeHeaders',
      maxAgeOption: 'maxAge',
    },
  },
  // hapi: `cors: true` is `origin: ['*']`, which sends back the request's origin (src).
  hapi: {
    id: 'hapi',
    packageName: '@hapi/hapi',
    ...corsLike,
    defaultOrigin: 'reflect',
    wildcardWithCredentials: 'reflects',
    wildcardReflects: true,
    compilesWildcardOrigins: true,
    acceptsRegExp: false,
    responses: {
      defaultMethods: 'route',
      headersOption: 'headers',
      defaultHeaders: 'Accept,Authorization,Content-Type,If-None-Match',
      exposeOption: 'exposedHeaders',
      defaultExpose: 'WWW-Authenticate,Server-Authorization',
      maxAgeOption: 'maxAge',
      defaultMaxAge: 86400,
    },
  },
};

/**
 * hapi's compilation of a wildcard origin string (src): escape, then `*` -> `.*` and `?` -> `.`, anchored.
 * Undefined for a string with no wildcard (compared exactly).
 */
export function wildcardOriginPattern(origin: string): string | undefined {
  if (!origin.includes('*') && !origin.includes('?')) return undefined;
  return `^${escapeRegex(origin).replace(/\\\*/g, '.*').replace(/\\\?/g, '.')}$`;
}

/**
 * Calls that take CORS options, found by module with a ReferenceTracker, however the module was
 * imported or renamed.
 *  - `path`: export path inside the module (`[]` = the module itself / its default export);
 *  - `kind`: how that export is used;
 *  - `optionsArg`: which argument holds the options (`last` = the last object argument);
 *  - `optionsPath`: property path from that argument to the CORS options (`[]` = the argument).
 */
export interface ModuleOptionSite {
  readonly library: LibraryId;
  readonly modules: readonly string[];
  readonly path: readonly string[];
  readonly kind: 'call' | 'construct' | 'register';
  readonly optionsArg: number | 'last';
  readonly optionsPath: readonly string[];
}

export const MODULE_OPTION_SITES: readonly ModuleOptionSite[] = [
  { library: 'cors', modules: ['cors'], path: [], kind: 'call', optionsArg: 0, optionsPath: [] },
  {
    library: 'koa-cors',
    modules: ['@koa/cors', 'koa2-cors'],
    path: [],
    kind: 'call',
    optionsArg: 0,
    optionsPath: [],
  },
  {
    library: 'fastify-cors',
    modules: ['@fastify/cors', 'fastify-cors'],
    path: [],
    kind: 'register',
    optionsArg: 1,
    optionsPath: [],
  },
  { library: 'hono', modules: ['hono/cors'], path: ['cors'], kind: 'call', optionsArg: 0, optionsPath: [] },
  {
    library: 'middy',
    modules: ['@middy/http-cors'],
    path: [],
    kind: 'call',
    optionsArg: 0,
    optionsPath: [],
  },
  {
    library: 'socket.io',
    modules: ['socket.io'],
    path: ['Server'],
    kind: 'construct',
    optionsArg: 'last',
    optionsPath: ['cors'],
  },
  { library: 'socket.io', modules: ['socket.io'], path: [], kind: 'call', optionsArg: 'last', optionsPath: ['cors'] },
  {
    library: 'socket.io',
    modules: ['socket.io'],
    path: [],
    kind: 'construct',
    optionsArg: 'last',
    optionsPath: ['cors'],
  },
  {
    library: 'nestjs',
    modules: ['@nestjs/core'],
    path: ['NestFactory', 'create'],
    kind: 'call',
    optionsArg: 1,
    optionsPath: ['cors'],
  },
  {
    library: 'apollo',
    modules: ['apollo-server', 'apollo-server-express', 'apollo-server-koa', 'apollo-server-fastify'],
    path: ['ApolloServer'],
    kind: 'construct',
    optionsArg: 0,
    optionsPath: ['cors'],
  },
  {
    library: 'hapi',
    modules: ['@hapi/hapi', 'hapi'],
    path: ['server'],
    kind: 'call',
    optionsArg: 0,
    optionsPath: ['routes', 'cors'],
  },
  {
    library: 'hapi',
    modules: ['@hapi/hapi', 'hapi'],
    path: ['Server'],
    kind: 'construct',
    optionsArg: 0,
    optionsPath: ['routes', 'cors'],
  },
];

/**
 * Calls recognised by shape (the receiver is an app or server instance we cannot trace to a module),
 * keyed by method name. Each is specific enough in name and argument shape to be safe to match.
 */
export interface ShapeOptionSite {
  readonly library: LibraryId;
  readonly method: string;
  /** Where the options are: an argument index, and a property path inside it. */
  readonly optionsArg: number;
  readonly optionsPath: readonly string[];
  /** Alternative property paths (hapi accepts `config` for `options`). */
  readonly altPaths?: readonly (readonly string[])[];
  /** The argument may be an array of such objects (hapi `server.route([...])`). */
  readonly arrayOfObjects?: boolean;
}

export const SHAPE_OPTION_SITES: readonly ShapeOptionSite[] = [
  { library: 'nestjs', method: 'enableCors', optionsArg: 0, optionsPath: [] },
  { library: 'apollo', method: 'applyMiddleware', optionsArg: 0, optionsPath: ['cors'] },
  {
    library: 'hapi',
    method: 'route',
    optionsArg: 0,
    optionsPath: ['options', 'cors'],
    altPaths: [['config', 'cors']],
    arrayOfObjects: true,
  },
];

export const SHAPE_METHODS: ReadonlySet<string> = new Set(SHAPE_OPTION_SITES.map((s) => s.method));

/** Methods that set a response header from `(name, value)`: node, Express, Koa, Fastify, Hono, hapi, Headers. */
export const HEADER_SETTER_METHODS: ReadonlySet<string> = new Set([
  'setHeader',
  'appendHeader',
  'set',
  'header',
  'append',
  'setHeaders',
]);

/** Calls whose options object's `headers` are *request* headers (client code), never a CORS policy. */
export const CLIENT_REQUEST_CALLEES: ReadonlySet<string> = new Set([
  'fetch',
  'axios',
  'request',
  'got',
  'ky',
  'ajax',
  'superagent',
  '$fetch',
  'ofetch',
  'useFetch',
]);

/** HTTP client verbs; `client.get(url, { headers })` is a request, unlike `app.get(path, handler)`. */
export const CLIENT_VERB_METHODS: ReadonlySet<string> = new Set([
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'head',
  'options',
  'request',
  'fetch',
]);

/** Values a header-map assignment must not come from (client defaults: `axios.defaults.headers`). */
export const CLIENT_DEFAULT_MEMBERS: ReadonlySet<string> = new Set(['defaults', 'common']);

/** Assertion calls: a headers object passed to one is an expectation in a test, not a policy. */
export const ASSERTION_CALLEES: ReadonlySet<string> = new Set([
  'expect',
  'assert',
  'deepStrictEqual',
  'deepEqual',
  'strictEqual',
  'equal',
  'equals',
  'eql',
  'same',
  'toEqual',
  'toStrictEqual',
  'toMatchObject',
  'toMatchInlineSnapshot',
  'toHaveProperty',
  'toBe',
  'match',
  'matchObject',
  'include',
  'includes',
  'contains',
  'containSubset',
  'has',
  'hasProperties',
]);
