import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  judgeOriginCheck,
  originChecksOf,
  patternSourceOf,
  trustedHostsFrom,
  type Culprit,
  type Finding,
  type OriginCheck,
} from '../analysis';
import { createRule } from '../util/create-rule';
import { allowOriginRelated, credentialsRelated, reportWithRelated } from '../util/related';
import { allowedOriginsSchema, objectOptionsSchema, trustedHostsSchema } from '../util/options';
import { withFileModel } from '../util/file-model';
import { isRepeatable } from '../util/fixes';

export type Options = [{ allowedOrigins?: string[]; trustedHosts?: string[]; reportUnregistrable?: boolean }];
export type MessageIds =
  'acceptsAttacker' | 'acceptsUnregistrable' | 'acceptsOwnSubdomain' | 'acceptsNull' | 'suggestRepair';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Why the check lets the witness in, in words. */
function reasonOf(
  check: OriginCheck,
  culprit: Culprit | undefined,
  sourceCode: SourceCode,
  hosts: readonly string[],
): string {
  if (check.kind === 'string') {
    const what = `\`${check.method}('${check.argument}')\``;
    switch (check.method) {
      case 'startsWith':
        return `${what} accepts anything after the prefix`;
      case 'endsWith':
        return check.argument.startsWith('.')
          ? `${what} accepts any host ending that way`
          : `${what} has no dot before the domain`;
      default:
        return `${what} matches the text anywhere`;
    }
  }
  if (check.hapiWildcard !== undefined) {
    return `hapi reads \`*\` in \`${check.hapiWildcard}\` as \`.*\`, which matches dots too`;
  }
  const source = check.patternNode ? patternSourceOf(check.patternNode, sourceCode.text) : undefined;
  switch (culprit?.kind) {
    case 'unescaped-dot': {
      if (source?.kind === 'string' && source.rawOf(culprit.start, culprit.end) === '\\.') {
        return 'in a string `\\.` is just `.`: write `\\\\.`';
      }
      const after = /^[a-z0-9-]+/i.exec(check.pattern.slice(culprit.end).replace(/\\/g, ''))?.[0];
      return after ? `the \`.\` before \`${after}\` is not escaped` : 'a `.` is not escaped';
    }
    case 'missing-end-anchor':
      return 'no `$` at the end, so anything may follow';
    case 'missing-start-anchor':
      return 'no `^` at the start, so anything may come before';
    case 'broad-wildcard':
      return `\`${check.pattern.slice(culprit.start, culprit.end)}\` before the domain matches dots too`;
    default:
      return `it accepts hosts outside ${hosts.map((h) => `\`${h}\``).join(', ')}`;
  }
}

/** The source range to squiggle: the culprit, else the method name or the whole regex. */
function locationOf(check: OriginCheck, culprit: Culprit | undefined, sourceCode: SourceCode): TSESTree.SourceLocation {
  if (check.kind === 'string') return check.methodNode.loc;
  const source = check.patternNode ? patternSourceOf(check.patternNode, sourceCode.text) : undefined;
  if (!culprit || !source) return check.node.loc;
  // A missing anchor is shown on the character where it belongs.
  const start = culprit.kind === 'missing-end-anchor' ? Math.max(culprit.start - 1, 0) : culprit.start;
  const end = culprit.kind === 'missing-start-anchor' ? culprit.start + 1 : Math.max(culprit.end, start + 1);
  const [from, to] = source.rangeOf(start, Math.min(end, check.pattern.length));
  return { start: sourceCode.getLocFromIndex(from), end: sourceCode.getLocFromIndex(Math.max(to, from + 1)) };
}

function quoteLike(original: string, value: string): string {
  const quote = original[0] === '"' || original[0] === '`' ? original[0] : "'";
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(new RegExp(quote === '`' ? '[`$]' : quote, 'g'), (c) => `\\${c}`);
  return `${quote}${escaped}${quote}`;
}

export default createRule<Options, MessageIds>({
  name: 'no-unsafe-origin-check',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow origin checks (regexes, startsWith/endsWith/includes) that accept attacker origins',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: objectOptionsSchema({
      allowedOrigins: allowedOriginsSchema,
      trustedHosts: trustedHostsSchema,
      reportUnregistrable: {
        type: 'boolean',
        description:
          'Also report checks whose only attacker origins cannot be registered publicly (single-label hosts, unknown top-level domains) or are other subdomains of your own site. Default true.',
      },
    }),
    defaultOptions: [{ allowedOrigins: [], trustedHosts: [], reportUnregistrable: true }],
    messages: {
      acceptsAttacker: 'Origin check accepts `{{witness}}`: {{reason}}.',
      acceptsUnregistrable: 'Origin check accepts `{{witness}}` (only on your network): {{reason}}.',
      acceptsOwnSubdomain: 'Origin check accepts `{{witness}}`, a subdomain it was not meant for: {{reason}}.',
      acceptsNull: 'Origin check accepts `null` (sandboxed iframes): {{reason}}.',
      suggestRepair: 'Use the verified pattern `{{pattern}}`.',
    },
  },
  defaultOptions: [{ allowedOrigins: [], trustedHosts: [], reportUnregistrable: true }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const configured = trustedHostsFrom(options.allowedOrigins, options.trustedHosts);

    function repairFix(check: OriginCheck, repair: string): TSESLint.ReportFixFunction | undefined {
      if (check.kind === 'regex') {
        const node = check.patternNode;
        if (!node) return undefined;
        if (node === check.node) return (fixer) => fixer.replaceText(node, `/${repair}/${check.flags}`);
        return (fixer) => fixer.replaceText(node, quoteLike(sourceCode.getText(node), repair));
      }
      // Only a boolean call can be replaced by `re.test(...)`; `indexOf(...) !== -1` would keep its comparison.
      const booleanCall = check.method === 'startsWith' || check.method === 'endsWith' || check.method === 'includes';
      if (!booleanCall || check.onHostname || !isRepeatable(check.receiver)) return undefined;
      const receiver = sourceCode.getText(check.receiver);
      return (fixer) => fixer.replaceText(check.node, `/${repair}/.test(${receiver})`);
    }

    return withFileModel(context, (model) => {
      const reported = new Set<string>();
      for (const check of originChecksOf(model)) {
        const verdict = judgeOriginCheck(check, configured, model);
        if (verdict.kind !== 'unsafe') continue;
        for (const finding of verdict.findings) {
          const messageId = messageIdOf(finding);
          if (messageId !== 'acceptsAttacker' && options.reportUnregistrable === false) continue;
          const loc = locationOf(check, finding.culprit, sourceCode);
          const key = `${loc.start.line}:${loc.start.column}:${loc.end.line}:${loc.end.column}`;
          if (reported.has(key)) continue;
          reported.add(key);
          const fix = verdict.repair ? repairFix(check, verdict.repair) : undefined;
          reportWithRelated(
            context,
            {
              loc,
              messageId,
              data: { witness: finding.witness, reason: reasonOf(check, finding.culprit, sourceCode, verdict.hosts) },
              suggest:
                fix && verdict.repair ? [{ messageId: 'suggestRepair', data: { pattern: verdict.repair }, fix }] : [],
            },
            [
              [
                check.kind === 'regex' && check.node !== check.patternNode ? check.node : undefined,
                'The pattern is built here.',
              ],
              ...allowOriginRelated(check.policy),
              credentialsRelated(check.policy),
            ],
          );
        }
      }
    });
  },
});

function messageIdOf(finding: Finding): MessageIds {
  switch (finding.witnessClass) {
    case 'null':
      return 'acceptsNull';
    case 'same-site':
      return 'acceptsOwnSubdomain';
    case 'unregistrable':
      return 'acceptsUnregistrable';
    default:
      return 'acceptsAttacker';
  }
}
