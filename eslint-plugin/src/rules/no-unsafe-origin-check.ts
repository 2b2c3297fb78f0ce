import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  confirmedWitnesses,
  EXAMPLE_ATTACKER,
  openSuffixOf,
  patternSourceOf,
  STAND_IN_HOST,
  STAND_IN_ORIGIN_LIST,
  ipv4Reach,
  parseOrigin,
  type Culprit,
  type Finding,
  type PatternCheck,
  type RegexCheck,
  type Policy,
  localExposure,
  assessPolicy,
  sameCheck,
  unprovenConjunction,
} from '../analysis';
import { foreignModuleOf, fileTextOf } from '../analysis/values/locations';
import { createRule } from '../util/create-rule';
import { allowOriginRelated, callersRelated, credentialsRelated, reportWithRelated } from '../util/related';
import { callersNote, credentialState, helperNote, sentence } from '../util/wording';
import { allowedOriginsSchema, objectOptionsSchema, trustedHostsSchema } from '../util/options';
import { ruleHosts } from '../util/settings';
import { withFileModel } from '../util/file-model';
import { isRepeatable } from '../util/fixes';

export type Options = [
  {
    allowedOrigins?: string[];
    trustedHosts?: string[];
    reportUnregistrable?: boolean;
    reportNetworkOnly?: boolean;
    reportWithoutCredentials?: boolean;
  },
];
export type MessageIds =
  'acceptsAttacker' | 'acceptsUnregistrable' | 'acceptsOwnSubdomain' | 'acceptsNull' | 'notAnalysed' | 'suggestRepair';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Why the check lets the witness in, in words. */
function reasonOf(
  check: PatternCheck,
  culprit: Culprit | undefined,
  sourceCode: SourceCode,
  hosts: readonly string[],
  witness: string,
): string {
  const address = parseOrigin(witness)?.host;
  if (address && ipv4Reach(address) === 'public') {
    return `\`${address}\` is a public address: anyone can run a server there`;
  }
  const open = openSuffixOf(witness, hosts);
  if (open) {
    return `\`${open}\` is a public suffix (shared hosting): anyone can create a site under it, so trust only your exact deployment's origin`;
  }
  if (check.kind === 'regex' && check.why) return check.why;
  if (culprit === undefined && witness === EXAMPLE_ATTACKER) return 'it accepts origins any website can have';
  if (culprit === undefined && hosts.length === 0) return 'it names no host of yours, so any site it matches gets in';
  if (check.kind === 'within') return 'it looks for the origin anywhere inside a string of allowed origins';
  if (check.kind === 'string') {
    const argument = check.argument ?? '';
    const written = check.methodNode.type === 'Identifier' ? check.methodNode.name : check.method;
    const what = `\`${written}('${argument}')\``;
    switch (check.method) {
      case 'startsWith':
        return `${what} accepts anything after the prefix`;
      case 'endsWith':
        return argument.startsWith('.')
          ? `${what} accepts any host ending that way`
          : `${what} has no dot before the domain`;
      default:
        return `${what} matches the text anywhere`;
    }
  }
  if (check.wildcard !== undefined) {
    return `hapi reads \`*\` in \`${check.wildcard}\` as \`.*\`, which matches dots too`;
  }
  const source = check.patternNode
    ? patternSourceOf(check.patternNode, fileTextOf(check.patternNode, sourceCode.text))
    : undefined;
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

/**
 * Where to report: the culprit, else the method name or the whole regex. A check in another module is
 * reported by node (reportWithRelated places it where this file enters that module).
 */
function locationOf(
  check: PatternCheck,
  culprit: Culprit | undefined,
  sourceCode: SourceCode,
): { loc: TSESTree.SourceLocation } | { node: TSESTree.Node } {
  if (check.kind === 'string') return { node: check.methodNode };
  if (check.kind === 'within') return { node: check.node };
  if (foreignModuleOf(check.node) || (check.patternNode && foreignModuleOf(check.patternNode))) {
    return { node: check.node };
  }
  return { loc: innerLocationOf(check, culprit, sourceCode) };
}

function innerLocationOf(
  check: RegexCheck,
  culprit: Culprit | undefined,
  sourceCode: SourceCode,
): TSESTree.SourceLocation {
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
      // Exposure no worse than `*` (no cookies), and origins that exist only on the local network: strict only.
      recommendedOptions: { reportWithoutCredentials: false, reportNetworkOnly: false },
      noFixReason:
        'No verified repair for this check: anchor the pattern and escape its dots, or compare against an exact allowlist.',
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
      reportNetworkOnly: {
        type: 'boolean',
        description:
          'Also report checks whose only attacker origins exist only on a local network (private and loopback addresses, single-label hosts, unknown top-level domains). Default true; false in the recommended preset.',
      },
      reportWithoutCredentials: {
        type: 'boolean',
        description:
          'Also report loose checks on policies that never allow credentials (an attacker then reads only what `*` would give). Default true; false in the recommended preset.',
      },
    }),
    defaultOptions: [
      {
        allowedOrigins: [],
        trustedHosts: [],
        reportUnregistrable: true,
        reportNetworkOnly: true,
        reportWithoutCredentials: true,
      },
    ],
    messages: {
      acceptsAttacker: 'Origin check accepts `{{witness}}`: {{reason}}.',
      acceptsUnregistrable: 'Origin check accepts `{{witness}}` (only on your network): {{reason}}.',
      acceptsOwnSubdomain: 'Origin check accepts `{{witness}}`, a subdomain it was not meant for: {{reason}}.',
      acceptsNull: 'Origin check accepts `null` (sandboxed iframes): {{reason}}.',
      notAnalysed:
        'Origin check could not be analysed ({{reason}}), and the origin is sent back whenever it passes: it is not verified safe. Compare against an exact allowlist.',
      suggestRepair: 'Use the verified pattern `{{pattern}}`.',
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const hosts = ruleHosts(options);
    /** Whether findings on this policy are reported: one that never allows credentials only when asked. */
    // On a server on the user's machine, no-exposed-local-server carries the finding (one defect, one finding).
    const reportsOn = (policy: Policy) =>
      !localExposure(policy) &&
      (options.reportWithoutCredentials !== false || credentialState(policy.credentials) !== 'without');

    function repairFix(check: PatternCheck, repair: string): TSESLint.ReportFixFunction | undefined {
      if (check.kind === 'within') return undefined;
      if (check.kind === 'regex') {
        const node = check.patternNode;
        if (!node) return undefined;
        if (node === check.node) return (fixer) => fixer.replaceText(node, `/${repair}/${check.flags}`);
        return (fixer) => fixer.replaceText(node, quoteLike(sourceCode.getText(node), repair));
      }
      // Only a boolean call can be replaced by `re.test(...)`; `indexOf(...) !== -1` would keep its comparison.
      const written = check.methodNode.type === 'Identifier' ? check.methodNode.name : '';
      const booleanCall = written === 'startsWith' || written === 'endsWith' || written === 'includes';
      if (!booleanCall || check.onHostname || !isRepeatable(check.receiver)) return undefined;
      const receiver = sourceCode.getText(check.receiver);
      return (fixer) => fixer.replaceText(check.node, `/${repair}/.test(${receiver})`);
    }

    return withFileModel(context, (model) => {
      // Every confirmed witness, then one report per location: the strongest witness there (a check on a
      // list element is judged for every element; the weakest entry is the one named).
      const candidates: Candidate[] = [];
      const unanalysed = new Set<PatternCheck>();
      for (const { check, policies } of model.originChecks) {
        const verdict = hosts ? model.judge.rejudge(check, hosts) : check.verdict;
        // Out of budget (or unreadable to the automata): what it lets in is not known, and that is said.
        if (verdict.kind === 'inconclusive' && verdict.unanalysable && policies.length > 0 && !unanalysed.has(check)) {
          unanalysed.add(check);
          const policy = policies.find(reportsOn);
          if (!policy) continue;
          reportWithRelated(
            context,
            { ...locationOf(check, undefined, sourceCode), messageId: 'notAnalysed', data: { reason: verdict.reason } },
            [...allowOriginRelated(policy), credentialsRelated(policy)],
            policy,
          );
          continue;
        }
        const findings: readonly Finding[] =
          verdict.kind === 'unsafe'
            ? verdict.findings
            : // No intended host to judge against, but it lets any website in.
              check.matcher?.verify(EXAMPLE_ATTACKER)
              ? [{ witness: EXAMPLE_ATTACKER, witnessClass: 'registrable' }]
              : [];
        const seen = new Set<Finding>();
        // Only witnesses that really reach Access-Control-Allow-Origin, by the same decide() the hover asks.
        for (const policy of policies) {
          if (!reportsOn(policy)) continue;
          for (const { finding } of confirmedWitnesses(policy, check, findings)) {
            if (seen.has(finding)) continue;
            seen.add(finding);
            const messageId = messageIdOf(finding);
            if (messageId !== 'acceptsAttacker' && options.reportUnregistrable === false) continue;
            if (messageId === 'acceptsUnregistrable' && options.reportNetworkOnly === false) continue;
            // A check that names no host meant no site: only an origin someone can register is a finding.
            if (messageId !== 'acceptsAttacker' && verdict.kind === 'unsafe' && verdict.hosts.length === 0) continue;
            const where = locationOf(check, finding.culprit, sourceCode);
            const loc = 'loc' in where ? where.loc : where.node.loc;
            candidates.push({
              key: `${foreignModuleOf(check.node)?.path ?? ''}:${loc.start.line}:${loc.start.column}:${loc.end.line}:${loc.end.column}`,
              where,
              check,
              finding,
              messageId,
              policy,
              repair: verdict.kind === 'unsafe' ? verdict.repair : undefined,
              hosts: verdict.kind === 'unsafe' ? verdict.hosts : [],
            });
          }
        }
      }
      // Loose checks joined by `&&` whose witnesses each fail another: the origins they admit together are not
      // computed, so the policy is not verified safe, and that is said (decide.ts: unprovenConjunction).
      for (const policy of model.policies) {
        if (!reportsOn(policy) || policy.credentials.allowed === false) continue;
        const path = unprovenConjunction(policy);
        if (!path || path.some((c) => unanalysed.has(c) || candidates.some((k) => sameCheck(k.check, c)))) continue;
        if (assessPolicy(policy).level !== 'unknown') continue;
        const [first, ...rest] = path;
        unanalysed.add(first!);
        reportWithRelated(
          context,
          {
            ...locationOf(first!, undefined, sourceCode),
            messageId: 'notAnalysed',
            data: {
              reason: `it is joined with ${rest.length === 1 ? 'another check' : `${rest.length} other checks`} by \`&&\`, each letting attacker origins in on its own, and the origins they admit together are not computed`,
            },
          },
          [
            ...rest.map((c) => [c.node, 'Joined with this check.'] as const),
            ...allowOriginRelated(policy),
            credentialsRelated(policy),
          ],
          policy,
        );
      }
      candidates.sort((a, b) => MESSAGE_RANK.indexOf(a.messageId) - MESSAGE_RANK.indexOf(b.messageId));
      // One report per check (one defect, one diagnostic): its strongest witness is the message, the
      // other flaws of the same check (an unescaped dot and a missing `$` in one regex) ride along as
      // related locations.
      const byCheck = new Map<string, Candidate[]>();
      for (const c of candidates) {
        const id = `${foreignModuleOf(c.check.node)?.path ?? ''}:${c.check.node.range[0]}:${c.check.node.range[1]}`;
        const list = byCheck.get(id);
        if (!list) byCheck.set(id, [c]);
        else if (!list.some((o) => o.key === c.key)) list.push(c);
      }
      for (const [first, ...others] of byCheck.values()) {
        const { where, check, finding, messageId, policy, repair, hosts: intended } = first!;
        const fix = repair ? repairFix(check, repair) : undefined;
        const reason = (c: Candidate) => reasonOf(c.check, c.finding.culprit, sourceCode, c.hosts, c.finding.witness);
        // Several flaws: the report covers the whole pattern, each flaw is a related location.
        const whole =
          others.length > 0 && 'loc' in where && check.kind === 'regex'
            ? { loc: (check.patternNode ?? check.node).loc }
            : undefined;
        // In the order they appear in the pattern.
        const also = [...(whole ? [first!] : []), ...others]
          .map((c) => ({ c, loc: 'loc' in c.where ? c.where.loc : c.where.node.loc }))
          .sort((a, b) => a.loc.start.line - b.loc.start.line || a.loc.start.column - b.loc.start.column)
          .map(
            ({ c }) => [locatedOf(c.where), sentence(`Accepts \`${c.finding.witness}\` here: ${reason(c)}`)] as const,
          );
        reportWithRelated(
          context,
          {
            ...(whole ?? where),
            messageId,
            data: {
              witness: finding.witness,
              reason:
                reasonOf(check, finding.culprit, sourceCode, intended, finding.witness) +
                assumption(check) +
                helperNote(policy, model.modules?.root ?? context.cwd) +
                callersNote(policy, model.modules?.root ?? context.cwd) +
                (others.length > 0 ? ` (and ${others.length} more flaw${others.length === 1 ? '' : 's'})` : ''),
            },
            suggest: fix && repair ? [{ messageId: 'suggestRepair', data: { pattern: repair }, fix }] : [],
          },
          [
            ...also,
            [
              check.kind === 'regex' && check.node !== check.patternNode ? check.node : undefined,
              'The pattern is built here.',
            ],
            ...allowOriginRelated(policy),
            credentialsRelated(policy),
            ...callersRelated(policy),
          ],
          policy,
        );
      }
    });
  },
});

/** A report location as a related location (a node, or a range inside a pattern). */
function locatedOf(where: Candidate['where']): { loc: TSESTree.SourceLocation } | TSESTree.Node {
  return 'loc' in where && !('node' in where) ? { loc: where.loc } : (where as { node: TSESTree.Node }).node;
}

/** For a pattern built at run time or a string CORS Guard cannot read: what the verdict took it to hold. */
function assumption(check: PatternCheck): string {
  if (check.kind === 'string' || !check.assumes?.length) return '';
  const parts = check.assumes.map((a) => `\`${a.length > 40 ? `${a.slice(0, 39)}…` : a}\``).join(', ');
  if (check.kind === 'within') return ` (assuming ${parts} holds origins such as \`${STAND_IN_ORIGIN_LIST}\`)`;
  const joined = check.assumes.map((a) => /^([\w$.]+)\.join\(/.exec(a)?.[1]).filter((x): x is string => !!x);
  if (joined.length === check.assumes.length) {
    const lists = joined.map((a) => `\`${a}\``).join(', ');
    return ` (assuming ${lists} holds hosts or origins such as \`${STAND_IN_HOST}\`: each entry is written into the pattern as it is)`;
  }
  return ` (assuming ${parts} is a host such as \`${STAND_IN_HOST}\`)`;
}

interface Candidate {
  readonly key: string;
  readonly where: { loc: TSESTree.SourceLocation } | { node: TSESTree.Node };
  readonly check: PatternCheck;
  readonly finding: Finding;
  readonly messageId: MessageIds;
  readonly policy: Policy;
  readonly repair: string | undefined;
  readonly hosts: readonly string[];
}

/** Which witness a report names when several get in at one place: one anyone can register first. */
const MESSAGE_RANK: readonly MessageIds[] = [
  'acceptsAttacker',
  'acceptsOwnSubdomain',
  'acceptsNull',
  'acceptsUnregistrable',
];

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
