/** Frameworks that configure CORS by convention (a config file, a middleware list): AdonisJS, Strapi, Sails. */
import type { LibraryId, LibrarySemantics } from '../library-types';
import { corsLike } from './cors-like';

export const CONVENTIONS_LIBRARIES = {
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
  // Sails 1 route-level `cors: { ... }` in config/routes.js (lib/hooks/security/cors/index.js at d9cf1ea:
  // `setHeaders(_.extend({}, routeCorsConfig))`, and set-headers.js at 9b9e93a): the route's object alone, none
  // of the security.cors defaults or start-up checks. `allowOrigins` unset sends nothing; `*` with
  // `allowCredentials: true` becomes `origin = true`, the request's Origin sent back with credentials; a string
  // is compared with `===` (not split on commas); an array by `===` or RegExp `.test()`.
  'sails-route': {
    id: 'sails-route',
    packageName: 'sails',
    ...corsLike,
    originOption: 'allowOrigins',
    credentialsOption: 'allowCredentials',
    defaultOrigin: 'none',
    wildcardWithCredentials: 'reflects',
    stringIsAllowlist: true,
    withoutOrigin: 'omit',
    responses: {
      methodsOption: 'allowRequestMethods',
      defaultMethods: 'GET,HEAD,PUT,PATCH,POST,DELETE',
      headersOption: 'allowRequestHeaders',
      defaultHeaders: 'reflect',
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
} satisfies Partial<Record<LibraryId, LibrarySemantics>>;
