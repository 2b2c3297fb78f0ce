/**
 * Platforms and routers whose CORS comes with the framework: Firebase Cloud Functions (v2 `onRequest`,
 * `onCall`) and itty-router (Cloudflare Workers, Bun). Read in each package's source; the differential test
 * runs the real handlers (test/differential/runners.ts).
 */
import type { LibraryId, LibrarySemantics } from '../library-types';
import { corsLike, corsResponses, koaCorsResponses } from './cors-like';

/**
 * firebase-functions 4.9.0, 5.1.1, 6.6.0 and 7.4.0 (lib/v2/providers/https.js): `onRequest(opts, handler)`
 * wraps the handler in `cors({ origin })` of the `cors` package when `"cors" in opts`, with `origin` the
 * option itself; a one-entry list is replaced by its entry (every major). 7.x (`resolveCorsOrigin`): a params
 * `Expression` is read at run time, `[]` and `''` turn CORS off, `undefined` means `true`. Without the option
 * no CORS header is sent. No option sets credentials.
 */
const firebaseBase = {
  ...corsLike,
  packageName: 'firebase-functions',
  optionIsOrigin: true,
  listOfOneUnwrapped: true,
  emptyOriginDisables: true,
  originOption: 'cors',
} as const;

/** restify-cors-middleware2 2.2.1 and 1.1.1 (1.x has no `allowCredentialsAllOrigins`): see the rows. */
const restifyCors = {
  id: 'restify-cors',
  ...corsLike,
  packageName: 'restify-cors-middleware2',
  originOption: 'origins',
  wildcardReflects: true,
  wildcardWithCredentials: 'refused',
  refusal: 'the factory throws when the server starts, so this configuration never serves a request',
  originWildcards: 'first-only',
  withoutOrigin: 'omit',
  credentialsAlone: undefined,
  preflightAlwaysCredentials: true,
  responses: {
    methodsOption: '',
    defaultMethods: 'reflect',
    headersOption: 'allowHeaders',
    defaultHeaders: 'accept,accept-version,content-type,request-id,origin,x-api-version,x-request-id,x-requested-with',
    exposeOption: 'exposeHeaders',
    defaultExpose: 'api-version,content-length,content-md5,content-type,date,request-id,response-time',
    maxAgeOption: 'preflightMaxAge',
  },
} as const;

export const PLATFORM_LIBRARIES = {
  'firebase-functions': {
    id: 'firebase-functions',
    ...firebaseBase,
    defaultOrigin: 'none',
  },
  // `onCall(opts, handler)`: `cors({ origin: "cors" in opts ? opts.cors : true, methods: 'POST' })` (7.4.0
  // resolves it as above; 4.x to 6.x pass it unchanged, so a one-entry list stays a list there: it admits the
  // same origins). Callables carry a Firebase ID token in the Authorization header, not cookies.
  'firebase-callable': {
    id: 'firebase-callable',
    ...firebaseBase,
    packageName: 'firebase-functions (onCall)',
    versionPackages: ['firebase-functions'],
    defaultOrigin: 'reflect',
    reflectionByDesign:
      'Callable functions (`onCall`) answer every origin by design: the Firebase SDK authenticates them with an ID token in the Authorization header, not cookies, so another site cannot call them as your user.',
    responses: { ...corsResponses, defaultMethods: 'POST' },
  },
  // itty-router 5.0.24 (cors.mjs): `cors({ origin = '*', credentials = false, allowMethods = '*', allowHeaders,
  // exposeHeaders, maxAge })` returns `{ preflight, corsify }`. The origin sent: the request's for `true`; the
  // request's when a RegExp matches it or a list `includes` it (a RegExp in a list never matches); a
  // function's return value as is; the request's when `origin` is `'*'` and `credentials` is true; else the
  // string as written. A header whose value is empty (no Origin, a miss) is left out;
  // `Access-Control-Allow-Credentials: true` goes with every response when `credentials` is true.
  'itty-router': {
    id: 'itty-router',
    ...corsLike,
    packageName: 'itty-router',
    wildcardWithCredentials: 'reflects',
    originFunction: 'return-origin',
    listEntriesExact: true,
    credentialsAlone: 'always',
    responses: {
      methodsOption: 'allowMethods',
      defaultMethods: '*',
      headersOption: 'allowHeaders',
      defaultHeaders: 'reflect',
      exposeOption: 'exposeHeaders',
      maxAgeOption: 'maxAge',
    },
  },
  // itty-router 4.2.2 (createCors.mjs; removed in 5): `createCors({ origins = ['*'], maxAge, methods = ['GET'],
  // headers })`. An Origin in `origins`, or any Origin when `origins` holds `'*'` (the default), or one a
  // function `origins(origin)` answers truthy for, is sent back; nothing else is. A request without Origin
  // gets an empty Access-Control-Allow-Origin (GET) or no CORS headers (preflight). No option sets
  // credentials, but `headers` is spread into every response it corsifies and every preflight it answers, so an
  // `Access-Control-Allow-Credentials: true` written there goes out with every one of them (also without an
  // Access-Control-Allow-Origin, to an origin it does not admit). The allowed origin is kept in one
  // variable shared by all requests between `preflight` and `corsify` (a race the model does not show).
  'itty-router-v4': {
    id: 'itty-router-v4',
    ...corsLike,
    packageName: 'itty-router',
    // The default is `origins: ['*']`, which sends back every Origin (as hapi's `['*']`).
    defaultOrigin: 'wildcard',
    wildcardReflects: true,
    wildcardWithCredentials: 'reflects',
    originOption: 'origins',
    originFunction: 'return-setting',
    acceptsRegExp: false,
    listEntriesExact: true,
    reflectWithoutOrigin: '',
    preflightNeedsOrigin: true,
    extraHeadersOption: 'headers',
    credentialsAlone: 'always',
    responses: {
      methodsOption: 'methods',
      defaultMethods: 'OPTIONS, GET',
      headersOption: '',
      defaultHeaders: 'reflect',
      exposeOption: '',
      maxAgeOption: 'maxAge',
    },
  },
  // @tinyhttp/cors 2.0.1 (dist/index.js): `origin` default `'*'`; `true` sends `*` (unlike `cors`); a string is
  // sent as is; a list of strings sends back an Origin it holds (`*` in it sends `*`); a RegExp is tested and
  // the Origin sent back; a function `(req, res)` returns the value to send. `credentials: true` goes with
  // every response.
  'tinyhttp-cors': {
    id: 'tinyhttp-cors',
    ...corsLike,
    packageName: '@tinyhttp/cors',
    trueIsWildcard: true,
    wildcardInListIsWildcard: true,
    listEntriesExact: true,
    originFunction: 'return-ctx',
    credentialsAlone: 'always',
    responses: {
      methodsOption: 'methods',
      defaultMethods: 'GET, HEAD, PUT, PATCH, POST, DELETE',
      headersOption: 'allowedHeaders',
      defaultHeaders: 'content-type',
      exposeOption: 'exposedHeaders',
      maxAgeOption: 'maxAge',
    },
  },
  // micro-cors 0.1.1 (lib/index.js): `origin` (default `'*'`) is sent as written to every request, and
  // `allowCredentials` defaults to true, so a bare `cors()` sends `*` with credentials (browsers reject it).
  // No list, RegExp or function: the value is the header.
  'micro-cors': {
    id: 'micro-cors',
    ...corsLike,
    packageName: 'micro-cors',
    credentialsOption: 'allowCredentials',
    defaultCredentials: true,
    credentialsAlone: 'always',
    acceptsArray: false,
    acceptsRegExp: false,
    responses: {
      methodsOption: 'allowMethods',
      defaultMethods: 'POST,GET,PUT,PATCH,DELETE,OPTIONS',
      headersOption: 'allowHeaders',
      defaultHeaders:
        'X-Requested-With,Access-Control-Allow-Origin,X-HTTP-Method-Override,Content-Type,Authorization,Accept',
      exposeOption: 'exposeHeaders',
      maxAgeOption: 'maxAge',
      defaultMaxAge: 86400,
    },
  },
  // @hattip/cors 0.0.49 (dist/index.js), @koa/cors's logic before 5.0.0 on fetch: no `origin` sends back the
  // request's Origin; a string is sent as is (`*` stays `*`, also with credentials); a function of the context
  // returns the value to send (falsy: no CORS). A request without Origin gets no CORS headers.
  'hattip-cors': {
    id: 'hattip-cors',
    ...corsLike,
    packageName: '@hattip/cors',
    defaultOrigin: 'reflect',
    originFunction: 'return-ctx',
    acceptsArray: false,
    acceptsRegExp: false,
    withoutOrigin: 'omit',
    responses: koaCorsResponses,
  },
  // restify-cors-middleware2 2.2.1 (src/index.js, origin-matcher.js, actual.js, preflight.js):
  // `corsMiddleware({ origins = ['*'], credentials, allowCredentialsAllOrigins, allowHeaders, exposeHeaders,
  // preflightMaxAge })` returns `{ preflight, actual }`. Each `origins` entry is a matcher: a RegExp is
  // `origin.match(re)`; a string without `*` is compared with `===`; a string with `*` becomes the pattern
  // `'^' + entry.replace('.', '\\.').replace('*', '.*') + '$'` (first dot escaped, first `*` a wildcard), so
  // `'*'` admits every Origin. An admitted Origin is sent back (never `*`); credentials go on actual responses
  // when the option is set, and on every preflight it answers. `'*'` with `credentials: true` makes the factory
  // throw ('credentials not supported with wildcard') unless `allowCredentialsAllOrigins: true`. A request
  // without Origin gets no CORS headers.
  'restify-cors': {
    ...restifyCors,
    unsafeWildcardOption: 'allowCredentialsAllOrigins',
  },
  // restify-cors-middleware 1.1.1 (the package 2.x forked): the same matchers and headers; no
  // `allowCredentialsAllOrigins`, so `'*'` with credentials always throws.
  'restify-cors-v1': {
    ...restifyCors,
    id: 'restify-cors-v1',
    packageName: 'restify-cors-middleware',
  },
  // hapi-cors-headers 1.0.3 (index.js): an `onPreResponse` extension `(request, reply)` with no options. Every
  // request with an Origin gets it back as Access-Control-Allow-Origin with
  // `Access-Control-Allow-Credentials: 'true'`; a request without Origin gets nothing. Preflights also get
  // the requested method and headers back and a max-age of 600. (It calls `reply.continue()`, hapi 16 and
  // older; hapi 17+ hands a toolkit whose `continue` is not a function.)
  'hapi-cors-headers': {
    id: 'hapi-cors-headers',
    ...corsLike,
    packageName: 'hapi-cors-headers',
    defaultOrigin: 'reflect',
    defaultCredentials: true,
    withoutOrigin: 'omit',
    credentialsAlone: undefined,
    acceptsArray: false,
    acceptsRegExp: false,
    responses: {
      methodsOption: '',
      defaultMethods: 'reflect',
      headersOption: '',
      defaultHeaders: 'reflect',
      exposeOption: '',
      defaultExpose: 'content-type, content-length, etag',
      maxAgeOption: '',
      defaultMaxAge: 600,
    },
  },
  // egg-cors 3.0.1 (app.js, app/middleware/cors.js): the middleware is `@koa/cors` (^5.0.0; 2.x: ^3.3.0) with
  // `config.cors` as its options. Without `origin`, app.js installs one that sends back an Origin whose
  // hostname (or whole value) egg-security's `isSafeDomain` finds on `config.security.domainWhiteList`, and
  // nothing otherwise; that list is empty by default (egg-security 3.8.1), so no CORS header is sent.
  // With `origin` set it is @koa/cors: a string is sent as is, `'*'` with credentials sends back every
  // Origin (since @koa/cors 3.4.1), a function of `ctx` returns the value to send.
  'egg-cors': {
    id: 'egg-cors',
    ...corsLike,
    packageName: 'egg-cors',
    defaultOrigin: 'none',
    wildcardWithCredentials: 'reflects',
    originFunction: 'return-ctx',
    acceptsArray: false,
    acceptsRegExp: false,
    reflectWithoutOrigin: '',
    varyWhenDenied: true,
    platformNote:
      'Without `origin`, egg-cors admits only the hosts on `config.security.domainWhiteList` (egg-security: an entry `.example.com` or `example.com` admits that host and every subdomain, on any scheme and port); CORS Guard does not read that list yet.',
    versions: [
      {
        // egg-cors 2.2.4 depends on @koa/cors ^3.3.0 (3.4.3: `if (!requestOrigin) return await next()`).
        range: '<3.0.0',
        releases: 'before 3.0.0',
        withoutOrigin: 'omit',
        does: 'send no CORS headers to a request without Origin (@koa/cors 3)',
      },
    ],
    responses: koaCorsResponses,
  },
  // Deno's `cors` module (deno.land/x/cors 1.2.2, cors.ts and oakCors.ts: a port of the `cors` package for
  // oak): `origin` default `'*'`; a falsy origin skips CORS; `'*'` sends `*`; another string is sent as is;
  // `true` sends back the request's Origin; a list or RegExp sends back an Origin it admits and the text
  // `false` to others; a function `(requestOrigin) => value` (may be async) returns a setting read again
  // (falsy: no CORS). `credentials: true` goes with every response it answers.
  'oak-cors': {
    id: 'oak-cors',
    ...corsLike,
    packageName: 'deno.land/x/cors (oakCors)',
    originFunction: 'return-setting',
    listMissSends: 'false',
  },
} satisfies Partial<Record<LibraryId, LibrarySemantics>>;
