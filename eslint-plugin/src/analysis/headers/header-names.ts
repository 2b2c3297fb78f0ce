/**
 * CORS header names and the value grammar the browser applies, shared by rules and (later) hovers.
 * Facts follow the Fetch standard; see ../shared/cors-reference.md.
 */

export const ACAO = 'access-control-allow-origin';
export const ACAC = 'access-control-allow-credentials';
export const ACAM = 'access-control-allow-methods';
export const ACAH = 'access-control-allow-headers';
export const ACEH = 'access-control-expose-headers';
export const ACMA = 'access-control-max-age';
export const VARY = 'vary';

/** Response headers that make up a CORS policy (lower case). */
export const CORS_RESPONSE_HEADERS: ReadonlySet<string> = new Set([ACAO, ACAC, ACAM, ACAH, ACEH, ACMA]);

export type CorsHeaderName =
  typeof ACAO | typeof ACAC | typeof ACAM | typeof ACAH | typeof ACEH | typeof ACMA | typeof VARY;

/** The canonical (lower-case) name if `name` is a CORS response header or `Vary`, else undefined. */
export function canonicalHeaderName(name: string): CorsHeaderName | undefined {
  // Cheap pre-filter: this runs on every string literal of a file.
  const len = name.length;
  if (len === 4) return name.toLowerCase() === VARY ? VARY : undefined;
  if (len < 22 || len > 32) return undefined;
  const lower = name.toLowerCase();
  return CORS_RESPONSE_HEADERS.has(lower) ? (lower as CorsHeaderName) : undefined;
}

/**
 * API Gateway REST response parameters name the header they set as `method.response.header.<name>` (an
 * integration response's `responseParameters`, a gateway response's, a CDK `MockIntegration`'s): the value
 * is a static string in single quotes (`"'*'"`) or a mapping expression.
 */
export const API_GATEWAY_HEADER_PREFIX = 'method.response.header.';

/** The CORS header an API Gateway response parameter key sets (`method.response.header.Access-Control-Allow-Origin`). */
export function mappedHeaderName(name: string): CorsHeaderName | undefined {
  if (name.length < 27 || name.charCodeAt(0) !== 109 /* m */ || !name.startsWith(API_GATEWAY_HEADER_PREFIX))
    return undefined;
  return canonicalHeaderName(name.slice(API_GATEWAY_HEADER_PREFIX.length));
}

/** A CORS header name as code writes it: the name itself, or an API Gateway response parameter key. */
export function headerNameOf(name: string): CorsHeaderName | undefined {
  return canonicalHeaderName(name) ?? mappedHeaderName(name);
}

/** An API Gateway static response parameter value (`"'*'"`): the text between the quotes. */
export function staticMappingValue(value: string): string | undefined {
  return value.length >= 2 && value.startsWith("'") && value.endsWith("'") ? value.slice(1, -1) : undefined;
}

/** How a browser reads an `Access-Control-Allow-Credentials` value: only `true` counts. */
export function credentialsValueAllows(value: unknown): boolean {
  if (value === true) return true;
  return typeof value === 'string' && value.trim() === 'true';
}

/** The form of a literal `Access-Control-Allow-Origin` value. */
export type AllowOriginForm =
  | { form: 'wildcard' }
  | { form: 'null' }
  | { form: 'origin'; origin: string }
  | { form: 'invalid'; reason: 'trailing-slash' | 'path' | 'list' | 'not-an-origin' };

export function parseAllowOriginValue(raw: string): AllowOriginForm {
  const value = raw.trim();
  if (value === '*') return { form: 'wildcard' };
  if (value === 'null') return { form: 'null' };
  if (/[,\s]/.test(value)) return { form: 'invalid', reason: 'list' };
  // The shape `scheme://authority[/path]`; whether the authority is a valid host is parseOrigin's question
  // (hovers ask it), since hapi's wildcard origins (`https://*.example.com`) share this shape.
  const scheme = value.indexOf('://');
  const slash = scheme < 0 ? -1 : value.indexOf('/', scheme + 3);
  const authority = scheme < 0 ? '' : value.slice(scheme + 3, slash < 0 ? undefined : slash);
  if (!/^[a-z][a-z0-9+.-]*$/i.test(value.slice(0, Math.max(scheme, 0))) || authority === '' || /[?#]/.test(authority))
    return { form: 'invalid', reason: 'not-an-origin' };
  if (slash < 0) return { form: 'origin', origin: value };
  return { form: 'invalid', reason: value.slice(slash) === '/' ? 'trailing-slash' : 'path' };
}
