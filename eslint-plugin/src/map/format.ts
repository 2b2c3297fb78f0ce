/** The CORS map as JSON (stable, see docs/map.schema.json), Markdown (PR comments, CI summaries) and text. */
import type { MapPolicy, MapResponse } from './entries';
import type { NotAnalysed } from './walk';

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
  /**
   * Files named like sources that were not opened at all (a FIFO, a device, a socket, a link leaving the
   * project, a file over the size cap), with the reason; they may hold policies the map does not show.
   */
  readonly notAnalysed?: readonly NotAnalysed[];
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

/** One workspace package's policies (`member` undefined: files outside every package of the workspace). */
export interface PackageGroup {
  readonly member: MapPolicy['package'];
  readonly policies: readonly MapPolicy[];
}

/**
 * The policies by workspace package (folder order, the root last-but-outside), or undefined when no policy
 * lies in a workspace (a project of one package reads as before).
 */
export function packageGroups(policies: readonly MapPolicy[]): PackageGroup[] | undefined {
  if (!policies.some((p) => p.package)) return undefined;
  const groups = new Map<string, { member: MapPolicy['package']; policies: MapPolicy[] }>();
  for (const p of policies) {
    const key = p.package ? `${p.package.folder}\u0000${p.package.name}` : '';
    const group = groups.get(key) ?? { member: p.package, policies: [] };
    group.policies.push(p);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([, g]) => g);
}

/** `@acme/api (apps/api)`; files outside every package of the workspace. */
export function packageLabel(member: MapPolicy['package']): string {
  if (!member) return 'outside the workspace packages';
  return member.name === member.folder ? member.folder : `${member.name} (${member.folder})`;
}

/** `3 policies: 2 unsafe, 1 safe`. */
export function countWords(policies: readonly MapPolicy[]): string {
  const counts = countsOf(policies);
  const parts = VERDICTS.filter((v) => counts[v] > 0).map((v) => `${counts[v]} ${v}`);
  return `${policies.length} ${policies.length === 1 ? 'policy' : 'policies'}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
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

/**
 * Text from the project as plain Markdown inside a table cell: one line, and a backslash before each
 * character that could start something there (emphasis and strikethrough, a link or an image, a code span,
 * raw HTML, an entity, math, an @mention, the cell separator), so it reads as the characters it is.
 */
export function mdText(s: string): string {
  return oneLine(s).replace(/[\\`*_[\]<>&|~$@]/g, (c) => `\\${c}`);
}

/**
 * Text from the project as a Markdown code span inside a table cell (file names, origins, patterns): a
 * fence of more backticks than any run inside it, a space either side when it starts or ends with a
 * backtick or a space, and the pipe escaped (a table splits cells before it reads code spans; GitHub and
 * markdown-it take `\|` back to `|` there). A code span also keeps `@name` and URLs from becoming links.
 */
export function mdCode(s: string): string {
  const text = oneLine(s).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Newlines and other control characters as spaces (a row of a table is one line). */
function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
}

export function formatMarkdown(report: MapReport): string {
  const lines = ['## CORS map', '', summaryLine(report), ''];
  const table = (policies: readonly MapPolicy[]) => {
    lines.push('| verdict | where | library | who gets in | cookies | witness | rule |');
    lines.push('| --- | --- | --- | --- | --- | --- | --- |');
    for (const p of sortedPolicies(policies)) {
      lines.push(
        `| ${ICON[p.verdict]} ${p.verdict} | ${mdCode(`${p.file}:${p.line}`)} | ${p.library ? mdCode(p.library) : 'headers'}${p.release ? ` (${mdText(p.release.note)})` : ''}${p.local ? ` (local: ${mdText(p.local)})` : ''} | ${mdText(p.allows)} | ${cookiesWord(p.credentials)} | ${p.witness ? mdCode(p.witness) : ''} | ${p.rule ? mdCode(p.rule) : ''} |`,
      );
    }
    lines.push('');
  };
  const groups = packageGroups(report.policies);
  if (groups) {
    for (const g of groups) {
      const label = g.member
        ? `${mdCode(g.member.name)} in ${mdCode(g.member.folder)}`
        : mdText(packageLabel(g.member));
      lines.push(`### ${label}`, '', countWords(g.policies), '');
      table(g.policies);
    }
  } else if (report.policies.length > 0) {
    table(report.policies);
  }
  if (report.errors.length > 0) {
    lines.push(`Not parsed (${report.errors.length}):`, '');
    for (const e of report.errors) lines.push(`- ${mdCode(`${e.file}:${e.line}`)} ${mdText(e.message)}`);
    lines.push('');
  }
  const skipped = report.notAnalysed ?? [];
  if (skipped.length > 0) {
    lines.push(`Not analysed (${skipped.length}):`, '');
    for (const n of skipped) lines.push(`- ${mdCode(n.file)} ${mdText(n.reason)}`);
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * Text from the project for a terminal: control characters (escape sequences that would recolour, move
 * the cursor or retitle the window; line breaks that would forge a line) shown as `\u{…}`.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

/** The terminal summary: one line per policy, worst first. */
export function formatText(report: MapReport): string {
  const lines = [`CORS map: ${summaryLine(report)}`];
  const where = (p: MapPolicy) => printable(`${p.file}:${p.line}`);
  const width = Math.min(60, Math.max(0, ...report.policies.map((p) => where(p).length)));
  const rows = (policies: readonly MapPolicy[], indent: string) => {
    for (const p of sortedPolicies(policies)) {
      const extra = `${p.witness ? ` · e.g. ${p.witness}` : ''}${p.release ? ` · ${p.release.note}` : ''}${p.local ? ` · local server: ${p.local}` : ''}`;
      lines.push(
        printable(
          `${indent}${p.verdict.padEnd(7)} ${where(p).padEnd(width)} ${p.allows} · ${cookiesWord(p.credentials)}`,
        ) + printable(extra),
      );
    }
  };
  const groups = packageGroups(report.policies);
  if (groups) {
    for (const g of groups) {
      lines.push(printable(`  ${packageLabel(g.member)}: ${countWords(g.policies)}`));
      rows(g.policies, '    ');
    }
  } else {
    rows(report.policies, '  ');
  }
  for (const e of report.errors) lines.push(printable(`  (not parsed) ${e.file}:${e.line} ${e.message}`));
  for (const n of report.notAnalysed ?? []) lines.push(printable(`  (not analysed) ${n.file}: ${n.reason}`));
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
