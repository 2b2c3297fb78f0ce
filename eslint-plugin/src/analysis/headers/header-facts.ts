/**
 * What each CORS (and CORS-related) header means to a browser, in the project's own words: the facts
 * hovers explain. Facts follow the Fetch standard and ../shared/cors-reference.md.
 */

export type HeaderDirection = 'response' | 'request';
export type RequestType = 'simple' | 'preflight' | 'credentialed';

export interface HeaderFacts {
  /** Canonical spelling. */
  readonly name: string;
  readonly direction: HeaderDirection;
  /** One sentence: what it does. */
  readonly purpose: string;
  /** Which requests it matters for. */
  readonly matters: readonly RequestType[];
  /** The valid values, in words. */
  readonly values: string;
  /** The key under `http.headers` in @mdn/browser-compat-data. */
  readonly compatKey: string;
  readonly mdn: string;
}

const MDN = 'https://developer.mozilla.org/docs/Web/HTTP/Reference/Headers';

function facts(
  name: string,
  direction: HeaderDirection,
  matters: readonly RequestType[],
  purpose: string,
  values: string,
): HeaderFacts {
  return { name, direction, matters, purpose, values, compatKey: name, mdn: `${MDN}/${name}` };
}

export const HEADER_FACTS: readonly HeaderFacts[] = [
  facts(
    'Access-Control-Allow-Origin',
    'response',
    ['simple', 'preflight', 'credentialed'],
    "Names the one origin whose pages may read this response; the browser compares it with the requesting page's origin and hides the response on a mismatch.",
    '`*` (any origin, but only for requests without credentials), exactly one origin (`https://app.example.com`: scheme, host and optional port, no path, no trailing slash), or `null`. A list of origins is invalid.',
  ),
  facts(
    'Access-Control-Allow-Credentials',
    'response',
    ['credentialed', 'preflight'],
    "Lets the page read the response of a request sent with the user's cookies or HTTP authentication (and, on a preflight, lets such a request be sent at all).",
    'Only `true` (lower case) means yes; any other value, or no header, means no. Requires an exact origin in `Access-Control-Allow-Origin`, never `*`.',
  ),
  facts(
    'Access-Control-Allow-Methods',
    'response',
    ['preflight'],
    'Answers a preflight: the methods the actual request may use. GET, HEAD and POST are always allowed.',
    'A comma-separated list of methods, or `*` (any method, only without credentials: with credentials `*` is a literal method name).',
  ),
  facts(
    'Access-Control-Allow-Headers',
    'response',
    ['preflight'],
    'Answers a preflight: the request headers the actual request may send, beyond the safelisted ones.',
    'A comma-separated list of header names, or `*` (any header except `Authorization`, and only without credentials).',
  ),
  facts(
    'Access-Control-Expose-Headers',
    'response',
    ['simple', 'credentialed'],
    'Response headers the page may read, beyond the always-readable Cache-Control, Content-Language, Content-Length, Content-Type, Expires, Last-Modified and Pragma.',
    'A comma-separated list of header names, or `*` (all headers, only without credentials).',
  ),
  facts(
    'Access-Control-Max-Age',
    'response',
    ['preflight'],
    'How long the browser may reuse this preflight answer before asking again.',
    'Whole seconds. Without it browsers keep the answer 5 s; Chromium keeps at most 7,200 s (2 h), Firefox at most 86,400 s (24 h); `-1` disables caching.',
  ),
  facts(
    'Access-Control-Request-Method',
    'request',
    ['preflight'],
    'Sent by the browser in a preflight: the method the actual request will use.',
    'One method name. Set by the browser, not by page scripts.',
  ),
  facts(
    'Access-Control-Request-Headers',
    'request',
    ['preflight'],
    'Sent by the browser in a preflight: the non-safelisted headers the actual request will carry.',
    'A comma-separated, lower-case list of header names. Set by the browser, not by page scripts.',
  ),
  facts(
    'Origin',
    'request',
    ['simple', 'preflight', 'credentialed'],
    "The origin of the page making the request. The attacker's page chooses it (any domain it can register), and non-browser clients can send anything, so it says where a request comes from, not who may have the data.",
    '`scheme://host[:port]` with a lower-case host, or `null` (sandboxed iframes, `data:` URLs, some redirects).',
  ),
  facts(
    'Vary',
    'response',
    ['simple', 'credentialed'],
    "Request headers that changed this response, so caches keep one copy per value. When `Access-Control-Allow-Origin` depends on the request, `Vary: Origin` stops a shared cache or CDN from serving one origin's answer to another.",
    'A comma-separated list of request header names (`Origin`), or `*`.',
  ),
  facts(
    'Timing-Allow-Origin',
    'response',
    ['simple'],
    'Origins that may see detailed Resource Timing data (DNS, connection, transfer times) for this resource.',
    '`*`, or a list of origins (unlike `Access-Control-Allow-Origin`, several are allowed here).',
  ),
];

const BY_NAME = new Map(HEADER_FACTS.map((f) => [f.name.toLowerCase(), f]));

/** The facts for a header name, case-insensitive. */
export function headerFacts(name: string): HeaderFacts | undefined {
  if (name.length < 4 || name.length > 32) return undefined;
  return BY_NAME.get(name.trim().toLowerCase());
}

/** Request headers a page may send without a preflight (values permitting). */
export const SAFELISTED_REQUEST_HEADERS: ReadonlySet<string> = new Set([
  'accept',
  'accept-language',
  'content-language',
  'content-type',
  'range',
]);

/** Methods that never need to be listed in Access-Control-Allow-Methods. */
export const SAFELISTED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST']);

/** Response headers a page can always read. */
export const SAFELISTED_RESPONSE_HEADERS: ReadonlySet<string> = new Set([
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
]);

/** Browsers' caps on Access-Control-Max-Age, in seconds. */
export const MAX_AGE_CAPS = { chromium: 7200, firefox: 86400, default: 5 } as const;
