/**
 * Framework knowledge as data: which calls set CORS headers, which calls take CORS options, and what each
 * library does with those options. Supporting a new library is a row here, not a rule change.
 * Behaviour notes cite ../shared/cors-reference.md ("src" = read in the library's source).
 */
import { escapeRegex } from '../checks/origins';

export type LibraryId =
  | 'cors'
  | 'koa-cors'
  | 'koa2-cors'
  | 'fastify-cors'
  | 'hapi'
  | 'nestjs'
  | 'nestjs-fastify'
  | 'hono'
  | 'socket.io'
  | 'apollo'
  | 'apollo-standalone'
  | 'middy'
  | 'elysia'
  | 'yoga'
  | 'adonis'
  | 'strapi'
  | 'sails'
  | 'sails0'
  | 'h3';

export interface LibrarySemantics {
  readonly id: LibraryId;
  /** The package users know it by, for messages. */
  readonly packageName: string;
  /**
   * Set for a package CORS Guard has no row for but whose name says it is a CORS middleware: the library
   * whose semantics are assumed for it (messages say so).
   */
  readonly assumedLike?: string;
  /** What an options object without `origin` allows (`none`: no Access-Control-Allow-Origin at all). */
  readonly defaultOrigin: 'wildcard' | 'reflect' | 'none';
  /**
   * What `*` plus credentials turns into: browsers reject it; the library reflects the Origin instead; or
   * (`koa2-cors`) the library drops `Access-Control-Allow-Credentials` from actual responses (still broken).
   */
  readonly wildcardWithCredentials: 'rejected' | 'reflects' | 'drops-credentials';
  /** hapi, Yoga: `*` in the origin list (or as the origin) always sends back the request's Origin. */
  readonly wildcardReflects: boolean;
  /** hapi: `*` and `?` in an origin string are wildcards (see `wildcardOriginPattern`). */
  readonly compilesWildcardOrigins: boolean;
  /** Yoga: an origin string that merely contains `*` (`https://*.example.com`) reflects every origin. */
  readonly starInStringReflects?: boolean;
  /** Elysia: `*` anywhere in the origin list sends `*` to every origin (other libraries compare it with ===). */
  readonly wildcardInListIsWildcard?: boolean;
  /**
   * How an origin function is called and answers: a node-style callback; returns the origin to send
   * (given the origin, or Koa's `ctx`); or (Elysia) is given the request and must return exactly `true`
   * for the request's Origin to be sent back; or (`return-setting`: AdonisJS, h3) is given the origin and
   * returns a value read as the origin setting again (`true` sends back the request's Origin).
   */
  readonly originFunction: 'callback' | 'return-origin' | 'return-ctx' | 'return-true' | 'return-setting';
  /** Credentials when the options do not say (Elysia and Yoga send `Access-Control-Allow-Credentials: true`). */
  readonly defaultCredentials?: boolean;
  /**
   * Elysia: a single origin string is a one-entry allowlist (the Origin is sent back when it matches, nothing
   * otherwise), and an entry without a scheme (`example.com`) matches the Origin with its scheme removed.
   */
  readonly stringIsAllowlist?: boolean;
  readonly schemelessEntries?: boolean;
  /**
   * Yoga: a one-entry list is sent as a fixed origin, and an origin missing from a longer list gets
   * `Access-Control-Allow-Origin: null` (which a sandboxed iframe's `Origin: null` then matches).
   */
  readonly listOfOneIsFixed?: boolean;
  /** hono < 4.6.5: `first`, the list's first entry. */
  readonly listMissSends?: 'null' | 'first';
  /** Yoga: `cors` may be a function of the request returning the options. */
  readonly optionsFactory?: 'return';
  /**
   * What the library sends when the request has no Origin: `omit` (no CORS headers: Yoga, `@koa/cors`
   * before 5, `cors` with a list), `as-configured` (the configured value, `*` where it would reflect),
   * `wildcard` (`*` whatever the settings: h3).
   */
  readonly withoutOrigin?: 'omit' | 'as-configured' | 'wildcard';
  /**
   * What a reflecting setting sends to a request without Origin: `*` (koa2-cors, Elysia, middy), an empty
   * value (`@koa/cors`), else nothing.
   */
  readonly reflectWithoutOrigin?: '*' | '';
  /**
   * When `Access-Control-Allow-Credentials: true` goes out without an Access-Control-Allow-Origin (to an
   * origin the settings do not admit, or a request without Origin): always (Hono, Elysia, middy); unless an
   * origin function said no (`cors`, `@fastify/cors`, both Koa packages: a denying function skips CORS
   * altogether); on actual requests without Origin to settings that admit every origin (hapi `*`).
   * Harmless either way: without a
   * matching origin the browser ignores it; the differential test holds the table to it.
   */
  readonly credentialsAlone?: 'always' | 'unless-callback-denies' | 'actual-request-without-origin';
  /** `@koa/cors`: `Vary: Origin` is set before the origin function runs, so a denied origin still gets it. */
  readonly varyWhenDenied?: boolean;
  /**
   * The npm packages whose installed version decides which `versions` row applies (the first the project
   * uses); default `[packageName]`.
   */
  readonly versionPackages?: readonly string[];
  /**
   * Behaviour that differs in some releases: each row's fields replace the ones above for the versions in its
   * semver `range` (the version read from node_modules, else the lockfile, else the declared range: see
   * `releaseOf` in ./releases.ts). Checked in the published tarballs and by the version sweep
   * (eslint-plugin/scripts/version-sweep.mjs, test/differential/versions.test.ts).
   */
  readonly versions?: readonly VersionRow[];
  /**
   * Set by the analysis, never in the table: the release the project runs, when a `versions` row applies to
   * it (the semantics above are then that row's).
   */
  readonly release?: Release;
  /** socket.io 2: a request without Origin gets `*` but no Access-Control-Allow-Credentials. */
  readonly credentialsWithoutOrigin?: 'omitted';
  /** Option name of the credentials setting when it is not `credentials` (Sails `allowCredentials`). */
  readonly credentialsOption?: string;
  /**
   * An option that switches the policy off when `false` (AdonisJS `enabled`), and whether it is on when
   * unset (Sails `allRoutes`: off, so the settings apply only to routes that ask for CORS).
   */
  readonly enabledOption?: { readonly name: string; readonly unsetMeans: boolean };
  /**
   * Strapi: with neither `origin` nor `credentials` written, the defaults (`*` with credentials) go to a
   * library that answers them with the request's Origin: reported as the reflection it is, not as a `*`
   * the author wrote.
   */
  readonly defaultsReflect?: boolean;
  /** AdonisJS: the library never adds `Vary: Origin`, even when it sends back the request's Origin. */
  readonly addsNoVary?: boolean;
  /** A string origin holding commas is a list of exact origins (AdonisJS, Strapi and Sails split it on `,`). */
  readonly commaSeparatedString?: boolean;
  /** Sails: this option set to `true` turns `*` with credentials into reflection (else the app will not start). */
  readonly unsafeWildcardOption?: string;
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

/** The semantics fields a release range may change. */
export type VersionedFields = Partial<
  Pick<
    LibrarySemantics,
    | 'defaultOrigin'
    | 'wildcardWithCredentials'
    | 'wildcardReflects'
    | 'defaultCredentials'
    | 'withoutOrigin'
    | 'reflectWithoutOrigin'
    | 'credentialsAlone'
    | 'credentialsWithoutOrigin'
    | 'stringIsAllowlist'
    | 'listMissSends'
  >
>;

/** One range of releases that behaves differently from the row's defaults. */
export interface VersionRow extends VersionedFields {
  /** A semver range of the package's versions (`>=4.12.9 <4.12.25`). */
  readonly range: string;
  /** The releases in words, for messages (`4.12.9 to 4.12.24`, `before 5.0.0`). */
  readonly releases: string;
  /** What these releases do, as a clause after the version ("reflect every Origin with credentials ..."). */
  readonly does: string;
  /** The advisory, when there is one (`CVE-2026-54290 / GHSA-88fw-hqm2-52qc`). */
  readonly advisory?: string;
  /** The first release that no longer does it: the upgrade advice. */
  readonly fixedIn?: string;
  /**
   * These releases let in more than the others (reflection where the rest send `*` or nothing): a declared
   * range that admits any of them is judged by them, and the finding says which versions it depends on.
   */
  readonly exposes?: boolean;
  /** Nothing near the file says which version runs: these releases may (both behaviours are modelled). */
  readonly assumeWhenUnknown?: boolean;
  /**
   * socket.io 2: the options path (`cors`) is not read; every call gets the defaults, unless the options
   * object has this property (socket.io 2's `origins`, `host:port` patterns checked before any response:
   * not modelled, so no policy is reported).
   */
  readonly ignoresOptions?: { readonly unlessOption: string };
}

/** The release a project runs, and the version row that applies to it. */
export interface Release {
  readonly package: string;
  /** The exact version (installed or locked); undefined when only a range is declared. */
  readonly version?: string;
  /** The declared range. */
  readonly range?: string;
  readonly source: 'installed' | 'lockfile' | 'declared' | 'unknown';
  /** `runs`: the version (or every version the range admits) is in the row; `admits`: the range admits some. */
  readonly certainty: 'runs' | 'admits' | 'unknown';
  readonly row: VersionRow;
  /** The package.json declaring the dependency (the editor opens it at the dependency). */
  readonly manifest?: string;
}

/**
 * What a library sends besides the origin: option names and defaults for the other CORS headers (read in
 * each library's source), for hovers that show the response a configuration produces.
 */
export interface LibraryResponses {
  readonly methodsOption?: string;
  /**
   * Default Access-Control-Allow-Methods on a preflight; `route`: the requested route's method (hapi);
   * `reflect`: the request's Access-Control-Request-Method (Elysia, Yoga).
   */
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
  credentialsAlone: 'unless-callback-denies',
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
    listOfOneIsFixed: true,
    listMissSends: 'null',
    optionsFactory: 'return',
    withoutOrigin: 'omit',
    responses: {
      methodsOption: 'methods',
      defaultMethods: 'reflect',
      headersOption: 'allowedHeaders',
      defaultHeaders: 'reflect',
      exposeOption: 'exposedHeaders',
      maxAgeOption: 'maxAge',
    },
  },
  // @adonisjs/cors 2.2.1 (src/cors_middleware.ts, src/define_config.ts at 25eb506; v5's 7.x reads the same
  // shapes): `defineConfig` defaults to `enabled: true, origin: true, credentials: true`; `true` sends back
  // the Origin; `*` with credentials sends back the Origin; an array and a comma-separated string are
  // compared with `===` (a plain string is a list of one); a function `(origin, ctx)` returns a value read
  // as the setting again. No CORS headers without an Origin; no Vary is added.
  adonis: {
    id: 'adonis',
    packageName: '@adonisjs/cors',
    ...corsLike,
    defaultOrigin: 'reflect',
    defaultCredentials: true,
    wildcardWithCredentials: 'reflects',
    originFunction: 'return-setting',
    stringIsAllowlist: true,
    commaSeparatedString: true,
    acceptsRegExp: false,
    withoutOrigin: 'omit',
    enabledOption: { name: 'enabled', unsetMeans: true },
    addsNoVary: true,
    responses: {
      methodsOption: 'methods',
      defaultMethods: 'GET,HEAD,POST,PUT,DELETE',
      headersOption: 'headers',
      defaultHeaders: 'reflect',
      exposeOption: 'exposeHeaders',
      maxAgeOption: 'maxAge',
      defaultMaxAge: 90,
    },
  },
  // Strapi 4/5 `strapi::cors` (packages/core/core/src/middlewares/cors.ts, read 2026-12): defaults
  // `origin: '*'`, `credentials: true`, handed to @koa/cors through an origin function that returns `*`
  // (which @koa/cors then answers with the request's Origin, credentials on), an exact `includes` for an
  // array or a comma-separated string, or a single string as is; a function of `ctx` returns the setting.
  strapi: {
    id: 'strapi',
    packageName: '@strapi/strapi',
    ...corsLike,
    defaultCredentials: true,
    defaultsReflect: true,
    wildcardWithCredentials: 'reflects',
    originFunction: 'return-ctx',
    commaSeparatedString: true,
    acceptsRegExp: false,
    responses: {
      methodsOption: 'methods',
      defaultMethods: 'GET,POST,PUT,PATCH,DELETE,HEAD,OPTIONS',
      headersOption: 'headers',
      defaultHeaders: 'Content-Type,Authorization,Origin,Accept',
      exposeOption: 'expose',
      maxAgeOption: 'maxAge',
      defaultMaxAge: 31536000,
    },
  },
  // Sails 1.5 (lib/hooks/security/index.js and cors/set-headers.js at 7b76422): `allowOrigins` defaults to `*`,
  // `allowCredentials` to false; `allRoutes: true` applies the settings to every route (else only to routes
  // with `cors: true`); a non-`*` string is split on `,` into exact origins; an array is compared with `===`
  // (RegExps tested); `*` with credentials stops the app from starting unless
  // `allowAnyOriginWithCredentialsUnsafe: true`, which sends back every Origin. Vary: Origin is added.
  sails: {
    id: 'sails',
    packageName: 'sails',
    ...corsLike,
    originOption: 'allowOrigins',
    credentialsOption: 'allowCredentials',
    enabledOption: { name: 'allRoutes', unsetMeans: false },
    unsafeWildcardOption: 'allowAnyOriginWithCredentialsUnsafe',
    stringIsAllowlist: true,
    commaSeparatedString: true,
    withoutOrigin: 'omit',
    responses: {
      methodsOption: 'allowRequestMethods',
      defaultMethods: 'GET,HEAD,PUT,PATCH,POST,DELETE',
      headersOption: 'allowRequestHeaders',
      defaultHeaders: 'content-type',
      exposeOption: 'allowResponseHeaders',
      maxAgeOption: 'maxAge',
    },
  },
  // Sails 0.12 (lib/hooks/cors/index.js and to-prepare-send-headers.js at v0.12.14): `config/cors.js`
  // `module.exports.cors = { allRoutes, origin, credentials }`, defaults `origin: '*'`, `credentials: true`;
  // `origin` is split on `,` and an entry equal to the Origin, or `*`, sends back the Origin; applied to every
  // route only with `allRoutes: true`.
  sails0: {
    id: 'sails0',
    packageName: 'sails',
    ...corsLike,
    defaultCredentials: true,
    wildcardWithCredentials: 'reflects',
    wildcardReflects: true,
    stringIsAllowlist: true,
    commaSeparatedString: true,
    acceptsArray: false,
    acceptsRegExp: false,
    enabledOption: { name: 'allRoutes', unsetMeans: false },
    responses: {
      methodsOption: 'methods',
      defaultMethods: 'GET,POST,PUT,DELETE,OPTIONS,HEAD',
      headersOption: 'headers',
      defaultHeaders: 'content-type',
      exposeOption: 'exposeHeaders',
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
  /** `none`: the call takes no CORS options; it always applies the library's defaults. */
  readonly optionsArg: number | 'last' | 'none';
  readonly optionsPath: readonly string[];
  /** CORS is on when the options say nothing about it (`createYoga({ schema })`): the defaults apply. */
  readonly onByDefault?: boolean;
  /** When the file imports one of these modules (a server adapter), the options follow its library. */
  readonly adapters?: readonly { readonly module: string; readonly library: LibraryId }[];
  /** The call loads its settings from data files (LoopBack 3 `boot(app, __dirname)` reads middleware.json). */
  readonly dataFiles?: DataFiles;
  /** The settings take effect only where the project registers the middleware (see `Registration`). */
  readonly registration?: Registration;
}

/**
 * Where a framework must be told to run the middleware its config file configures (AdonisJS 6: the package
 * in package.json, and `@adonisjs/cors/cors_middleware` in `server.use([...])` of `start/kernel.ts`). A
 * project that visibly lacks either does not run the settings; when the files cannot be read, they count.
 */
export interface Registration {
  readonly dependency: string;
  /** Files relative to the project root, the first that exists is read. */
  readonly files: readonly string[];
  readonly mentions: string;
}

/**
 * Data files (JSON) a call loads settings from. ESLint lints only JavaScript and TypeScript, so they are
 * judged from the call that loads them and reported there, naming the file.
 */
export interface DataFiles {
  readonly framework: string;
  /** The argument naming the folder the files are in (`__dirname`, a string relative to the calling file). */
  readonly dirArg: number;
  /** File names in that folder, tried in order. */
  readonly names: readonly string[];
  /** Steps from each file's value to the options. */
  readonly path: readonly ConventionStep[];
}

/** NestJS on Fastify: `new FastifyAdapter()` hands the CORS options to @fastify/cors. */
const NEST_ADAPTERS = [{ module: '@nestjs/platform-fastify', library: 'nestjs-fastify' }] as const;

/** LoopBack 3 environments whose `middleware.<env>.json` overrides middleware.json (loopback-boot). */
const LOOPBACK_ENVS = ['development', 'production', 'staging', 'test', 'local'];

export const MODULE_OPTION_SITES: readonly ModuleOptionSite[] = [
  // AdonisJS 6 `config/cors.ts`: `defineConfig({ ... })` from @adonisjs/cors (the import marks it), in effect
  // when start/kernel.ts registers the middleware (stubs/main.ts of @adonisjs/cors adds it there).
  {
    library: 'adonis',
    modules: ['@adonisjs/cors'],
    path: ['defineConfig'],
    kind: 'call',
    optionsArg: 0,
    optionsPath: [],
    registration: {
      dependency: '@adonisjs/cors',
      files: ['start/kernel.ts', 'start/kernel.js'],
      mentions: '@adonisjs/cors/cors_middleware',
    },
  },
  // @hapi/glue 9 (lib/index.js at b0b3e7a): `compose(manifest)` builds `Hapi.server(manifest.server)`.
  {
    library: 'hapi',
    modules: ['@hapi/glue', 'glue'],
    path: ['compose'],
    kind: 'call',
    optionsArg: 0,
    optionsPath: ['server', 'routes', 'cors'],
  },
  // h3 (Nitro, Nuxt server routes): `handleCors(event, options)`, `appendCorsHeaders(event, options)`.
  ...['handleCors', 'appendCorsHeaders', 'appendCorsPreflightHeaders'].map((name): ModuleOptionSite => ({
    library: 'h3',
    modules: ['h3'],
    path: [name],
    kind: 'call',
    optionsArg: 1,
    optionsPath: [],
  })),
  // Feathers 5 re-exports the middleware: `cors` of @feathersjs/express is `cors`, of @feathersjs/koa is
  // @koa/cors (the generated app.ts: `app.use(cors())`); `socketio({ cors })` hands `cors` to socket.io.
  { library: 'cors', modules: ['@feathersjs/express'], path: ['cors'], kind: 'call', optionsArg: 0, optionsPath: [] },
  { library: 'koa-cors', modules: ['@feathersjs/koa'], path: ['cors'], kind: 'call', optionsArg: 0, optionsPath: [] },
  {
    library: 'socket.io',
    modules: ['@feathersjs/socketio'],
    path: [],
    kind: 'call',
    optionsArg: 'last',
    optionsPath: ['cors'],
  },
  // LoopBack 4 (@loopback/rest rest.server.ts): `rest.cors` of the application options goes to `cors` as
  // given (a `cors` object replaces the defaults, `origin: '*'` with credentials, as a whole).
  ...['RestApplication', 'RestServer'].map((name): ModuleOptionSite => ({
    library: 'cors',
    modules: ['@loopback/rest'],
    path: [name],
    kind: 'construct',
    optionsArg: name === 'RestServer' ? 1 : 0,
    optionsPath: name === 'RestServer' ? ['cors'] : ['rest', 'cors'],
  })),
  // LoopBack 3: `boot(app, __dirname)` (loopback-boot) registers the middleware of `middleware.json` and
  // `middleware.<env>.json` in that folder; the `cors` entry's `params` go to the `cors` package (the
  // generated app ships `"origin": true, "credentials": true`).
  {
    library: 'cors',
    modules: ['loopback-boot'],
    path: [],
    kind: 'call',
    optionsArg: 'none',
    optionsPath: [],
    dataFiles: {
      framework: 'LoopBack 3',
      dirArg: 1,
      names: ['middleware.json', ...LOOPBACK_ENVS.map((env) => `middleware.${env}.json`)],
      path: [{ anyKey: true }, 'cors', 'params'],
    },
  },
  { library: 'cors', modules: ['cors'], path: [], kind: 'call', optionsArg: 0, optionsPath: [] },
  // kcors is @koa/cors under its old name (1.x and 2.x, which reflect when `origin` is unset).
  { library: 'koa-cors', modules: ['@koa/cors', 'kcors'], path: [], kind: 'call', optionsArg: 0, optionsPath: [] },
  { library: 'koa2-cors', modules: ['koa2-cors'], path: [], kind: 'call', optionsArg: 0, optionsPath: [] },
  { library: 'elysia', modules: ['@elysiajs/cors'], path: [], kind: 'call', optionsArg: 0, optionsPath: [] },
  { library: 'elysia', modules: ['@elysiajs/cors'], path: ['cors'], kind: 'call', optionsArg: 0, optionsPath: [] },
  {
    library: 'yoga',
    modules: ['graphql-yoga'],
    path: ['createYoga'],
    kind: 'call',
    optionsArg: 0,
    optionsPath: ['cors'],
    onByDefault: true,
  },
  {
    library: 'apollo-standalone',
    modules: ['@apollo/server/standalone'],
    path: ['startStandaloneServer'],
    kind: 'call',
    optionsArg: 'none',
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
    // NestFactory.create(AppModule, { cors }) or create(AppModule, new FastifyAdapter(), { cors })
    optionsArg: 'last',
    optionsPath: ['cors'],
    adapters: NEST_ADAPTERS,
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

/** One step from a configuration value towards the CORS options. */
export type ConventionStep =
  /** A property. */
  | string
  /** Every property (LoopBack middleware phases: `initial`, `routes:before`, ...). */
  | { readonly anyKey: true }
  /**
   * An entry of a list naming a middleware (Strapi): the string itself (the defaults apply), or an object
   * whose `nameKey` is the name, with its options under `optionsKey` (missing: the defaults).
   */
  | { readonly entry: string; readonly nameKey: string; readonly optionsKey: string };

/**
 * Framework conventions that load CORS settings from a file by its name: the file (relative to the project
 * root, the folder of the nearest package.json), what marks the framework (a dependency in that
 * package.json, or an import in the file: a file merely named so stays quiet), the export that holds the
 * settings and the steps from it to the options. An export that is a function (`({ env }) => [...]`) is
 * read through what it returns.
 */
export interface ConfigConvention {
  readonly framework: string;
  readonly library: LibraryId;
  readonly file: RegExp;
  readonly dependencies?: readonly string[];
  readonly imports?: readonly string[];
  /** `default`: `export default` / `module.exports`; else a named export (`module.exports.security = ...`). */
  readonly exportName: string;
  readonly path: readonly ConventionStep[];
  /** The row applies to these versions of a package only (the declared or installed one; unknown: it applies). */
  readonly versions?: { readonly package: string; readonly below?: string; readonly from?: string };
}

export const CONFIG_CONVENTIONS: readonly ConfigConvention[] = [
  // AdonisJS 5: `const corsConfig: CorsConfig = { enabled, origin, credentials, ... }; export default corsConfig`
  // with the type from `@ioc:Adonis/Core/Cors` (AdonisJS 6 uses `defineConfig`, a module option site).
  {
    framework: 'AdonisJS',
    library: 'adonis',
    file: /^config\/cors\.[cm]?[jt]s$/,
    dependencies: ['@adonisjs/cors', '@adonisjs/core'],
    imports: ['@ioc:Adonis/Core/Cors', '@adonisjs/cors'],
    exportName: 'default',
    path: [],
  },
  // Strapi 4/5: `config/middlewares.js` (or per environment, `config/env/<env>/middlewares.js`) exports the
  // middleware list; `'strapi::cors'` or `{ name: 'strapi::cors', config: { ... } }` configures CORS.
  {
    framework: 'Strapi',
    library: 'strapi',
    file: /^config\/(?:env\/[^/]+\/)?middlewares\.[cm]?[jt]s$/,
    dependencies: ['@strapi/strapi'],
    exportName: 'default',
    path: [{ entry: 'strapi::cors', nameKey: 'name', optionsKey: 'config' }],
  },
  // Sails 1: `module.exports.security = { cors: { allRoutes, allowOrigins, allowCredentials } }` in
  // `config/security.js`, or `security: { cors }` in `config/env/<env>.js`.
  {
    framework: 'Sails',
    library: 'sails',
    file: /^config\/security\.js$/,
    dependencies: ['sails'],
    exportName: 'security',
    path: ['cors'],
  },
  // Sails 0.x: `config/cors.js`, `module.exports.cors = { allRoutes, origin, credentials }` (Sails 1 maps a
  // legacy one onto `security.cors` with deprecated names: not modelled).
  {
    framework: 'Sails',
    library: 'sails0',
    file: /^config\/cors\.js$/,
    dependencies: ['sails'],
    exportName: 'cors',
    path: [],
    versions: { package: 'sails', below: '1.0.0' },
  },
  {
    framework: 'Sails',
    library: 'sails',
    file: /^config\/env\/[^/]+\.js$/,
    dependencies: ['sails'],
    exportName: 'default',
    path: ['security', 'cors'],
  },
  // LoopBack 3: `server/middleware.<env>.js` exports the same shape as middleware.json (see `loopback-boot`).
  {
    framework: 'LoopBack 3',
    library: 'cors',
    // The app root is the folder given to boot(): `server/` as generated, `src/` in some apps.
    file: /^(?:server|src)\/middleware(?:\.[\w-]+)?\.js$/,
    dependencies: ['loopback', 'loopback-boot'],
    exportName: 'default',
    path: [{ anyKey: true }, 'cors', 'params'],
  },
];

/**
 * Route rules: per-path settings in a framework config file (Nitro `routeRules` in `nitro.config.ts`,
 * Nuxt's in `nuxt.config.ts`, also under `nitro: { routeRules }`). Each entry is one policy: its `headers`
 * object, plus what `cors: true` adds underneath them (src/config/resolvers/route-rules.ts of nitro:
 * `cors: true` sends `access-control-allow-origin: *` with methods, headers and max-age, and the entry's own
 * `headers` override those).
 */
export interface RouteRulesConvention {
  readonly framework: string;
  /** The config file's name (the config sits at the project or layer root). */
  readonly file: RegExp;
  readonly property: string;
  readonly corsKey: string;
  readonly headersKey: string;
  /** What `cors: true` sends (header name to value). */
  readonly corsTrueSends: Readonly<Record<string, string>>;
}

export const ROUTE_RULES: readonly RouteRulesConvention[] = [
  {
    framework: 'Nitro / Nuxt',
    file: /^(?:nuxt|nitro)\.config\.[cm]?[jt]s$/,
    property: 'routeRules',
    corsKey: 'cors',
    headersKey: 'headers',
    corsTrueSends: {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': '*',
      'Access-Control-Allow-Headers': '*',
      'Access-Control-Max-Age': '0',
    },
  },
];

/**
 * Functions a framework makes global (auto-imports: Nitro and Nuxt server routes call h3's `handleCors`
 * without importing it): a call of the unbound name counts when the project (the nearest package.json)
 * depends on one of `dependencies`.
 */
export interface AutoImportedOptionSite {
  readonly framework: string;
  readonly library: LibraryId;
  readonly names: readonly string[];
  readonly optionsArg: number;
  readonly dependencies: readonly string[];
}

export const AUTO_IMPORTED_OPTION_SITES: readonly AutoImportedOptionSite[] = [
  {
    framework: 'Nitro / Nuxt',
    library: 'h3',
    names: ['handleCors', 'appendCorsHeaders', 'appendCorsPreflightHeaders'],
    optionsArg: 1,
    dependencies: ['nuxt', 'nitropack', 'nitro', 'h3'],
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
  readonly adapters?: ModuleOptionSite['adapters'];
  readonly onByDefault?: boolean;
  /** `optionsPath` is read only before this version of these packages (later ones use `altPaths`). */
  readonly pathBefore?: VersionBound;
}

/** A version of one of several packages (the first the project uses). */
export interface VersionBound {
  readonly packages: readonly string[];
  readonly version: string;
}

export const SHAPE_OPTION_SITES: readonly ShapeOptionSite[] = [
  { library: 'nestjs', method: 'enableCors', optionsArg: 0, optionsPath: [], adapters: NEST_ADAPTERS },
  { library: 'apollo', method: 'applyMiddleware', optionsArg: 0, optionsPath: ['cors'] },
  { library: 'apollo', method: 'getMiddleware', optionsArg: 0, optionsPath: ['cors'] },
  // apollo-server-lambda / -cloud-functions / -azure-functions: `createHandler({ cors })` (2.x) and
  // `createHandler({ expressGetMiddlewareOptions: { cors } })` (3.x, handed to `cors`).
  {
    library: 'apollo',
    method: 'createHandler',
    optionsArg: 0,
    optionsPath: ['cors'],
    altPaths: [['expressGetMiddlewareOptions', 'cors']],
    // 3.x runs `cors()` when no cors option is given: `*`, public (differential test).
    onByDefault: true,
    // 3.x no longer reads a top-level `cors` (src): only the 2.x path applies before 3.0.0.
    pathBefore: {
      packages: ['apollo-server-lambda', 'apollo-server-cloud-functions', 'apollo-server-azure-functions'],
      version: '3.0.0',
    },
  },
  {
    library: 'hapi',
    method: 'route',
    optionsArg: 0,
    optionsPath: ['options', 'cors'],
    altPaths: [['config', 'cors']],
    arrayOfObjects: true,
  },
];

/**
 * Option types: an object annotated with one of these types (`const options: CorsOptions = {...}`,
 * `{...} satisfies FastifyCorsOptions`, a function returning `Manifest`), the type imported from one of
 * `modules`, is that library's CORS configuration wherever it is consumed, and is judged where it is
 * defined. `path` leads from the typed object to the CORS options (`[]`: the object is the options).
 */
export interface TypedOptionsRow {
  readonly library: LibraryId;
  readonly modules: readonly string[];
  readonly types: readonly string[];
  readonly path: readonly string[];
}

export const TYPED_OPTIONS: readonly TypedOptionsRow[] = [
  { library: 'cors', modules: ['cors'], types: ['CorsOptions', 'CorsOptionsDelegate'], path: [] },
  {
    library: 'nestjs',
    modules: ['@nestjs/common', '@nestjs/common/interfaces/external/cors-options.interface'],
    types: ['CorsOptions', 'CorsOptionsDelegate'],
    path: [],
  },
  {
    library: 'nestjs',
    modules: ['@nestjs/common', '@nestjs/common/interfaces/nest-application-options.interface'],
    types: ['NestApplicationOptions'],
    path: ['cors'],
  },
  { library: 'fastify-cors', modules: ['@fastify/cors', 'fastify-cors'], types: ['FastifyCorsOptions'], path: [] },
  { library: 'koa-cors', modules: ['@koa/cors'], types: ['Options'], path: [] },
  { library: 'elysia', modules: ['@elysiajs/cors'], types: ['CORSConfig'], path: [] },
  { library: 'hapi', modules: ['@hapi/hapi', 'hapi'], types: ['RouteOptionsCors'], path: [] },
  { library: 'hapi', modules: ['@hapi/hapi', 'hapi'], types: ['RouteOptions'], path: ['cors'] },
  { library: 'hapi', modules: ['@hapi/hapi', 'hapi'], types: ['ServerOptions'], path: ['routes', 'cors'] },
  // @hapi/glue composes a server from `manifest.server`: its route defaults hold the CORS options.
  { library: 'hapi', modules: ['@hapi/glue'], types: ['Manifest'], path: ['server', 'routes', 'cors'] },
  { library: 'socket.io', modules: ['socket.io'], types: ['ServerOptions'], path: ['cors'] },
  { library: 'hono', modules: ['hono/cors'], types: ['CORSOptions'], path: [] },
];

/**
 * A package CORS Guard has no row for, whose name says it is a CORS middleware (`express-cors-middleware`,
 * `@scope/cors`, `micro-cors`): its options are judged as `cors` reads them, and messages say so. Names
 * that hold `cors` as a word but are something else (type packages, proxies, origin-only gates) are not.
 */
const ASSUMED_CORS_NAME = /(?:^|[/@._-])k?cors(?:$|[/._-])/i;
const NOT_CORS_MIDDLEWARE = /^@types\/|(?:^|[/-])cors-(?:anywhere|proxy|gate|server)(?:$|[/])|^cors-anywhere$/i;
export function assumedCorsModule(specifier: string): boolean {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('#')) return false;
  if (specifier.startsWith('node:')) return false;
  return ASSUMED_CORS_NAME.test(specifier) && !NOT_CORS_MIDDLEWARE.test(specifier);
}

/** The option site an assumed CORS package's call is read as: `cors(options)`. */
export const ASSUMED_CORS_SITE: ModuleOptionSite = {
  library: 'cors',
  modules: [],
  path: [],
  kind: 'call',
  optionsArg: 0,
  optionsPath: [],
};

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
