/**
 * Raw header blocks (pasted `curl -i` output, `.http` files): finding them in text, and what a whole
 * block lets other origins do.
 */
import { ACAC, ACAO, parseAllowOriginValue } from './header-names';
import { duration, splitList } from './header-values';

export interface HeaderLine {
  readonly name: string;
  readonly value: string;
  /** 0-based line in the text. */
  readonly line: number;
}

export interface HeaderBlock {
  readonly status?: { readonly line: number; readonly text: string; readonly code?: number };
  readonly headers: readonly HeaderLine[];
}

const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)\s*$/;
const STATUS_LINE = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\b.*$/;
const REQUEST_LINE = /^(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\s+\S+/;

/** The block of header lines (with its status line) around `line`, or undefined if none is there. */
export function headerBlockAt(lines: readonly string[], line: number): HeaderBlock | undefined {
  const isPart = (i: number) => {
    const t = lines[i] ?? '';
    return HEADER_LINE.test(t) || STATUS_LINE.test(t) || REQUEST_LINE.test(t);
  };
  if (!isPart(line)) return undefined;
  let start = line;
  while (start > 0 && isPart(start - 1) && !STATUS_LINE.test(lines[start]!) && !REQUEST_LINE.test(lines[start]!))
    start--;
  let end = line;
  while (
    end + 1 < lines.length &&
    isPart(end + 1) &&
    !STATUS_LINE.test(lines[end + 1]!) &&
    !REQUEST_LINE.test(lines[end + 1]!)
  )
    end++;
  const headers: HeaderLine[] = [];
  let status: HeaderBlock['status'];
  for (let i = start; i <= end; i++) {
    const text = lines[i]!;
    const s = STATUS_LINE.exec(text);
    if (s) {
      status = { line: i, text: text.trim(), code: Number(s[1]) };
      continue;
    }
    if (REQUEST_LINE.test(text)) {
      status = { line: i, text: text.trim() };
      continue;
    }
    const m = HEADER_LINE.exec(text);
    if (m) headers.push({ name: m[1]!, value: m[2]!, line: i });
  }
  return headers.length > 0 ? { ...(status ? { status } : {}), headers } : undefined;
}

/** Every header block in a text (a selection, a pasted `curl -i` output). */
export function headerBlocksIn(text: string): HeaderBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: HeaderBlock[] = [];
  let covered = -1;
  for (let i = 0; i < lines.length; i++) {
    if (i <= covered) continue;
    const block = headerBlockAt(lines, i);
    if (!block) continue;
    blocks.push(block);
    covered = Math.max(block.status?.line ?? 0, ...block.headers.map((h) => h.line));
  }
  return blocks;
}

export interface BlockSummary {
  /** `response` when it holds response CORS headers, `request` for a request's headers. */
  readonly kind: 'response' | 'request';
  readonly lines: readonly string[];
}

/** What a whole header block means: who can read the response, with or without cookies, cache safety. */
export function summarizeHeaderBlock(block: HeaderBlock): BlockSummary {
  const get = (name: string) => block.headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
  const acao = get(ACAO);
  const out: string[] = [];
  if (acao.length === 0) {
    const origin = get('origin')[0];
    const method = get('access-control-request-method')[0];
    if (origin || method) {
      if (origin) out.push(`A cross-origin request from \`${origin}\`.`);
      if (method)
        out.push(
          `A preflight for \`${method}\`${get('access-control-request-headers')[0] ? ` with headers \`${get('access-control-request-headers')[0]}\`` : ''}.`,
        );
      return { kind: 'request', lines: out };
    }
    if (block.status?.code !== undefined || block.headers.length > 0)
      out.push('No `Access-Control-Allow-Origin`: other origins cannot read this response.');
    return { kind: 'response', lines: out };
  }
  const credentials = get(ACAC).some((v) => v === 'true');
  if (acao.length > 1) out.push('Several `Access-Control-Allow-Origin` headers: browsers reject the response.');
  const form = parseAllowOriginValue(acao[0]!);
  if (form.form === 'wildcard')
    out.push(
      credentials
        ? '`*` with credentials: browsers reject it, so credentialed requests fail; requests without cookies can read it.'
        : 'Any website can read this response, without cookies.',
    );
  else if (form.form === 'null')
    out.push(
      `Readable by opaque origins (sandboxed iframes, \`data:\` URLs), which any website can create${credentials ? ", with the user's cookies" : ''}.`,
    );
  else if (form.form === 'origin')
    out.push(
      credentials
        ? `Credentialed requests from ${form.origin} are readable.`
        : `Requests from ${form.origin} are readable, without cookies (no \`Access-Control-Allow-Credentials: true\`).`,
    );
  else out.push(`\`Access-Control-Allow-Origin: ${acao[0]}\` is invalid: browsers reject the response.`);
  if (get(ACAC).length > 0 && !credentials)
    out.push(`\`Access-Control-Allow-Credentials: ${get(ACAC)[0]}\` is not \`true\`: credentials are not allowed.`);
  const varies = get('vary').some((v) => splitList(v).some((x) => x.toLowerCase() === 'origin' || x === '*'));
  if ((form.form === 'origin' || form.form === 'null') && !varies)
    out.push('No `Vary: Origin`, so a shared cache may serve this response to another origin.');
  const methods = get('access-control-allow-methods')[0];
  if (methods)
    out.push(
      `Preflight: allows methods \`${methods}\`${get('access-control-allow-headers')[0] ? ` and headers \`${get('access-control-allow-headers')[0]}\`` : ''}.`,
    );
  const maxAge = get('access-control-max-age')[0];
  if (maxAge && /^\d+$/.test(maxAge))
    out.push(`Preflight answers cached for ${duration(Number(maxAge))} (Chromium at most 2 h).`);
  return { kind: 'response', lines: out };
}
