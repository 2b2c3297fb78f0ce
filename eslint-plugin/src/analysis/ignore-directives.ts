/**
 * `cors-guard-ignore` comments, parsed (util/ignore-comments.ts applies them to a rule's reports; placement.ts
 * reads them at a fix location in another module, where an ignore silences the defect for every use).
 */
import type { TSESTree } from '@typescript-eslint/utils';

export const IGNORE_MARKER = 'cors-guard-ignore';

type Rules = ReadonlySet<string> | 'all';

export interface IgnoreDirectives {
  readonly file: Rules | undefined;
  /** 1-based line -> rules ignored on it. */
  readonly lines: ReadonlyMap<number, Rules>;
}

const DIRECTIVE = /^\s*cors-guard-ignore-(next-line|line|file)\b([^]*)$/;

function rulesOf(rest: string): Rules {
  const list = rest
    .split(/\s--\s|\s--$/)[0]!
    .split(/[,\s]+/)
    .map((r) => r.trim().replace(/^cors-guard\//, ''))
    .filter(Boolean);
  return list.length === 0 ? 'all' : new Set(list);
}

function merge(a: Rules | undefined, b: Rules): Rules {
  if (a === 'all' || b === 'all') return 'all';
  return a ? new Set([...a, ...b]) : b;
}

/** Parses the ignore comments of a file (text and comments as ESLint's SourceCode has them). */
export function ignoreDirectivesOf(comments: readonly Pick<TSESTree.Comment, 'value' | 'loc'>[]): IgnoreDirectives {
  let file: Rules | undefined;
  const lines = new Map<number, Rules>();
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.value);
    if (!m) continue;
    const rules = rulesOf(m[2]!.replace(/\*\/?$/, ''));
    if (m[1] === 'file') file = merge(file, rules);
    else {
      const line = m[1] === 'next-line' ? c.loc.end.line + 1 : c.loc.start.line;
      lines.set(line, merge(lines.get(line), rules));
    }
  }
  return { file, lines };
}

function covers(rules: Rules | undefined, name: string): boolean {
  return rules === 'all' || (!!rules && rules.has(name));
}

export function isIgnored(directives: IgnoreDirectives, ruleName: string, line: number): boolean {
  return covers(directives.file, ruleName) || covers(directives.lines.get(line), ruleName);
}

/**
 * The ignore directives of a module known only by its text (modules are parsed without comments): its
 * line and block comments, found by a light scan (a marker inside a string may count as a comment; it
 * can only silence, at a line that names the marker). `eslint-disable-line` / `-next-line` comments that
 * name a CORS Guard rule count as ignores of it too.
 */
export function ignoreDirectivesInText(text: string): IgnoreDirectives {
  const comments: { value: string; loc: { start: { line: number }; end: { line: number } } }[] = [];
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const re = /\/\/([^\n]*)|\/\*([^]*?)\*\//g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const value = (m[1] ?? m[2] ?? '').replace(/^\s*eslint-disable-(next-line|line)\b/, 'cors-guard-ignore-$1');
    if (!value.includes(IGNORE_MARKER)) continue;
    comments.push({ value, loc: { start: { line: lineAt(m.index) }, end: { line: lineAt(m.index + m[0].length) } } });
  }
  return ignoreDirectivesOf(comments as never);
}
