/**
 * Verdicts on raw HTTP exchanges (pasted `curl -i` / `curl -v` output, `.http` and `.rest` files): the
 * same questions the code rules ask ("who can read this, with cookies?"), asked of headers a server
 * actually sent. A response that echoes the request's Origin with credentials is reflection; `*` with
 * credentials is broken. Plain data in, plain data out.
 */
import { headerBlockAt, type HeaderBlock } from './header-blocks';
import { parseAllowOriginValue } from './header-names';
import { EXAMPLE_ATTACKER } from '../checks/origins';

export type HeaderVerdictKind =
  /** Echoes the request's Origin, with credentials: any site that sends its Origin reads with cookies. */
  | 'reflection'
  /** `*` with credentials, several ACAO headers, or a value browsers reject: CORS fails. */
  | 'broken'
  /** `null` with credentials: any site can make an opaque origin. */
  | 'null-origin'
  /** `*` without credentials: public data. */
  | 'public'
  /**
   * A server on this machine (the request went to localhost, 127.0.0.1 or ::1) that lets any website read it:
   * `*`, the Origin echoed, or `null`, with or without cookies (no-exposed-local-server's finding).
   */
  | 'local-exposure'
  /** One fixed origin (not the request's, or no request to compare with). */
  | 'single-origin'
  /** No Access-Control-Allow-Origin: no other origin can read it. */
  | 'no-cors'
  /** A request's headers (no response headers to judge). */
  | 'request';

export interface HeaderVerdict {
  readonly kind: HeaderVerdictKind;
  /** `error` for reflection, broken and null with credentials; `warning` for a fixed origin without Vary. */
  readonly severity: 'error' | 'warning' | 'info';
  /** One short sentence, no Markdown (for diagnostics, titles). */
  readonly title: string;
  /** The longer why, Markdown allowed. */
  readonly detail: string;
  /** 0-based line the verdict is about (the Access-Control-Allow-Origin line, else the block's first). */
  readonly line: number;
  /** Related lines (0-based), e.g. the credentials header and the request's Origin, with a label. */
  readonly related: readonly { readonly line: number; readonly label: string }[];
}

/** A response block with the request block just before it, when there is one. */
export interface HeaderExchange {
  readonly request?: HeaderBlock;
  readonly response: HeaderBlock;
}

/** `curl -v` prefixes request lines with `> ` and response lines with `< `; the rest is the same. */
function unprefixed(line: string): string {
  return line.replace(/^[<>*] ?/, '');
}

function valuesOf(block: HeaderBlock, name: string): { value: string; line: number }[] {
  return block.headers.filter((h) => h.name.toLowerCase() === name).map((h) => ({ value: h.value, line: h.line }));
}

function isCurl(block: HeaderBlock): boolean {
  return /^\s*(?:\$\s*|>\s*|#\s*)?curl\s/.test(block.status?.text ?? '');
}

function isRequest(block: HeaderBlock): boolean {
  if (block.status?.code !== undefined) return false;
  if (block.status) return true;
  return valuesOf(block, 'access-control-allow-origin').length === 0;
}

/** A `-H 'Name: value'` / `--header "Name: value"` argument of a curl command line. */
const CURL_HEADER = /(?:^|\s)(?:-H|--header)\s*(?:'([^']*)'|"([^"]*)"|(\S+))/g;

/**
 * The request a `curl` command line sends (`curl -i -H 'Origin: https://evil.example' URL`), as a block
 * of the headers it sets: `curl -i` prints only the response, so the Origin it was asked with comes from
 * the command pasted above it.
 */
export function curlRequestAt(line: string, index: number): HeaderBlock | undefined {
  if (!/^\s*(?:\$\s*|>\s*|#\s*)?curl\s/.test(line)) return undefined;
  const headers: HeaderBlock['headers'][number][] = [];
  for (const m of line.matchAll(CURL_HEADER)) {
    const arg = m[1] ?? m[2] ?? m[3] ?? '';
    const at = arg.indexOf(':');
    if (at > 0) headers.push({ name: arg.slice(0, at).trim(), value: arg.slice(at + 1).trim(), line: index });
  }
  return { status: { line: index, text: line.trim() }, headers };
}

/** Every block of a text (lines keep their numbers), paired request -> response in order of appearance. */
export function headerExchangesIn(text: string): HeaderExchange[] {
  const raw = text.split(/\r?\n/);
  const lines = raw.map(unprefixed);
  const out: HeaderExchange[] = [];
  let pending: HeaderBlock | undefined;
  let covered = -1;
  for (let i = 0; i < lines.length; i++) {
    if (i <= covered) continue;
    const command = curlRequestAt(raw[i]!, i);
    if (command) {
      // A request block that `curl -v` prints later replaces it (it is what was sent).
      pending = command;
      continue;
    }
    const block = headerBlockAt(lines, i);
    if (!block) continue;
    covered = Math.max(block.status?.line ?? 0, ...block.headers.map((h) => h.line));
    if (isRequest(block)) {
      pending = block;
      continue;
    }
    out.push(pending ? { request: pending, response: block } : { response: block });
    pending = undefined;
  }
  if (pending && !isCurl(pending)) out.push({ response: pending });
  return out;
}

/** The exchange whose response (or request) block holds `line` (0-based), if any. */
export function headerExchangeAt(text: string, line: number): HeaderExchange | undefined {
  const inBlock = (b: HeaderBlock | undefined) =>
    !!b && [b.status?.line ?? Infinity, ...b.headers.map((h) => h.line)].some((l) => l === line);
  return headerExchangesIn(text).find((x) => inBlock(x.response) || inBlock(x.request));
}

const LOOPBACK_URL =
  /\bhttps?:\/\/(localhost|127(?:\.\d{1,3}){3}|\[::1\]|[a-z0-9-]+\.localhost)(?::\d+)?(?:[/?#\s'"]|$)/i;
const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|[a-z0-9-]+\.localhost)(?::\d+)?$/i;

/** The loopback host the request went to (its URL or its `Host` header), when the exchange shows one. */
export function loopbackTargetOf(request: HeaderBlock | undefined): string | undefined {
  if (!request) return undefined;
  const url = LOOPBACK_URL.exec(request.status?.text ?? '');
  if (url) return url[1]!;
  const host = valuesOf(request, 'host')[0]?.value.trim();
  return host && LOOPBACK_HOST.test(host) ? host.replace(/:\d+$/, '') : undefined;
}

/**
 * What the browser does with this response (given the request that produced it, when known). A response of
 * a server on this machine is judged by that threat model: every website the user visits can call it, so
 * `*`, an echoed Origin or `null` is a finding with or without cookies.
 */
export function headerBlockVerdict(exchange: HeaderExchange): HeaderVerdict {
  const verdict = remoteVerdict(exchange);
  const local = loopbackTargetOf(exchange.request);
  if (!local) return verdict;
  const exposed =
    verdict.kind === 'public' ||
    (verdict.kind === 'reflection' && verdict.severity !== 'error') ||
    (verdict.kind === 'null-origin' && verdict.severity !== 'error');
  if (!exposed) return verdict;
  const how =
    verdict.kind === 'public'
      ? 'Access-Control-Allow-Origin: *'
      : verdict.kind === 'null-origin'
        ? 'it trusts Origin: null'
        : "it echoes the request's Origin";
  return {
    ...verdict,
    kind: 'local-exposure',
    severity: 'error',
    title: `Local server: any website you visit can call ${local} and read this response (${how}).`,
    detail:
      'The request went to this machine. A server on localhost is no public API: its secret is the network position, and the browser reaches it on behalf of every page the user opens. Allow only your own UI origin, or require a token the page cannot know. (Chrome 142+ and, rolling out, Firefox ask the user before a public site reaches localhost; Safari does not; a user who clicks Allow is still exposed.)',
  };
}

function remoteVerdict(exchange: HeaderExchange): HeaderVerdict {
  const { response, request } = exchange;
  const first = response.status?.line ?? response.headers[0]?.line ?? 0;
  const acao = valuesOf(response, 'access-control-allow-origin');
  const acac = valuesOf(response, 'access-control-allow-credentials');
  const origin = request ? valuesOf(request, 'origin')[0] : undefined;
  if (acao.length === 0) {
    if (isRequest(response)) {
      const from = valuesOf(response, 'origin')[0];
      return {
        kind: 'request',
        severity: 'info',
        title: from ? `A request from ${from}; no response headers to judge.` : 'A request; no response headers.',
        detail: 'Paste the response (e.g. `curl -i`) below the request to get a verdict.',
        line: first,
        related: [],
      };
    }
    return {
      kind: 'no-cors',
      severity: 'info',
      title: 'No Access-Control-Allow-Origin: other origins cannot read this response.',
      detail: 'Browsers block cross-origin reads of a response without `Access-Control-Allow-Origin`.',
      line: first,
      related: [],
    };
  }
  const credentialsLine = acac.find((h) => h.value === 'true');
  const credentials = !!credentialsLine;
  const main = acao[0]!;
  const related: { line: number; label: string }[] = [];
  if (credentialsLine) related.push({ line: credentialsLine.line, label: 'Credentials are allowed here.' });
  if (acao.length > 1) {
    return {
      kind: 'broken',
      severity: 'error',
      title: 'Broken: several Access-Control-Allow-Origin headers; browsers reject the response.',
      detail: 'A response may carry exactly one `Access-Control-Allow-Origin` value.',
      line: acao[1]!.line,
      related: [{ line: main.line, label: 'The first Access-Control-Allow-Origin.' }],
    };
  }
  const form = parseAllowOriginValue(main.value);
  if (form.form === 'wildcard') {
    return credentials
      ? {
          kind: 'broken',
          severity: 'error',
          title: 'Broken: * with credentials; browsers reject it, so credentialed requests fail.',
          detail:
            "Browsers never accept `*` together with `Access-Control-Allow-Credentials: true`. Don't fix it by echoing the Origin (that lets every site in): list the trusted origins.",
          line: main.line,
          related,
        }
      : {
          kind: 'public',
          severity: 'info',
          title: 'Public: any website can read this response, without cookies.',
          detail: 'Fine for data that needs no login.',
          line: main.line,
          related,
        };
  }
  if (form.form === 'invalid') {
    return {
      kind: 'broken',
      severity: 'error',
      title: `Broken: "${main.value}" is not a valid Access-Control-Allow-Origin; browsers reject it.`,
      detail: 'The value must be `*`, `null` or exactly one origin (`scheme://host[:port]`).',
      line: main.line,
      related,
    };
  }
  if (form.form === 'null') {
    return {
      kind: 'null-origin',
      severity: credentials ? 'error' : 'warning',
      title: `Unsafe: trusts the null origin${credentials ? ' with credentials' : ''}; any site can send Origin: null.`,
      detail: 'Sandboxed iframes and `data:` URLs send `Origin: null`, and any website can create them.',
      line: main.line,
      related,
    };
  }
  if (origin && origin.value.trim() === main.value.trim()) {
    related.push({ line: origin.line, label: "The request's Origin, echoed back." });
    return credentials
      ? {
          kind: 'reflection',
          severity: 'error',
          title: `Reflection: echoes the request's Origin (${main.value}) with credentials.`,
          detail: `The server sent back the Origin it was given, with \`Access-Control-Allow-Credentials: true\`. Unless ${main.value} is on an exact allowlist, any website can read these responses with the user's cookies: repeat the request with \`Origin: https://evil.example\` to check.`,
          line: main.line,
          related,
        }
      : {
          kind: 'reflection',
          severity: 'warning',
          title: `Echoes the request's Origin (${main.value}), without credentials.`,
          detail: `Unless ${main.value} is on an allowlist, any website can read these responses (without cookies). Repeat the request with \`Origin: https://evil.example\` to check.`,
          line: main.line,
          related,
        };
  }
  if (!origin && main.value.trim() === EXAMPLE_ATTACKER) {
    // `curl -i -H 'Origin: https://evil.example' …` output pasted without its command: no site of yours
    // is called that, so the server sent back the Origin it was given.
    return {
      kind: 'reflection',
      severity: credentials ? 'error' : 'warning',
      title: `Reflection: the attacker origin ${EXAMPLE_ATTACKER} is allowed${credentials ? ', with credentials' : ''}.`,
      detail: `No site of yours is \`${EXAMPLE_ATTACKER}\`: the server sent back the Origin it was given${credentials ? ", so any website can read these responses with the user's cookies" : ', so any website can read these responses'}.`,
      line: main.line,
      related,
    };
  }
  return {
    kind: 'single-origin',
    severity: 'info',
    title: `Only ${main.value} can read this response${credentials ? ", with the user's cookies" : ', without cookies'}.`,
    detail: origin
      ? `The request came from ${origin.value}, which is not allowed: the browser blocks the read.`
      : 'One fixed origin: safe as long as it is yours and served over HTTPS.',
    line: main.line,
    related,
  };
}
