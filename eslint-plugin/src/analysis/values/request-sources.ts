/**
 * Recognises reads of the request's `Origin` header (and of other attacker-controlled request data)
 * across frameworks, by shape: `req.headers.origin`, `req.get('origin')`, `ctx.request.header.origin`,
 * `request.headers.get('origin')`, `c.req.header('origin')`, `event.headers.Origin`, ...
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { calleeObject, memberName, stringLiteralValue, unwrap, type Node } from '../ast';

export interface RequestRead {
  /** `origin`: the Origin header; `request`: other request data an attacker controls. */
  readonly kind: 'origin' | 'request';
  /** What was read, for messages: `req.headers.origin`, `query parameter "o"`. */
  readonly what: string;
}

/** Names request objects go by in handlers of the supported frameworks. */
const REQUEST_NAMES = new Set([
  'req',
  'request',
  '_req',
  'ctx',
  'context',
  'c',
  'event',
  'evt',
  'incomingRequest',
  'incoming',
  'httpRequest',
  'rawRequest',
]);
const REQUEST_MEMBERS = new Set(['req', 'request', 'raw', 'rawRequest']);
const HEADERS_MEMBERS = new Set(['headers', 'header', 'multiValueHeaders']);
const HEADERS_NAMES = new Set(['headers', 'reqHeaders', 'requestHeaders', 'incomingHeaders']);
const QUERY_MEMBERS = new Set(['query', 'params', 'body', 'queryStringParameters', 'pathParameters', 'cookies']);
const HEADER_GETTERS = new Set(['get', 'header', 'getHeader']);

function isRequestObject(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === T.Identifier) return REQUEST_NAMES.has(n.name);
  if (n.type === T.MemberExpression) {
    const name = memberName(n);
    return name !== undefined && REQUEST_MEMBERS.has(name);
  }
  return false;
}

function isHeadersObject(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === T.Identifier) return HEADERS_NAMES.has(n.name);
  // h3: getRequestHeaders(event), getHeaders(event)
  if (n.type === T.CallExpression) {
    const callee = unwrap(n.callee);
    return callee.type === T.Identifier && EVENT_HEADERS_GETTERS.has(callee.name) && isEventArgument(n.arguments[0]);
  }
  if (n.type === T.MemberExpression) {
    const name = memberName(n);
    if (name === undefined || !HEADERS_MEMBERS.has(name)) return false;
    return isRequestObject(n.object) || (name === 'headers' && isHandlerRequestParameter(n.object));
  }
  return false;
}

/**
 * Minified and renamed code (`function(t,e){e.setHeader("Access-Control-Allow-Origin",t.headers.origin)}`):
 * by shape, not name, `X.headers` is the request's headers when X is the first parameter of the nearest
 * function that declares it, and that function takes a second parameter (Node's `(req, res)` handler
 * signature, Express's `(req, res, next)`).
 */
function isHandlerRequestParameter(node: Node): boolean {
  const n = unwrap(node);
  if (n.type !== T.Identifier) return false;
  for (let at: Node | undefined = n.parent; at; at = at.parent) {
    if (at.type !== T.FunctionExpression && at.type !== T.ArrowFunctionExpression && at.type !== T.FunctionDeclaration)
      continue;
    const index = at.params.findIndex((p) => p.type === T.Identifier && p.name === n.name);
    if (index === -1) {
      // Declared in this function's body instead: not a parameter we can read by shape.
      if (declaresInBody(at, n.name)) return false;
      continue;
    }
    return index === 0 && at.params.length >= 2 && at.params[1]!.type === T.Identifier;
  }
  return false;
}

/** Whether a function's own body declares `name` at its top (a `var`/`let`/`const`), shadowing outer ones. */
function declaresInBody(fn: TSESTree.FunctionLike, name: string): boolean {
  const body = fn.body;
  if (!body || body.type !== T.BlockStatement) return false;
  return body.body.some(
    (s) =>
      s.type === T.VariableDeclaration && s.declarations.some((d) => d.id.type === T.Identifier && d.id.name === name),
  );
}

function isQueryObject(node: Node): boolean {
  const n = unwrap(node);
  if (n.type !== T.MemberExpression) return false;
  const name = memberName(n);
  if (name === 'query' && isParsedRequestUrl(n.object)) return true;
  return name !== undefined && QUERY_MEMBERS.has(name) && isRequestObject(n.object);
}

/** `url.parse(req.url, true)`, `parse(req.url, true)`: the request URL, with its query parsed. */
function isParsedRequestUrl(node: Node): boolean {
  const n = unwrap(node);
  if (n.type !== T.CallExpression) return false;
  const callee = unwrap(n.callee);
  const name =
    callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? memberName(callee) : undefined;
  const arg = n.arguments[0];
  if (name !== 'parse' || !arg || arg.type === T.SpreadElement) return false;
  const a = unwrap(arg);
  return a.type === T.MemberExpression && memberName(a) === 'url' && isRequestObject(a.object);
}

/**
 * A request header read: the Origin, or the Referer (the attacker's page URL, set by the browser). Other
 * headers are not attacker data in CORS terms: a cross-origin page cannot set a custom header on a simple
 * request, and a preflight carries only header names.
 */
function headerRead(name: string, what: string): RequestRead | undefined {
  const lower = name.toLowerCase();
  if (lower === 'origin') return { kind: 'origin', what };
  // The browser sets Referer to the attacker's own page: its origin is the attacker's.
  if (lower === 'referer' || lower === 'referrer') return { kind: 'request', what };
  return undefined;
}

/** A read of `key` from `base` (used for destructuring `const { origin } = req.headers`). */
export function requestReadOfKey(base: Node, key: string, text: string): RequestRead | undefined {
  if (isHeadersObject(base)) return headerRead(key, text);
  if (isQueryObject(base)) return { kind: 'request', what: `request parameter \`${key}\`` };
  return undefined;
}

/** A read of a property path from `base` (`const { headers: { origin } } = event`). */
export function requestReadOfPath(base: Node, keys: readonly string[], text: string): RequestRead | undefined {
  if (keys.length === 1) return requestReadOfKey(base, keys[0]!, text);
  if (keys.length === 2 && isRequestObject(base)) {
    if (HEADERS_MEMBERS.has(keys[0]!)) return headerRead(keys[1]!, text);
    if (QUERY_MEMBERS.has(keys[0]!)) return { kind: 'request', what: `request parameter \`${keys[1]!}\`` };
  }
  return undefined;
}

/**
 * Classifies an expression that reads request data. `text` renders a node for messages.
 */
export function requestRead(node: Node, text: (n: Node) => string): RequestRead | undefined {
  const n = unwrap(node);
  if (n.type === T.MemberExpression) {
    const key = memberName(n);
    if (key !== undefined) {
      const direct = requestReadOfKey(n.object, key, text(n));
      if (direct) return direct;
    }
    // The query or body object itself (`const q = url.parse(req.url, true).query`): all of it is the attacker's.
    if (isQueryObject(n)) return { kind: 'request', what: text(n) };
    // `event.multiValueHeaders.origin[0]`
    if (n.computed && n.property.type === T.Literal && typeof n.property.value === 'number') {
      return requestRead(n.object, text);
    }
    return undefined;
  }
  if (n.type === T.CallExpression) {
    return requestReadOfCall(n, text);
  }
  return undefined;
}

/** h3 (Nitro, Nuxt): `getRequestHeader(event, 'origin')`, `getHeader(event, 'origin')`, imported or auto-imported. */
const EVENT_HEADER_GETTERS = new Set(['getRequestHeader', 'getHeader']);
/** h3: `getRequestHeaders(event)`, `getHeaders(event)`: the request's headers as an object. */
const EVENT_HEADERS_GETTERS = new Set(['getRequestHeaders', 'getHeaders']);

/** The h3 event a getter is given: `event`, `e`, `ev`, `evt`, `h3Event`, `_event`. */
function isEventArgument(arg: Node | undefined): boolean {
  if (!arg || arg.type === T.SpreadElement) return false;
  const event = unwrap(arg);
  return event.type === T.Identifier && /^(?:_?event|e|ev|evt|h3Event)$/i.test(event.name);
}

function requestReadOfCall(call: TSESTree.CallExpression, text: (n: Node) => string): RequestRead | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier && EVENT_HEADER_GETTERS.has(callee.name) && call.arguments.length === 2) {
    const name = stringLiteralValue(call.arguments[1]);
    if (name !== undefined && isEventArgument(call.arguments[0])) return headerRead(name, text(call));
  }
  if (callee.type !== T.MemberExpression) return undefined;
  const method = memberName(callee);
  const receiver = calleeObject(call);
  if (!method || !receiver) return undefined;
  const arg = call.arguments[0];
  const name = stringLiteralValue(arg);
  if (HEADER_GETTERS.has(method) && name !== undefined) {
    // req.get('origin'), req.header('Origin'), ctx.get('Origin'), c.req.header('origin'),
    // request.headers.get('origin') (fetch Headers)
    if (isRequestObject(receiver) || isHeadersObject(receiver)) return headerRead(name, text(call));
  }
  if (method === 'get' && name !== undefined) {
    // url.searchParams.get('origin'), new URL(req.url).searchParams.get(...)
    const r = unwrap(receiver);
    if (r.type === T.MemberExpression && memberName(r) === 'searchParams') {
      return { kind: 'request', what: `query parameter \`${name}\`` };
    }
  }
  if (method === 'query' && isRequestObject(receiver)) {
    // Hono: c.req.query('origin')
    return { kind: 'request', what: name ? `query parameter \`${name}\`` : text(call) };
  }
  return undefined;
}
