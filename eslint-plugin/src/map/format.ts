/** The CORS map as JSON (stable, see docs/map.schema.json), Markdown (PR comments, CI summaries) and text. */
import type { MapPolicy, MapResponse } from './entries';

export interface MapReport {
  /** The report format's version: bumped only when a field changes meaning or goes away. */
  readonly version: 1;
  /** The ESLint version that linted the files. */
  readonly eslint?: string;
  readonly policies: readonly MapPolicy[];
  /** How many files were linted. */
  readonly scanned: number;
  /** Files that could not be parsed (they may hold policies the map does not show). */
  readonly errors: readonly { readonly file: string; readonly line: number; readonly message: string }[];
}

export const VERDICTS = ['unsafe', 'broken', 'unknown', 'safe'] as const;

export function formatJson(report: MapReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function countsOf(policies: readonly MapPolicy[]): Record<(typeof VERDICTS)[number], number> {
  const counts = { unsafe: 0, broken: 0, unknown: 0, safe: 0 };
  for (const p of policies) counts[p.verdict]++;
  return counts;
}

/** `7 CORS policies in 3 files: 4 unsafe, 1 broken, 2 safe`. */
export function summaryLine(report: MapReport): string {
  const { policies } = report;
  const files = new Set(policies.map((p) => p.file)).size;
  const counts = countsOf(policies);
  const parts = VERDICTS.filter((v) => counts[v] > 0).map((v) => `${counts[v]} ${v}`);
  const head = `${policies.length} CORS ${policies.length === 1 ? 'policy' : 'policies'} in ${files} of ${report.scanned} file${report.scanned === 1 ? '' : 's'}`;
  return parts.length > 0 ? `${head}: ${parts.join(', ')}` : head;
}

export function cookiesWord(credentials: boolean | null): string {
  return credentials === true ? 'with cookies' : credentials === false ? 'no cookies' : 'cookies unknown';
}

/** Verdicts worst first, then by file and line. */
export function sortedPolicies(policies: readonly MapPolicy[]): MapPolicy[] {
  const rank = (p: MapPolicy) => VERDICTS.indexOf(p.verdict);
  return [...policies].sort(
    (a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

const ICON = { unsafe: '🔴', broken: '🟠', unknown: '⚪', safe: '🟢' } as const;

function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function code(s: string): string {
  const ticks = s.includes('`') ? '``' : '`';
  return `${ticks}${s}${ticks}`;
}

export function formatMarkdown(report: MapReport): string {
  const lines = ['## CORS map', '', summaryLine(report), ''];
  if (report.policies.length > 0) {
    lines.push('| verdict | where | library | who gets in | cookies | witness | rule |');
    lines.push('| --- | --- | --- | --- | --- | --- | --- |');
    for (const p of sortedPolicies(report.policies)) {
      lines.push(
        `| ${ICON[p.verdict]} ${p.verdict} | ${code(`${p.file}:${p.line}`)} | ${p.library ? code(p.library) : 'headers'}${p.release ? ` (${mdCell(p.release.note)})` : ''} | ${mdCell(p.allows)} | ${cookiesWord(p.credentials)} | ${p.witness ? code(p.witness) : ''} | ${p.rule ? code(p.rule) : ''} |`,
      );
    }
    lines.push('');
  }
  if (report.errors.length > 0) {
    lines.push(`Not parsed (${report.errors.length}):`, '');
    for (const e of report.errors) lines.push(`- ${code(`${e.file}:${e.line}`)} ${mdCell(e.message)}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** The terminal summary: one line per policy, worst first. */
export function formatText(report: MapReport): string {
  const lines = [`CORS map: ${summaryLine(report)}`];
  const width = Math.min(60, Math.max(0, ...report.policies.map((p) => `${p.file}:${p.line}`.length)));
  for (const p of sortedPolicies(report.policies)) {
    const extra = `${p.witness ? ` · e.g. ${p.witness}` : ''}${p.release ? ` · ${p.release.note}` : ''}`;
    lines.push(
      `  ${p.verdict.padEnd(7)} ${`${p.file}:${p.line}`.padEnd(width)} ${p.allows} · ${cookiesWord(p.credentials)}${extra}`,
    );
  }
  for (const e of report.errors) lines.push(`  (not parsed) ${e.file}:${e.line} ${e.message}`);
  return `${lines.join('\n')}\n`;
}

/** A response in a few words: `ACAO: https://x + credentials → readable with cookies`. */
export function responseWords(r: MapResponse): string {
  const acao = r.allowOrigin === null ? 'no Access-Control-Allow-Origin' : `Allow-Origin: ${r.allowOrigin}`;
  const creds = r.credentials === true ? ', Allow-Credentials: true' : r.credentials === null ? ', credentials: ?' : '';
  return `${acao}${creds}`;
}

export const READABLE_WORDS: Record<MapResponse['readable'], string> = {
  'with-cookies': 'reads, with cookies',
  'without-cookies': 'reads, without cookies',
  no: 'blocked',
  rejected: 'rejected by the browser',
  unknown: 'depends on run time',
};
