/** Node servers' CORS libraries: `cors` and what hands its options to it, Fastify, Koa, hapi, middy (Lambda). */
import type { LibraryId, LibrarySemantics } from '../library-types';
import { corsLike, corsResponses, koaCorsResponses } from './cors-like';

export const NODE_LIBRARIES = {
  cors: { id: 'cors', packageName: 'cors', ...corsLike },
  // NestJS on Express, socket.io and Apollo Server 2/3 hand their options to `cors`.
  nestjs: { id: 'nestjs', packageName: '@nestjs/core', ...corsLike },
  // NestJS on Fastify (`new FastifyAdapter()`) registers @fastify/cors with the same options.
  'nestjs-fastify': {
    id: 'nestjs-fastify',
    packageName: '@nestjs/platform-fastify',
    ...corsLike,
    responses: { ...corsResponses, defaultMethods: 'GET,HEAD,POST' },
  },
  // @apollo/server 4/5 `startStandaloneServer` always runs `cors()` with its defaults: `*`, no credentials (src).
  'apollo-standalone': { id: 'apollo-standalone', packageName: '@apollo/server/standalone', ...corsLike },
  'socket.io': {
    id: 'socket.io',
    packageName: 'socket.io',
    ...corsLike,
    versions: [
      {
        // 2.5.1 src and the version test: `cors` is not an option; engine.io 3 answers every Origin with itself
        // and `Access-Control-Allow-Credentials: true` (`*` without an Origin); `origins: '*:*'` by default.
        range: '<3.0.0',
        releases: 'before 3.0.0',
        defaultOrigin: 'reflect',
        defaultCredentials: true,
        reflectWithoutOrigin: '*',
        credentialsWithoutOrigin: 'omitted',
        ignoresOptions: { unlessOption: 'origins' },
        does: "send back every request's Origin with credentials (the `cors` option is ignored; `origins` is the setting)",
        fixedIn: '3.0.0',
        exposes: true,
      },
    ],
  },
  apollo: { id: 'apollo', packageName: 'apollo-server', ...corsLike },
  // @fastify/cors (7.0.0 on), and the old `fastify-cors` package (to 6.1.0, which re-exports 6.0.3).
  'fastify-cors': {
    id: 'fastify-cors',
    packageName: '@fastify/cors',
    ...corsLike,
    versionPackages: ['@fastify/cors', 'fastify-cors'],
    versions: [
      {
        // fastify-cors 0.2.0 to 5.2.0 src: `reply.header('Access-Control-Allow-Origin', isOriginAllowed(reqOrigin,
        // origin) ? reqOrigin : false)`, so an origin a list or RegExp does not admit gets the text `false`, and
        // `origin: true` without an Origin gets an empty value; 6.0.0 src writes the header only `if (origin)`.
        // The same for fastify 1, 2 and 3 (majors 0-1, 2-3 and 4-5); the differential test runs 5.2.0.
        range: '<6.0.0',
        releases: 'before 6.0.0',
        listMissSends: 'false',
        reflectWithoutOrigin: '',
        does: 'send the text `false` as Access-Control-Allow-Origin to an origin the settings do not admit (no origin is named: harmless)',
        fixedIn: '6.0.0',
      },
    ],
    responses: { ...corsResponses, defaultMethods: 'GET,HEAD,POST' },
  },
  // @koa/cors >= 3.4.1 reflects the request origin when credentials are on and origin is `*` (src); before
  // 5.0.0 an unset `origin` reflected too (4.0.0 src: `options.origin || requestOrigin`), and a request
  // without Origin got no CORS headers.
  'koa-cors': {
    id: 'koa-cors',
    packageName: '@koa/cors',
    ...corsLike,
    wildcardWithCredentials: 'reflects',
    originFunction: 'return-ctx',
    acceptsArray: false,
    acceptsRegExp: false,
    versions: [
      {
        // 4.0.0 src: `options.origin || requestOrigin`; 5.0.0: `options.origin || '*'`.
        range: '<5.0.0',
        releases: 'before 5.0.0',
        defaultOrigin: 'reflect',
        does: "send back every request's Origin when no `origin` is set",
        advisory: 'CVE-2023-49803 / GHSA-qxrj-hx23-xp82',
        fixedIn: '5.0.0',
        exposes: true,
        assumeWhenUnknown: true,
      },
      {
        // 3.4.0 src has no `if (credentials && origin === '*') origin = requestOrigin` (added in 3.4.1).
        range: '<3.4.1',
        releases: 'before 3.4.1',
        wildcardWithCredentials: 'rejected',
        does: 'send `*` with credentials (browsers reject it)',
      },
      {
        // 3.4.1 src: `if (!requestOrigin) return await next();` (gone in 4.0.0, which sends an empty value).
        // The version sweep: 3.4.2 dropped it, 3.4.3 put it back, 4.0.0 dropped it for good.
        range: '<3.4.2 || >=3.4.3 <4.0.0',
        releases: 'before 4.0.0 but 3.4.2',
        withoutOrigin: 'omit',
        does: 'send no CORS headers to a request without Origin',
      },
    ],
    // Reflecting a request without Origin sets the header to '' (4.0.0 and 5.0.0, differential test); an
    // origin function returning '' skips CORS altogether, after `ctx.vary('Origin')` (src).
    reflectWithoutOrigin: '',
    varyWhenDenied: true,
    responses: koaCorsResponses,
  },
  // @middy/http-cors: `origin: '*'` with credentials reflects; `getOrigin` decides the value sent (src).
  // 7.x (src, and the differential test): no `origin` and no `origins` sends no Access-Control-Allow-Origin
  // (older majors defaulted to `*`); `*` with credentials and no Origin sends `*`.
  middy: {
    id: 'middy',
    packageName: '@middy/http-cors',
    ...corsLike,
    defaultOrigin: 'none',
    reflectWithoutOrigin: '*',
    versions: [
      {
        // 1.5.2, 2.5.7, 3.6.2, 4.7.0 and 5.5.1 src: `defaults = { origin: '*', ... }`; 6.0.0: `origin: undefined`.
        range: '<6.0.0',
        releases: 'before 6.0.0',
        defaultOrigin: 'wildcard',
        does: "default `origin` to `*`, which with credentials sends back every request's Origin",
        fixedIn: '6.0.0',
        exposes: true,
      },
      {
        // The version sweep: before 5.3.2 an origin missing from `origins` got the list's first entry
        // (5.2.6 src: `... ? incomingOrigin : options.origins[0]`); 5.3.2 sends nothing.
        range: '<5.3.2',
        releases: 'before 5.3.2',
        listMissSends: 'first',
        does: 'send the first of `origins` to every other origin',
      },
    ],
    credentialsAlone: 'always',
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
  // koa2-cors 2.0.6 (src), not @koa/cors: an unset `origin` reflects (`*` only without an Origin); a function's
  // return value is sent as is; with credentials and `*` it keeps Access-Control-Allow-Credentials on
  // preflights but removes it from actual responses, so `*` with credentials is broken, not reflecting.
  'koa2-cors': {
    id: 'koa2-cors',
    packageName: 'koa2-cors',
    ...corsLike,
    defaultOrigin: 'reflect',
    wildcardWithCredentials: 'drops-credentials',
    reflectWithoutOrigin: '*',
    originFunction: 'return-ctx',
    acceptsArray: false,
    acceptsRegExp: false,
    responses: {
      methodsOption: 'allowMethods',
      defaultMethods: 'GET,PUT,POST,PATCH,DELETE,HEAD,OPTIONS',
      headersOption: 'allowHeaders',
      defaultHeaders: 'reflect',
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
    credentialsAlone: 'actual-request-without-origin',
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
} satisfies Partial<Record<LibraryId, LibrarySemantics>>;
