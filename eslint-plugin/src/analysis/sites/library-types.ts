/**
 * The shape of a library's row in the framework table: what a CORS library does with its options, which
 * releases behave differently, and the headers it sends besides the origin. The rows are in ./libraries/.
 */
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
  | 'sails-route'
  | 'h3'
  | 'firebase-functions'
  | 'firebase-callable'
  | 'itty-router'
  | 'itty-router-v4'
  | 'tinyhttp-cors'
  | 'micro-cors'
  | 'hattip-cors'
  | 'restify-cors'
  | 'restify-cors-v1'
  | 'hapi-cors-headers'
  | 'egg-cors'
  | 'oak-cors'
  | 'cdk-rest-api'
  | 'cdk-http-api'
  | 'lambda-url'
  | 's3'
  | 'sst-api'
  | 'sst3-api-v2'
  | 'serverless-http'
  | 'vite'
  | 'mcp-framework'
  | 'cors-anywhere'
  | 'std-file-server';

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
   * (`koa2-cors`) the library drops `Access-Control-Allow-Credentials` from actual responses (still broken);
   * (`refused`: the CDK HTTP API) the configuration is refused before anything is deployed; (`unknown`: a
   * Lambda Function URL) nothing CORS Guard has read says what the platform sends.
   */
  readonly wildcardWithCredentials: 'rejected' | 'reflects' | 'drops-credentials' | 'refused' | 'unknown';
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
  /** Yoga: credentials left at their default go only with an origin other than `*` (src). */
  readonly defaultCredentialsNotWithWildcard?: boolean;
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
  /** `@elysiajs/cors` before 0.7.2: `origin: true` sends `*` rather than the request's Origin. */
  readonly trueIsWildcard?: boolean;
  /**
   * What an origin the settings do not admit is sent: Yoga `null`; hono < 4.6.5 `first`, the list's first
   * entry; `fastify-cors` before 6.0.0 `false`, the literal text `false` (for a list, a RegExp or `true`
   * without an Origin), which names no origin.
   */
  readonly listMissSends?: 'null' | 'first' | 'false';
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
  /**
   * itty-router 4: an option holding extra headers sent with every response (`headers`); an
   * `Access-Control-Allow-Credentials: true` written there turns credentials on.
   */
  readonly extraHeadersOption?: string;
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
  /**
   * Firebase Functions: the value at the options path is the `origin` setting itself (`cors: true`,
   * `cors: [/re/]`), handed to the `cors` package as `{ origin }`; no credentials setting exists. What the
   * option being absent means is `defaultOrigin` (`none` for `onRequest`, `reflect` for `onCall`).
   */
  readonly optionIsOrigin?: boolean;
  /**
   * vite: an options object without the origin option keeps the framework's own default origin setting (said
   * here, for the docs), which admits no website's origin: no policy is read from such an object.
   */
  readonly ownDefaultOrigin?: string;
  /** Firebase Functions: a one-entry list is used as its entry (`[/re/]` is `/re/`, `['https://a']` a fixed origin). */
  readonly listOfOneUnwrapped?: boolean;
  /** Firebase Functions 7: an empty list or an empty string turns CORS off. */
  readonly emptyOriginDisables?: boolean;
  /** itty-router 4: a preflight without an Origin gets no CORS headers (only `Allow`). */
  readonly preflightNeedsOrigin?: boolean;
  /** itty-router: a list is compared with `includes`, so a RegExp in it never matches. */
  readonly listEntriesExact?: boolean;
  /**
   * Why sending back every Origin without credentials is how this platform is meant to work (Firebase
   * callables authenticate with a token, not cookies): the explanation says so, and the reflection rule does
   * not report it unless credentials go with it.
   */
  readonly reflectionByDesign?: string;
  /**
   * Cloud platforms: what an origin string holding `*` (other than `*` itself) means: `scheme` (API Gateway
   * HTTP APIs: `https://*` and `http://*` admit every origin of that scheme, any other pattern is unknown);
   * `star` (S3: the one `*` matches any characters, and the request's Origin is sent back); `unknown` (no
   * documentation read says); `glob-in-list` (the Serverless Framework: an entry of a list of origins is a
   * pattern, its dots literal and its first `*` one or more characters, so `*` in a list sends back every
   * Origin; a single origin string is sent as written); `first-only` (restify-cors-middleware: the entry
   * becomes `'^' + entry.replace('.', '\\.').replace('*', '.*') + '$'`, so only its first dot is escaped and
   * only its first `*` is a wildcard).
   */
  readonly originWildcards?: 'scheme' | 'star' | 'unknown' | 'glob-in-list' | 'first-only';
  /**
   * restify-cors-middleware: a preflight from an admitted origin always gets
   * `Access-Control-Allow-Credentials: true`, whatever the `credentials` option says (actual responses follow
   * the option).
   */
  readonly preflightAlwaysCredentials?: boolean;
  /**
   * For `wildcardWithCredentials: 'refused'`: what happens instead of a response (the CDK: the stack fails to
   * build; restify-cors-middleware: the factory throws when the server starts).
   */
  readonly refusal?: string;
  /** S3: a rule whose origins include `*` answers `*` and never sends Access-Control-Allow-Credentials. */
  readonly wildcardOmitsCredentials?: boolean;
  /** S3: the options value is a list of rules, each an options object of its own (one policy each). */
  readonly rulesList?: boolean;
  /**
   * Constants of the library's modules that stand for an origin list (`Cors.ALL_ORIGINS` of the CDK is
   * `['*']`): the member path's end, and the module prefixes the root must be imported from.
   */
  readonly constants?: readonly LibraryConstant[];
  /**
   * What the platform does besides the headers, in a sentence for the hover and the map (API Gateway's REST
   * preflight answers OPTIONS only; an HTTP API replaces the integration's CORS headers).
   */
  readonly platformNote?: string;
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

/** A library constant standing for an origin list (see `LibrarySemantics.constants`). */
export interface LibraryConstant {
  readonly path: readonly string[];
  readonly modules: readonly string[];
  readonly value: readonly string[];
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
    | 'trueIsWildcard'
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
