/**
 * Calls that take CORS options: found by module (however imported or renamed), by the shape of the call,
 * by auto-imported name, or by the type an options object is declared with.
 */
import { CLOUD_MODULE_SITES, CLOUD_SHAPE_SITES } from './cloud-sites';
import { LOOPBACK3_ENABLED, type ConventionStep } from './convention-table';
import type { LibraryId } from './library-types';

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
  /** `argument`: the export itself is handed to a call (hapi `server.ext('onPreResponse', corsHeaders)`). */
  readonly kind: 'call' | 'construct' | 'register' | 'argument';
  /** `none`: the call takes no CORS options; it always applies the library's defaults. */
  readonly optionsArg: number | 'last' | 'none';
  readonly optionsPath: readonly string[];
  /** CORS is on when the options say nothing about it (`createYoga({ schema })`): the defaults apply. */
  readonly onByDefault?: boolean;
  /** CORS is on by default only when the value at `path` of the options argument is one of `values`. */
  readonly onByDefaultWhen?: OnByDefaultWhen;
  /** The argument may be a function returning the options (vite `defineConfig(({ mode }) => ({ ... }))`). */
  readonly argumentFactory?: boolean;
  /** When the file imports one of these modules (a server adapter), the options follow its library. */
  readonly adapters?: readonly { readonly module: string; readonly library: LibraryId }[];
  /** The call loads its settings from data files (LoopBack 3 `boot(app, __dirname)` reads middleware.json). */
  readonly dataFiles?: DataFiles;
  /** The settings take effect only where the project registers the middleware (see `Registration`). */
  readonly registration?: Registration;
  /**
   * Methods of the instance the call returns that set an option afterwards (socket.io 2 `io.origins(fn)`
   * sets `origins`): a call of one on the variable holding the instance counts as that option.
   */
  readonly instanceSetters?: readonly string[];
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

/** A setting that decides whether a library's CORS defaults apply (mcp-framework: the transport's type). */
export interface OnByDefaultWhen {
  readonly path: readonly string[];
  readonly values: readonly string[];
}

/** NestJS on Fastify: `new FastifyAdapter()` hands the CORS options to @fastify/cors. */
const NEST_ADAPTERS = [{ module: '@nestjs/platform-fastify', library: 'nestjs-fastify' }] as const;

/** LoopBack 3 environments whose `middleware.<env>.json` overrides middleware.json (loopback-boot). */
const LOOPBACK_ENVS = ['development', 'production', 'staging', 'test', 'local'];

/**
 * Platforms (./libraries/platforms.ts): Firebase Functions v2 `onRequest` / `onCall` (`firebase-functions/https`
 * is the 7.x name of `firebase-functions/v2/https`; both also as `https.onRequest` of `firebase-functions/v2`),
 * itty-router 5 `cors(options)`, and `nextjs-cors` (`NextCors(req, res, options)` hands `options` to `cors`:
 * 2.2.1 dist/index.js).
 */
const FIREBASE_HTTPS = ['firebase-functions/v2/https', 'firebase-functions/https'];
/** deno.land/x/cors as the option sites name it; a versioned URL (`cors@v1.2.2`) is read as this one. */
export const DENO_CORS = 'https://deno.land/x/cors/mod.ts';
const PLATFORM_OPTION_SITES: readonly ModuleOptionSite[] = [
  ...(['onRequest', 'onCall'] as const).flatMap((name): ModuleOptionSite[] => {
    const library = name === 'onRequest' ? 'firebase-functions' : 'firebase-callable';
    const row = { library, kind: 'call', optionsArg: 0, optionsPath: ['cors'] } as const;
    return [
      { ...row, modules: FIREBASE_HTTPS, path: [name] },
      { ...row, modules: ['firebase-functions/v2'], path: ['https', name] },
    ];
  }),
  {
    library: 'itty-router',
    modules: ['itty-router', 'itty-router/cors'],
    path: ['cors'],
    kind: 'call',
    optionsArg: 0,
    optionsPath: [],
  },
  // itty-router 4 (`createCors`, gone in 5).
  {
    library: 'itty-router-v4',
    modules: ['itty-router', 'itty-router/createCors'],
    path: ['createCors'],
    kind: 'call',
    optionsArg: 0,
    optionsPath: [],
  },
  {
    library: 'tinyhttp-cors',
    modules: ['@tinyhttp/cors'],
    path: ['cors'],
    kind: 'call',
    optionsArg: 0,
    optionsPath: [],
  },
  { library: 'hattip-cors', modules: ['@hattip/cors'], path: ['cors'], kind: 'call', optionsArg: 0, optionsPath: [] },
  { library: 'micro-cors', modules: ['micro-cors'], path: [], kind: 'call', optionsArg: 0, optionsPath: [] },
  // restify: `const cors = corsMiddleware(options); server.pre(cors.preflight); server.use(cors.actual)`.
  {
    library: 'restify-cors',
    modules: ['restify-cors-middleware2'],
    path: [],
    kind: 'call',
    optionsArg: 0,
    optionsPath: [],
  },
  {
    library: 'restify-cors-v1',
    modules: ['restify-cors-middleware'],
    path: [],
    kind: 'call',
    optionsArg: 0,
    optionsPath: [],
  },
  // hapi-cors-headers takes no options: the export is the `onPreResponse` extension itself.
  {
    library: 'hapi-cors-headers',
    modules: ['hapi-cors-headers'],
    path: [],
    kind: 'argument',
    optionsArg: 'none',
    optionsPath: [],
  },
  // Deno: `oakCors(options)` of deno.land/x/cors (any version: see `denoModuleName` in sites.ts).
  {
    library: 'oak-cors',
    modules: [DENO_CORS],
    path: ['oakCors'],
    kind: 'call',
    optionsArg: 0,
    optionsPath: [],
  },
  { library: 'cors', modules: ['nextjs-cors'], path: [], kind: 'call', optionsArg: 2, optionsPath: [] },
];

/**
 * Servers that run on the developer's or the user's machine (./libraries/local.ts): vite's `server.cors` in
 * `defineConfig`, mcp-framework's `new MCPServer({ transport: { options: { cors } } })`,
 * cors-anywhere's `createServer(options)` (its `*` does not depend on the options) and Deno's
 * `serveDir(request, { enableCors })`. mcp-framework's defaults (`*`) apply to its HTTP transports even
 * without a `cors` option (0.2.11 to 0.2.22 merge `DEFAULT_CORS_CONFIG` into both), but a stdio server (the
 * default transport) has no HTTP at all: the defaults apply only when `transport.type` names an HTTP one.
 */
const LOCAL_OPTION_SITES: readonly ModuleOptionSite[] = [
  // One options path per call: the dev server's (`preview.cors` is not read).
  {
    library: 'vite',
    modules: ['vite'],
    path: ['defineConfig'],
    kind: 'call',
    optionsArg: 0,
    optionsPath: ['server', 'cors'],
    argumentFactory: true,
  },
  {
    library: 'mcp-framework',
    modules: ['mcp-framework'],
    path: ['MCPServer'],
    kind: 'construct',
    optionsArg: 0,
    optionsPath: ['transport', 'options', 'cors'],
    onByDefaultWhen: { path: ['transport', 'type'], values: ['http-stream', 'sse'] },
  },
  {
    library: 'cors-anywhere',
    modules: ['cors-anywhere'],
    path: ['createServer'],
    kind: 'call',
    optionsArg: 'none',
    optionsPath: [],
  },
  {
    library: 'std-file-server',
    modules: ['@std/http', '@std/http/file-server', 'jsr:@std/http', 'jsr:@std/http/file-server'],
    path: ['serveDir'],
    kind: 'call',
    optionsArg: 1,
    optionsPath: [],
  },
];

export const MODULE_OPTION_SITES: readonly ModuleOptionSite[] = [
  ...PLATFORM_OPTION_SITES,
  ...LOCAL_OPTION_SITES,
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
      path: [{ anyKey: true }, 'cors', LOOPBACK3_ENABLED, 'params'],
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
    // GraphQL Yoga 2: `createServer({ schema, cors })` of `@graphql-yoga/node` (and of `@graphql-yoga/common`).
    library: 'yoga',
    modules: ['@graphql-yoga/node', '@graphql-yoga/common'],
    path: ['createServer'],
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
    instanceSetters: ['origins'],
  },
  // socket.io 2 also exports `listen` (the same as calling the module), and sets `origins` on the instance
  // with `io.origins(value)` (2.5.1 lib/index.js: `Server.listen = Server`, `Server.prototype.origins`).
  ...[[], ['listen']].map((path): ModuleOptionSite => ({
    library: 'socket.io',
    modules: ['socket.io'],
    path,
    kind: 'call',
    optionsArg: 'last',
    optionsPath: ['cors'],
    instanceSetters: ['origins'],
  })),
  {
    library: 'socket.io',
    modules: ['socket.io'],
    path: [],
    kind: 'construct',
    optionsArg: 'last',
    optionsPath: ['cors'],
    instanceSetters: ['origins'],
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
  ...CLOUD_MODULE_SITES,
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
 * Constructs a framework makes global (SST 3 injects `sst` into `sst.config.ts` and the modules it loads):
 * `new sst.aws.ApiGatewayV2(name, { cors })` where `sst` is not declared in the file. The member chain is
 * specific enough to need no dependency check.
 */
export interface GlobalConstructSite {
  readonly framework: string;
  readonly library: LibraryId;
  readonly global: string;
  readonly path: readonly string[];
  readonly optionsArg: number;
  readonly optionsPath: readonly string[];
  readonly onByDefault?: boolean;
}

export const GLOBAL_CONSTRUCT_SITES: readonly GlobalConstructSite[] = [
  {
    framework: 'SST 3',
    library: 'sst3-api-v2',
    global: 'sst',
    path: ['aws', 'ApiGatewayV2'],
    optionsArg: 1,
    optionsPath: ['cors'],
    onByDefault: true,
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
  ...CLOUD_SHAPE_SITES,
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
  // Firebase Functions v2: `const opts: HttpsOptions = { region, cors: true }` shared between functions.
  { library: 'firebase-functions', modules: FIREBASE_HTTPS, types: ['HttpsOptions'], path: ['cors'] },
  { library: 'firebase-callable', modules: FIREBASE_HTTPS, types: ['CallableOptions'], path: ['cors'] },
  { library: 'itty-router', modules: ['itty-router', 'itty-router/cors'], types: ['CorsOptions'], path: [] },
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
/**
 * Deno's standard library by URL (`https://deno.land/std@0.224.0/http/file_server.ts`): the same module as
 * `@std/http/file-server`.
 */
const DENO_STD_FILE_SERVER = /^https:\/\/deno\.land\/std(?:@[^/]+)?\/http\/file_server\.ts$/;
export function knownModuleAlias(specifier: string): string | undefined {
  return DENO_STD_FILE_SERVER.test(specifier) ? '@std/http/file-server' : undefined;
}

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
