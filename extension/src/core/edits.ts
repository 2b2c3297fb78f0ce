/** Text edits for quick fixes, computed on the linted text: plain offsets, no `vscode`. */
import type { LintRange, OffsetEdit } from './protocol';

/** 0-based line/character positions, as in the editor. */
export interface Span {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

/** ESLint's 1-based lines and columns to the editor's 0-based positions; never an empty or inverted span. */
export function spanOf(r: LintRange): Span {
  const start = { line: Math.max(r.line - 1, 0), character: Math.max(r.column - 1, 0) };
  let end = { line: Math.max(r.endLine - 1, 0), character: Math.max(r.endColumn - 1, 0) };
  if (end.line < start.line || (end.line === start.line && end.character <= start.character)) {
    end = { line: start.line, character: start.character + 1 };
  }
  return { start, end };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** What a disable comment writes: an ESLint directive, or a `cors-guard-ignore` comment (see README). */
export type DisableStyle = 'eslint' | 'cors-guard';

const KEYWORD: Record<DisableStyle, { line: string; file: string }> = {
  eslint: { line: 'eslint-disable-next-line', file: 'eslint-disable' },
  'cors-guard': { line: 'cors-guard-ignore-next-line', file: 'cors-guard-ignore-file' },
};

/** The rule as the comment names it: ESLint needs the plugin prefix; ignore comments read better without. */
function ruleName(ruleId: string, style: DisableStyle): string {
  return style === 'eslint' ? ruleId : ruleId.replace(/^cors-guard\//, '');
}

/**
 * The edit that silences `ruleId` on a 1-based `line`: extends a matching next-line comment on the line
 * above, or inserts one with the line's indentation.
 */
export function disableLineEdit(
  text: string,
  line: number,
  ruleId: string,
  style: DisableStyle = 'eslint',
): OffsetEdit {
  const keyword = KEYWORD[style].line;
  const DIRECTIVE = new RegExp(`^([ \\t]*)\\/\\/[ \\t]*${keyword}\\b([^\\r\\n]*)$`);
  const name = ruleName(ruleId, style);
  const starts = lineStarts(text);
  const index = Math.min(Math.max(line - 1, 0), starts.length - 1);
  const start = starts[index]!;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (index > 0) {
    const prevStart = starts[index - 1]!;
    const prev = text.slice(prevStart, start).replace(/\r?\n$/, '');
    const m = DIRECTIVE.exec(prev);
    if (m) {
      const [rules, description] = splitDescription(m[2]!);
      const list = rules
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean);
      // A bare directive already disables every rule.
      if (list.length === 0 || list.includes(name) || list.includes(ruleId)) return { range: [start, start], text: '' };
      const rewritten = `${m[1]}// ${keyword} ${[...list, name].join(', ')}${description}`;
      return { range: [prevStart, prevStart + prev.length], text: rewritten };
    }
  }
  const indent = /^[ \t]*/.exec(text.slice(start, starts[index + 1] ?? text.length))![0];
  return { range: [start, start], text: `${indent}// ${keyword} ${name}${eol}` };
}

/**
 * The edit that silences `ruleId` in the whole file: extends a file-level comment of the same kind at the
 * top, or inserts one (after a shebang).
 */
export function disableFileEdit(text: string, ruleId: string, style: DisableStyle = 'eslint'): OffsetEdit {
  const keyword = KEYWORD[style].file;
  const name = ruleName(ruleId, style);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const shebang = /^#![^\r\n]*\r?\n/.exec(text)?.[0] ?? '';
  const existing = new RegExp(`^/\\*[ \\t]*${keyword}\\b([^*\\r\\n]*?)[ \\t]*\\*/`).exec(text.slice(shebang.length));
  if (existing) {
    const [rules, description] = splitDescription(existing[1]!);
    const list = rules
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    const at = shebang.length;
    if (list.length === 0 || list.includes(name) || list.includes(ruleId)) return { range: [at, at], text: '' };
    return {
      range: [at, at + existing[0].length],
      text: `/* ${keyword} ${[...list, name].join(', ')}${description} */`,
    };
  }
  return { range: [shebang.length, shebang.length], text: `/* ${keyword} ${name} */${eol}` };
}

function splitDescription(rest: string): [string, string] {
  const i = rest.search(/\s--\s/);
  return i === -1 ? [rest, ''] : [rest.slice(0, i), rest.slice(i)];
}

/** Non-overlapping edits of a fix-all pass, in document order; overlapping ones wait for the next pass. */
export function nonOverlapping(edits: readonly OffsetEdit[]): OffsetEdit[] {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const out: OffsetEdit[] = [];
  let end = -1;
  for (const e of sorted) {
    if (e.range[0] < end) continue;
    out.push(e);
    end = e.range[1];
  }
  return out;
}
