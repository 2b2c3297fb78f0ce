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

import { IGNORE_MARKER, ignoreDirectivesOf, isIgnored, type IgnoreDirectives } from '../analysis/ignore-directives';

export { IGNORE_MARKER, ignoreDirectivesOf, isIgnored, type IgnoreDirectives };

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
    // ESLint's JSON language has no comments API (plain JSON has no comments).
    const comments = typeof sourceCode.getAllComments === 'function' ? sourceCode.getAllComments() : [];
    directives = ignoreDirectivesOf(comments);
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
