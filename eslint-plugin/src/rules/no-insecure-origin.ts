import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import {
  confirmedWitnesses,
  decide,
  insecureOrigin,
  insecureWitness,
  specsOf,
  type Check,
  type OriginSpec,
  type PatternCheck,
  type Policy,
  type Value,
} from '../analysis';
import { createRule } from '../util/create-rule';
import { reportWithRelated } from '../util/related';
import { allowedOriginsSchema, objectOptionsSchema, trustedHostsSchema } from '../util/options';
import { credentialState } from '../util/wording';
import { ruleHosts } from '../util/settings';
import { withFileModel } from '../util/file-model';

export type Options = [{ allowedOrigins?: string[]; trustedHosts?: string[] }];
export type MessageIds = 'insecureOrigin' | 'insecureCheck' | 'suggestHttps';

/** The literal origins a policy names: fixed values, list elements and the entries of exact checks. */
function literalsOf(spec: OriginSpec): Value[] {
  if (spec.type === 'fixed') return [{ kind: 'literal', value: spec.value, node: spec.node, sites: [] }];
  if (spec.type === 'list') return [...spec.elements];
  if (spec.type === 'reflect') return spec.guard.all.flatMap((c: Check) => (c.kind === 'exact' ? c.allowed : []));
  return [];
}

export default createRule<Options, MessageIds>({
  name: 'no-insecure-origin',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow trusting plain-HTTP origins',
      recommended: 'strict',
      noFixReason:
        'Switching an origin to https changes who can call you: it is offered as a suggestion, never applied automatically.',
    },
    hasSuggestions: true,
    schema: objectOptionsSchema({
      allowedOrigins: allowedOriginsSchema,
      trustedHosts: trustedHostsSchema,
    }),
    defaultOptions: [{ allowedOrigins: [], trustedHosts: [] }],
    messages: {
      insecureOrigin: '`{{origin}}` is trusted over plain HTTP: a network attacker can read responses{{credentials}}.',
      insecureCheck:
        'Origin check accepts `{{origin}}` over plain HTTP: a network attacker can read responses{{credentials}}.',
      suggestHttps: 'Trust `{{https}}` instead.',
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const own = ruleHosts(options);
    const reported = new Set<TSESTree.Node>();

    function credentialsNote(policy: Policy): string {
      return credentialState(policy.credentials) === 'with' ? " with the user's cookies" : '';
    }

    function reportValue(node: TSESTree.Node, origin: string, policy: Policy): void {
      if (reported.has(node)) return;
      reported.add(node);
      const https = origin.replace(/^http:/i, 'https:');
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      if (node.type === T.Literal && typeof node.value === 'string') {
        const raw = sourceCode.getText(node);
        suggest.push({
          messageId: 'suggestHttps',
          data: { https },
          fix: (fixer) => fixer.replaceText(node, raw.replace(/http:/i, 'https:')),
        });
      }
      reportWithRelated(context, {
        node,
        messageId: 'insecureOrigin',
        data: { origin, credentials: credentialsNote(policy) },
        suggest,
      });
    }

    function reportCheck(
      check: PatternCheck,
      policies: readonly Policy[],
      hosts: readonly string[],
      budget: {
        withinBudget<R>(f: () => R): R | undefined;
      },
    ): void {
      const pattern = check.matcher?.pattern;
      if (reported.has(check.node) || !check.matcher || !pattern) return;
      const { verify } = check.matcher;
      const origin = budget.withinBudget(() => insecureWitness(pattern, hosts, verify));
      if (!origin) return;
      const probe = [{ witness: origin, witnessClass: 'registrable' as const }];
      const policy = policies.find((p) => confirmedWitnesses(p, check, probe).length > 0);
      if (!policy) return;
      reported.add(check.node);
      reportWithRelated(context, {
        node: check.kind === 'string' ? check.methodNode : check.node,
        messageId: 'insecureCheck',
        data: { origin, credentials: credentialsNote(policy) },
      });
    }

    return withFileModel(context, (model) => {
      for (const policy of model.policies) {
        for (const spec of specsOf(policy)) {
          for (const v of literalsOf(spec)) {
            const origin = v.kind === 'literal' && typeof v.value === 'string' ? insecureOrigin(v.value) : undefined;
            // Only an origin the policy really lets in (decide()), e.g. not a list entry after a stricter check.
            if (origin && decide(policy, origin).admissions.length > 0) reportValue(v.node, origin, policy);
          }
        }
      }
      const hosts = own ?? model.judge.hosts;
      for (const { check, policies } of model.originChecks) reportCheck(check, policies, hosts, model.judge);
    });
  },
});
