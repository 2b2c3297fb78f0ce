/**
 * Header values as a browser reads them: what a literal value of a CORS header means, its invalid forms
 * and risky choices, in words (the editor renders them). Facts per header are in header-facts.ts.
 */
import {
  headerFacts,
  MAX_AGE_CAPS,
  SAFELISTED_METHODS,
  SAFELISTED_REQUEST_HEADERS,
  SAFELISTED_RESPONSE_HEADERS,
  type HeaderFacts,
} from './header-facts';
import { parseAllowOriginValue } from './header-names';
import { isLocalHost, parseOrigin } from '../checks/origins';

export interface DecodedValue {
  readonly facts: HeaderFacts;
  readonly value: string;
  /** What the browser does with it, in one sentence. */
  readonly meaning: string;
  readonly details: readonly string[];
  /** Invalid forms and risky choices. */
  readonly problems: readonly string[];
}

export interface DecodeContext {
  /** Whether the same response allows credentials (changes what `*` means). */
  readonly credentials?: boolean;
}

export function decodeHeaderValue(name: string, value: string, ctx: DecodeContext = {}): DecodedValue | undefined {
  const facts = headerFacts(name);
  if (!facts) return undefined;
  const details: string[] = [];
  const problems: string[] = [];
  const v = value.trim();
  let meaning: string;
  switch (facts.name) {
    case 'Access-Control-Allow-Origin':
    case 'Origin': {
      const request = facts.name === 'Origin';
      const form = parseAllowOriginValue(v);
      if (form.form === 'wildcard' && !request) {
        meaning = 'Any origin may read this response, but only without credentials.';
        if (ctx.credentials)
          problems.push(
            'With `Access-Control-Allow-Credentials: true`, browsers reject `*`: credentialed requests fail.',
          );
      } else if (form.form === 'null') {
        meaning = request
          ? 'The request comes from an opaque origin: a sandboxed iframe, a `data:` URL or a redirect.'
          : 'Only pages with an opaque origin may read this response: sandboxed iframes and `data:` URLs, which any website can create.';
        if (!request) problems.push('Trusting `null` lets any website in through a sandboxed iframe.');
      } else if (form.form === 'origin') {
        const parts = parseOrigin(form.origin);
        meaning = request
          ? `The request comes from a page on \`${form.origin}\`.`
          : `Only pages on \`${form.origin}\` may read this response${ctx.credentials ? ", with the user's cookies" : ''}.`;
        if (!parts)
          problems.push('Not a valid origin: browsers compare the exact string, and wildcards are not supported.');
        if (parts) {
          details.push(
            `scheme \`${parts.scheme}\`, host \`${parts.host}\`, port ${parts.port}${parts.defaultPort ? ' (the default)' : ''}`,
          );
          if (parts.host !== parts.host.toLowerCase())
            problems.push('Browsers send hosts in lower case: this never matches the `Origin` they send.');
          if (parts.scheme === 'http' && !isLocalHost(parts.host))
            problems.push('Plain `http`: anyone on the network path can act as this origin.');
        }
      } else {
        meaning = request ? 'Not an origin a browser sends.' : 'Browsers reject this value: the response stays hidden.';
        const reason = form.form === 'invalid' ? form.reason : 'not-an-origin';
        problems.push(
          {
            'trailing-slash': 'An origin never ends in `/`: the comparison with the page origin always fails.',
            path: 'An origin has no path: the comparison with the page origin always fails.',
            list: 'Only one origin is allowed: a list is invalid. Send the one matching origin, chosen from an allowlist.',
            'not-an-origin': 'Expected `*`, `null` or `scheme://host[:port]`.',
          }[reason],
        );
      }
      break;
    }
    case 'Access-Control-Allow-Credentials':
      if (v === 'true') {
        meaning = "Responses to requests with the user's cookies are readable (if the origin matches exactly).";
      } else {
        meaning = `Credentials not allowed: \`${v || '(empty)'}\` is not \`true\`, so browsers treat it as absent.`;
        if (v.toLowerCase() === 'true') problems.push('Only lower-case `true` counts.');
      }
      break;
    case 'Access-Control-Allow-Methods':
    case 'Access-Control-Allow-Headers':
    case 'Access-Control-Expose-Headers': {
      const list = splitList(v);
      const kind = facts.name === 'Access-Control-Allow-Methods' ? 'methods' : 'headers';
      const isSafelisted =
        facts.name === 'Access-Control-Allow-Methods'
          ? (x: string) => SAFELISTED_METHODS.has(x.toUpperCase())
          : facts.name === 'Access-Control-Allow-Headers'
            ? (x: string) => SAFELISTED_REQUEST_HEADERS.has(x.toLowerCase())
            : (x: string) => SAFELISTED_RESPONSE_HEADERS.has(x.toLowerCase());
      const star = list.includes('*');
      if (star && ctx.credentials) {
        meaning = `With credentials, \`*\` is the literal name \`*\`, not a wildcard: only the other ${kind} listed count.`;
      } else if (star) {
        meaning =
          facts.name === 'Access-Control-Allow-Headers'
            ? 'Any request header is allowed, except `Authorization` (credentials-free requests only).'
            : facts.name === 'Access-Control-Allow-Methods'
              ? 'Any method is allowed (credentials-free requests only).'
              : 'Every response header is readable (credentials-free requests only).';
      } else {
        meaning = `${list.length} ${kind} listed: ${list.map((x) => `\`${x}\``).join(', ') || '(none)'}.`;
      }
      const safelisted = list.filter((x) => x !== '*' && isSafelisted(x));
      if (safelisted.length > 0)
        details.push(`Always allowed anyway (safelisted): ${safelisted.map((x) => `\`${x}\``).join(', ')}.`);
      if (
        star &&
        facts.name === 'Access-Control-Allow-Headers' &&
        !list.some((x) => x.toLowerCase() === 'authorization')
      )
        details.push('`Authorization` is never covered by `*`: list it if requests send it.');
      const bad = list.filter((x) => x !== '*' && !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(x));
      if (bad.length > 0) problems.push(`Not valid names: ${bad.map((x) => `\`${x}\``).join(', ')}.`);
      break;
    }
    case 'Access-Control-Max-Age': {
      const n = /^-?\d+$/.test(v) ? Number(v) : NaN;
      if (Number.isNaN(n)) {
        meaning = `Not a whole number of seconds: browsers keep the preflight answer for the default ${MAX_AGE_CAPS.default} s.`;
        problems.push('Expected whole seconds.');
      } else if (n <= 0) {
        meaning = 'Preflight answers are not cached: every non-simple request is preceded by a preflight.';
      } else {
        meaning = `Preflight answers may be reused for ${duration(n)}.`;
        details.push(
          `Chromium keeps ${duration(Math.min(n, MAX_AGE_CAPS.chromium))}${n > MAX_AGE_CAPS.chromium ? ' (its cap)' : ''}; Firefox ${duration(Math.min(n, MAX_AGE_CAPS.firefox))}${n > MAX_AGE_CAPS.firefox ? ' (its cap)' : ''}.`,
        );
      }
      break;
    }
    case 'Vary': {
      const list = splitList(v);
      const origin = list.some((x) => x.toLowerCase() === 'origin');
      meaning = list.includes('*')
        ? 'Every request is unique to caches: nothing is reused.'
        : `Caches keep one copy per value of ${list.map((x) => `\`${x}\``).join(', ')}.`;
      if (origin) details.push('`Origin` is listed: a cache never serves one origin the answer meant for another.');
      break;
    }
    default:
      meaning = facts.purpose;
  }
  return { facts, value: v, meaning, details, problems };
}

export function splitList(v: string): string[] {
  return v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

/** `86,400 s (24 h)`. */
export function duration(seconds: number): string {
  const s = `${seconds.toLocaleString('en-US')} s`;
  if (seconds >= 3600 && seconds % 3600 === 0) return `${s} (${seconds / 3600} h)`;
  if (seconds >= 60 && seconds % 60 === 0) return `${s} (${seconds / 60} min)`;
  return s;
}
