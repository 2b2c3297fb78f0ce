/** Fetch-API and universal runtimes' CORS libraries: Hono, Elysia, GraphQL Yoga, h3 (Nitro, Nuxt). */
import type { LibraryId, LibrarySemantics } from '../library-types';
import { corsLike } from './cors-like';

export const FETCH_LIBRARIES = {
  hono: {
    id: 'hono',
    packageName: 'hono/cors',
    ...corsLike,
    originFunction: 'return-origin',
    acceptsRegExp: false,
    // A string is sent only to that origin (differential test, hono 4.13: `optsOrigin === origin ? origin : null`).
    stringIsAllowlist: true,
    credentialsAlone: 'always',
    versionPackages: ['hono'],
    versions: [
      {
        // 4.12.9 src: `if (optsOrigin === '*') { if (opts.credentials) return (origin) => origin || null; ... }`;
        // 4.12.8 and 4.12.25 return `*` (tarballs, and the version sweep).
        range: '>=4.12.9 <4.12.25',
        releases: '4.12.9 to 4.12.24',
        wildcardWithCredentials: 'reflects',
        does: "send back every request's Origin with credentials when `origin` is `*` (the default)",
        advisory: 'CVE-2026-54290 / GHSA-88fw-hqm2-52qc',
        fixedIn: '4.12.25',
        exposes: true,
      },
      {
        // The version sweep: before 4.6.5 a string origin was sent to every request (4.6.4 src:
        // `() => optsOrigin`), a fixed origin rather than an allowlist of one, and an origin missing from a
        // list got the list's first entry (`optsOrigin.includes(origin) ? origin : optsOrigin[0]`).
        range: '<4.6.5',
        releases: 'before 4.6.5',
        stringIsAllowlist: false,
        listMissSends: 'first',
        does: "send a configured origin string, or a list's first entry, to every other origin",
      },
    ],
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
  // @elysiajs/cors 1.4.2 (src): defaults `origin: true` and `credentials: true`, so a bare `cors()` reflects
  // every Origin with credentials; `*` in the list sends `*`; strings are an allowlist compared with the
  // Origin, or with the Origin minus its scheme; a function gets the request and must return `true`.
  // RegExps are tested against the whole Origin, scheme included (1.4.2 src; cors-reference.md says
  // "without its scheme", which this version does not do: the differential test checks it).
  elysia: {
    id: 'elysia',
    packageName: '@elysiajs/cors',
    ...corsLike,
    defaultOrigin: 'reflect',
    wildcardInListIsWildcard: true,
    originFunction: 'return-true',
    defaultCredentials: true,
    stringIsAllowlist: true,
    schemelessEntries: true,
    reflectWithoutOrigin: '*',
    // `credentials: true` is a default header of every response (src).
    credentialsAlone: 'always',
    versions: [
      {
        // 0.3.0 to 0.7.1 tarballs: `if (origin === true) { ... 'Access-Control-Allow-Origin' = '*' }`, and
        // `origin = true` by default; 0.7.2 sends `request.headers.get('Origin') || '*'` (the same through 1.4.2).
        range: '<0.7.2',
        releases: 'before 0.7.2',
        trueIsWildcard: true,
        defaultOrigin: 'wildcard',
        defaultCredentials: false,
        does: "send `*` for `origin: true` (the default), not the request's Origin",
      },
      {
        // 0.7.2 tarball: `credentials = false` by default; 0.8.0: `credentials = true`.
        range: '<0.8.0',
        releases: 'before 0.8.0',
        defaultCredentials: false,
        does: 'leave credentials off unless `credentials: true` is set',
      },
    ],
    responses: {
      methodsOption: 'methods',
      defaultMethods: 'reflect',
      headersOption: 'allowedHeaders',
      defaultHeaders: 'reflect',
      exposeOption: 'exposeHeaders',
      maxAgeOption: 'maxAge',
      defaultMaxAge: 5,
    },
  },
  // GraphQL Yoga 5 (useCORS of @whatwg-node/server, src): CORS is on by default; no `origin`, `[]` or `*`
  // reflects; credentials default to true; one entry is fixed; a longer list sends `null` to others.
  yoga: {
    id: 'yoga',
    packageName: 'graphql-yoga',
    ...corsLike,
    defaultOrigin: 'reflect',
    wildcardReflects: true,
    // `origin.includes('*')` is tested on strings too (src).
    starInStringReflects: true,
    originFunction: 'callback',
    acceptsRegExp: false,
    defaultCredentials: true,
    // `else if (headers['Access-Control-Allow-Origin'] !== '*')` (src, 2.5.0 to 5.x).
    defaultCredentialsNotWithWildcard: true,
    listOfOneIsFixed: true,
    listMissSends: 'null',
    optionsFactory: 'return',
    withoutOrigin: 'omit',
    // GraphQL Yoga 2 is `createServer` of `@graphql-yoga/node` / `@graphql-yoga/common` (2.x numbering).
    versionPackages: ['graphql-yoga', '@graphql-yoga/common', '@graphql-yoga/node'],
    versions: [
      {
        // @graphql-yoga/common 2.5.0 to 2.12.12 src (`getCORSHeadersByRequestAndOptions`): the origin is chosen as
        // in Yoga 5, but a request without Origin still gets headers: `*` where Yoga 5 would reflect, else the
        // configured origin or `null` (the differential test runs @graphql-yoga/node 2.13.13 with common 2.12.12).
        // Before 2.5.0 (2.0.0 to 2.4.0 src) the headers were built otherwise and `cors: false` was ignored: those
        // releases are not modelled (see the version notes in test/differential/README.md).
        range: '<3.0.0',
        releases: '2.x',
        withoutOrigin: 'as-configured',
        reflectWithoutOrigin: '*',
        does: 'send CORS headers to requests without an Origin too',
      },
    ],
    responses: {
      methodsOption: 'methods',
      defaultMethods: 'reflect',
      headersOption: 'allowedHeaders',
      defaultHeaders: 'reflect',
      exposeOption: 'exposedHeaders',
      maxAgeOption: 'maxAge',
    },
  },
  // h3 (src/utils/internal/cors.ts at ac609aa, 2.0 beta; 1.x has the same logic): `origin` defaults to `*`;
  // a string is sent as is; an array matches by `===` or RegExp `.test()`; a function `(origin) => boolean`
  // sends back the Origin when true; `*` with credentials sends `*` (rejected by browsers).
  h3: {
    id: 'h3',
    packageName: 'h3',
    ...corsLike,
    originFunction: 'return-setting',
    // `Access-Control-Allow-Credentials: true` goes with every response when `credentials` is on (src).
    credentialsAlone: 'always',
    withoutOrigin: 'wildcard',
    responses: {
      methodsOption: 'methods',
      defaultMethods: '*',
      headersOption: 'allowHeaders',
      defaultHeaders: 'reflect',
      exposeOption: 'exposeHeaders',
      maxAgeOption: 'maxAge',
    },
  },
} satisfies Partial<Record<LibraryId, LibrarySemantics>>;
