/**
 * Servers that run on the developer's or the user's own machine and come with CORS settings of their own:
 * vite's dev and preview servers, mcp-framework's HTTP transports, the cors-anywhere proxy and Deno's
 * `serveDir`. Where they run is read by ../../local-server.ts; these rows say what their options send.
 */
import type { LibraryId, LibrarySemantics } from '../library-types';
import { corsLike } from './cors-like';

export const LOCAL_LIBRARIES = {
  // vite 8.3.8 (dist/node/chunks/node.js, the dev server and `preview`): `if (cors !== false)
  // middlewares.use(corsMiddleware(typeof cors === 'boolean' ? {} : cors))`, the `cors` package, so `cors: true`
  // is `cors({})`: `*` for every origin. An options object is merged into vite's default `{ origin:
  // defaultAllowedOrigins }` (localhost, 127.0.0.1 and [::1] origins only, the CVE-2025-24010 fix of 6.0.9,
  // 5.4.12 and 4.5.6), so one without `origin` keeps that default, which admits no website: no policy is
  // read from it (before the fix the default was `*`: not modelled, the declared range rarely says).
  vite: {
    id: 'vite',
    packageName: 'vite',
    ...corsLike,
    ownDefaultOrigin: 'vite keeps its own default, localhost origins only',
  },
  // mcp-framework 0.2.22 (dist/core/MCPServer.js, dist/transports/http/server.js, sse/server.js): the
  // `http-stream` and `sse` transports send `cors.allowOrigin || '*'` as Access-Control-Allow-Origin on every
  // response, with fixed methods and headers; `cors.allowedOrigins` is a separate exact check that answers
  // 403 (read as a gate by local-server.ts). No credentials option, no list, RegExp or function.
  'mcp-framework': {
    id: 'mcp-framework',
    packageName: 'mcp-framework',
    ...corsLike,
    originOption: 'allowOrigin',
    credentialsOption: '',
    acceptsArray: false,
    acceptsRegExp: false,
    responses: {
      methodsOption: 'allowMethods',
      defaultMethods: 'GET, POST, DELETE, OPTIONS',
      headersOption: 'allowHeaders',
      defaultHeaders: 'Content-Type, Accept, Authorization, x-api-key, Mcp-Session-Id, Last-Event-ID',
      exposeOption: 'exposeHeaders',
      defaultExpose: 'Content-Type, Authorization, x-api-key, Mcp-Session-Id',
      maxAgeOption: 'maxAge',
      defaultMaxAge: 86400,
    },
  },
  // cors-anywhere 0.4.4 (lib/cors-anywhere.js `withCORS`): every response, 403s included, gets
  // `access-control-allow-origin: *`, the preflight's requested method and headers back, and no credentials.
  // `originWhitelist` (default `[]`: every origin) is an exact `indexOf` check answering 403, read as a gate by
  // local-server.ts; the options hold no origin setting.
  'cors-anywhere': {
    id: 'cors-anywhere',
    packageName: 'cors-anywhere',
    ...corsLike,
    originOption: '',
    credentialsOption: '',
    responses: {
      defaultMethods: 'reflect',
      headersOption: '',
      defaultHeaders: 'reflect',
      exposeOption: '',
      maxAgeOption: 'corsMaxAge',
    },
  },
  // Deno's standard library, `serveDir(request, { enableCors: true })` (@std/http `file_server.ts`, the
  // `serveDir` of std 0.2xx and of @std/http 1.x read the same): `if (opts.enableCors)` appends
  // `access-control-allow-origin: *` and a fixed Allow-Headers to every response; unset or false, nothing.
  'std-file-server': {
    id: 'std-file-server',
    packageName: '@std/http',
    ...corsLike,
    originOption: 'enableCors',
    trueIsWildcard: true,
    enabledOption: { name: 'enableCors', unsetMeans: false },
    credentialsOption: '',
    acceptsArray: false,
    acceptsRegExp: false,
    responses: {
      headersOption: '',
      defaultHeaders: 'Origin, X-Requested-With, Content-Type, Accept, Range',
      exposeOption: '',
      maxAgeOption: '',
    },
  },
} satisfies Partial<Record<LibraryId, LibrarySemantics>>;
