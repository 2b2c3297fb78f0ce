/**
 * Markdown for hovers and the "Explain Headers" preview, from the analysis' explanations. Plain strings:
 * the worker renders hovers for code, the host renders raw header blocks, with the same words.
 */
import { sentence } from '../../../eslint-plugin/src/util/wording';
import {
  decodeHeaderValue,
  headerBlockVerdict,
  headerFacts,
  summarizeHeaderBlock,
  type HeaderVerdict,
  type DecodedValue,
  type HeaderBlock,
  type HeaderFacts,
  type PolicyExplanation,
  type SimulatedResponse,
} from '../../../eslint-plugin/src/analysis';
import compat from './browser-compat.json';

type Support = Record<string, string>;
interface CompatEntry {
  readonly support: Support;
  readonly features: Record<string, { readonly description: string; readonly support: Support }>;
}
const COMPAT = compat.headers as Record<string, CompatEntry>;

const REQUEST_WORDS = {
  simple: 'simple requests',
  preflight: 'preflights',
  credentialed: 'credentialed requests',
} as const;

function supportText(s: Support): string {
  return `Chrome ${s['chrome']}, Edge ${s['edge']}, Firefox ${s['firefox']}, Safari ${s['safari']}`;
}

function htmlToMarkdown(s: string): string {
  return s.replace(/<code>(.*?)<\/code>/g, '`$1`').replace(/<[^>]+>/g, '');
}

/** Browser support lines for a header (and its wildcard forms). */
export function compatMarkdown(facts: HeaderFacts): string {
  const entry = COMPAT[facts.compatKey];
  if (!entry) return '';
  const lines = [sentence(`Browser support: ${supportText(entry.support)}`)];
  for (const f of Object.values(entry.features))
    lines.push(sentence(`${htmlToMarkdown(f.description)}: ${supportText(f.support)}`));
  return lines.map((l) => `- ${l}`).join('\n');
}

export function headerNameMarkdown(facts: HeaderFacts): string {
  const direction = facts.direction === 'response' ? 'Response header' : 'Request header (sent by the browser)';
  return [
    `**\`${facts.name}\`** · ${direction}, matters for ${facts.matters.map((m) => REQUEST_WORDS[m]).join(', ')}`,
    '',
    facts.purpose,
    '',
    `**Values:** ${facts.values}`,
    '',
    compatMarkdown(facts),
    '',
    `[MDN reference](${facts.mdn})`,
  ].join('\n');
}

export function decodedMarkdown(d: DecodedValue): string {
  const lines = [`**\`${d.facts.name}: ${d.value}\`**`, '', d.meaning];
  if (d.details.length > 0) lines.push('', ...d.details.map((x) => `- ${x}`));
  if (d.problems.length > 0) lines.push('', ...d.problems.map((x) => `- **Problem:** ${x}`));
  lines.push('', `[MDN: ${d.facts.name}](${d.facts.mdn})`);
  return lines.join('\n');
}

const READABLE: Record<SimulatedResponse['readable'], string> = {
  'with-cookies': "**readable, with the user's cookies**",
  // No Access-Control-Allow-Credentials: true, so a request that sends cookies is not readable.
  'without-cookies': '**readable** without cookies (a request with cookies is blocked)',
  no: 'not readable',
  rejected: 'rejected by the browser (`*` with credentials)',
  unknown: 'depends on values CORS Guard cannot read',
};

function responseMarkdown(r: SimulatedResponse): string {
  // "Credentialed" only where credentials are allowed: a `*` without them is read only without cookies.
  const credentialed = r.headers.some(
    ([n, v]) => n.toLowerCase() === 'access-control-allow-credentials' && v === 'true',
  );
  const title =
    r.request === 'preflight'
      ? `Preflight (\`OPTIONS\`) from \`${r.origin}\``
      : r.request === 'response'
        ? `${credentialed ? 'A credentialed request' : 'A request'} from \`${r.origin}\`: ${READABLE[r.readable]}`
        : `${credentialed ? 'Credentialed \`GET\`' : '\`GET\`'} from \`${r.origin}\`: ${READABLE[r.readable]}`;
  const headers = r.headers.length > 0 ? r.headers.map(([n, v]) => `${n}: ${v}`).join('\n') : '(no CORS headers)';
  return `${title}\n\n\`\`\`http\n${headers}\n\`\`\``;
}

export function policyMarkdown(p: PolicyExplanation): string {
  const what = p.kind === 'options' ? `CORS configuration (\`${p.library}\`)` : 'CORS headers set by this code';
  const lines = [
    `**Verdict:** ${p.verdict}`,
    '',
    `**${what}** · ${sentence(`Origin: ${p.originRule}`)} Credentials: ${p.credentials === true ? 'allowed' : p.credentials === false ? 'not allowed' : 'sometimes'}.`,
    '',
    // A server on the user's machine: how that is known, and what browsers do about it (no excuse).
    ...(p.local ? [`**Local server:** ${p.local}`, ''] : []),
    ...p.responses.map(responseMarkdown).flatMap((x) => [x, '']),
  ];
  return lines.join('\n').trimEnd();
}

/** A verdict on a raw exchange, first line of a header hover or an Explain Headers section. */
export function headerVerdictMarkdown(v: HeaderVerdict): string {
  const [label, ...rest] = v.title.split(': ');
  const head = rest.length > 0 && /^[A-Z][a-z]+$/.test(label!) ? `**${label}:** ${rest.join(': ')}` : `**${v.title}**`;
  return `${head}\n\n${v.detail}`;
}

/**
 * A raw header block: the verdict, each header decoded, then what the whole block allows. `verdict`:
 * `full` (title and why), `detail` (only the why: a diagnostic on the line already states the title),
 * `none` (the caller shows it).
 */
export function headerBlockMarkdown(
  block: HeaderBlock,
  focusLine?: number,
  request?: HeaderBlock,
  verdictStyle: 'full' | 'detail' | 'none' = 'full',
): string {
  const summary = summarizeHeaderBlock(block);
  const verdict = headerBlockVerdict({ response: block, ...(request ? { request } : {}) });
  const shown =
    verdictStyle === 'none'
      ? []
      : [verdictStyle === 'full' ? headerVerdictMarkdown(verdict) : verdict.detail, '', '---', ''];
  const credentials = block.headers.some(
    (h) => h.name.toLowerCase() === 'access-control-allow-credentials' && h.value.trim() === 'true',
  );
  const out: string[] = [...shown];
  const focus = block.headers.find((h) => h.line === focusLine);
  const decodedFocus = focus ? decodeHeaderValue(focus.name, focus.value, { credentials }) : undefined;
  if (decodedFocus) out.push(decodedMarkdown(decodedFocus), '', '---', '');
  out.push(`**${summary.kind === 'request' ? 'This request' : 'This response'}**`, '');
  out.push(...summary.lines.map((l) => `- ${l}`));
  const others = block.headers.filter((h) => h !== focus && headerFacts(h.name));
  if (others.length > 0) {
    out.push('');
    for (const h of others) {
      const d = decodeHeaderValue(h.name, h.value, { credentials });
      if (d)
        out.push(
          `- \`${d.facts.name}: ${d.value}\`: ${d.meaning}${d.problems.length ? ` **Problem:** ${d.problems.join(' ')}` : ''}`,
        );
    }
  }
  return out.join('\n');
}
