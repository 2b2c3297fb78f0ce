/**
 * Framework conventions as rows: the files a framework loads CORS settings from by name, and the route
 * rules that carry them (read by ./conventions.ts).
 */
import type { LibraryId } from './library-types';

/** One step from a configuration value towards the CORS options. */
export type ConventionStep =
  /** A property. */
  | string
  /** Every property (LoopBack middleware phases: `initial`, `routes:before`, ...). */
  | { readonly anyKey: true }
  /**
   * The value itself, unless its property `unless` is the literal `is` (LoopBack 3: a middleware entry with
   * `"enabled": false` is not registered). A value CORS Guard cannot read there keeps the entry.
   */
  | { readonly unless: string; readonly is: boolean }
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

/**
 * LoopBack 3 (loopback 3.28.0 lib/server-app.js `middlewareFromConfig`): `if (config.enabled === false) return;`
 * before the factory is called, so an entry switched off registers nothing.
 */
export const LOOPBACK3_ENABLED: ConventionStep = { unless: 'enabled', is: false };

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
  // Sails 1 route-level settings: `module.exports.routes = { 'GET /api/me': { action, cors: { ... } } }` (a route
  // with `cors: true` takes security.cors, and `cors: 'https://…'` one origin: not modelled here).
  {
    framework: 'Sails',
    library: 'sails-route',
    file: /^config\/routes\.js$/,
    dependencies: ['sails'],
    exportName: 'routes',
    path: [{ anyKey: true }, 'cors'],
    versions: { package: 'sails', from: '1.0.0' },
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
  // Egg.js with egg-cors: `config/config.<env>.js` (or `.ts`) sets `config.cors`, as `exports.cors = { ... }` or
  // in the object the exported function returns (`module.exports = appInfo => { const config = {};
  // config.cors = { ... }; return config; }`); egg merges the files, later environments over `default`.
  {
    framework: 'Egg.js',
    library: 'egg-cors',
    file: /^config\/config\.[\w-]+\.[cm]?[jt]s$/,
    dependencies: ['egg-cors'],
    exportName: 'default',
    path: ['cors'],
  },
  // LoopBack 3: `server/middleware.<env>.js` exports the same shape as middleware.json (see `loopback-boot`).
  {
    framework: 'LoopBack 3',
    library: 'cors',
    // The app root is the folder given to boot(): `server/` as generated, `src/` in some apps.
    file: /^(?:server|src)\/middleware(?:\.[\w-]+)?\.js$/,
    dependencies: ['loopback', 'loopback-boot'],
    exportName: 'default',
    path: [{ anyKey: true }, 'cors', LOOPBACK3_ENABLED, 'params'],
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
