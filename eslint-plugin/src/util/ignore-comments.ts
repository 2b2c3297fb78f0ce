/**
 * `cors-guard-ignore` comments: silence a CORS Guard finding without an ESLint directive, so the comment
 * stays harmless in a project whose ESLint does not load this plugin (an `eslint-disable` naming an
 * unknown rule fails ESLint there). Honoured by every rule, hence by the CLI and the editor alike.
 *
 *   // cors-guard-ignore-next-line cors-guard/no-origin-reflection -- reviewed: internal tool
 *   // cors-guard-ignore-line no-null-origin          (at the end of the reported line)
 *   /* cors-guard-ignore-file cors-guard/require-vary-origin *\/
 *
 * With no rule list the comment covers every CORS Guard rule. Rule names may omit `cors-guard/`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

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

const cache = new WeakMap<object, IgnoreDirectives>();

type Descriptor = {
  node?: { loc?: TSESTree.SourceLocation | null };
  loc?: TSESTree.SourceLocation | TSESTree.Position;
};

function lineOf(d: Descriptor): number | undefined {
  const loc = d.loc;
  if (loc && 'start' in loc) return loc.start.line;
  if (loc && 'line' in loc) return loc.line;
  return d.node?.loc?.start.line;
}

/**
 * The rule context, with reports on ignored lines dropped. Costs one `includes` per file when the file
 * has no ignore comment.
 */
export function honouringIgnoreComments<C extends Readonly<TSESLint.RuleContext<string, readonly unknown[]>>>(
  context: C,
  ruleName: string,
): C {
  const sourceCode = context.sourceCode;
  if (!sourceCode.text.includes(IGNORE_MARKER)) return context;
  let directives = cache.get(sourceCode.ast);
  if (!directives) {
    directives = ignoreDirectivesOf(sourceCode.getAllComments());
    cache.set(sourceCode.ast, directives);
  }
  const found = directives;
  return Object.create(context, {
    report: {
      value: (descriptor: Descriptor) => {
        const line = lineOf(descriptor);
        if (line !== undefined && isIgnored(found, ruleName, line)) return;
        context.report(descriptor as never);
      },
    },
  }) as C;
}
