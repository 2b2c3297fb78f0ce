/** Call shapes that set response headers, and the look-alikes (HTTP clients, assertions) that do not. */
/** Methods that set a response header from `(name, value)`: node, Express, Koa, Fastify, Hono, hapi, Headers. */
export const HEADER_SETTER_METHODS: ReadonlySet<string> = new Set([
  'setHeader',
  'appendHeader',
  'set',
  'header',
  'append',
  'setHeaders',
]);

/**
 * Functions that set a response header from `(event, name, value)`: h3 (Nitro, Nuxt server routes and
 * middleware), imported from `h3` or auto-imported; `setHeader` and `appendHeader` are h3 1.x's older names.
 */
export const EVENT_HEADER_SETTERS: ReadonlySet<string> = new Set([
  'setResponseHeader',
  'appendResponseHeader',
  'setHeader',
  'appendHeader',
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
