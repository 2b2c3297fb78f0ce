import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import {
  checkPattern,
  insecureWitness,
  isLocalHost,
  originChecksOf,
  trustedHostsFrom,
  withinFileBudget,
  type OriginCheck,
  type Policy,
  type Value,
} from '../analysis';
import { createRule } from '../util/create-rule';
import { allowedOriginsSchema, objectOptionsSchema, trustedHostsSchema } from '../util/options';
import { credentialState } from '../util/describe';
import { withFileModel } from '../util/file-model';

export type Options = [{ allowedOrigins?: string[]; trustedHosts?: string[] }];
export type MessageIds = 'insecureOrigin' | 'insecureCheck' | 'suggestHttps';

/** `http://host[:port]` on a host that is not the developer's own machine. */
function insecureOrigin(value: string): string | undefined {
  const m = /^http:\/\/([^/:?#]+)(?::\d+)?\/?$/i.exec(value.trim());
  return m && !isLocalHost(m[1]!.toLowerCase()) ? value.trim() : undefined;
}

export default createRule<Options, MessageIds>({
  name: 'no-insecure-origin',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow trusting plain-HTTP origins',
      recommended: 'strict',
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
  defaultOptions: [{ allowedOrigins: [], trustedHosts: [] }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const hosts = trustedHostsFrom(options.allowedOrigins, options.trustedHosts);
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
      context.report({
        node,
        messageId: 'insecureOrigin',
        data: { origin, credentials: credentialsNote(policy) },
        suggest,
      });
    }

    function literalOrigins(values: readonly Value[] | undefined, policy: Policy): void {
      for (const v of values ?? []) {
        const origin = v.kind === 'literal' && typeof v.value === 'string' ? insecureOrigin(v.value) : undefined;
        if (origin) reportValue(v.node, origin, policy);
      }
    }

    function reportCheck(check: OriginCheck, file: object): void {
      if (reported.has(check.node)) return;
      const p = checkPattern(check);
      const origin = p && withinFileBudget(file, () => insecureWitness(p.pattern, hosts, p.verify));
      if (!origin) return;
      reported.add(check.node);
      context.report({
        node: check.kind === 'string' ? check.methodNode : check.node,
        messageId: 'insecureCheck',
        data: { origin, credentials: credentialsNote(check.policy) },
      });
    }

    return withFileModel(context, (model) => {
      for (const policy of model.policies) {
        for (const spec of policy.origins) {
          if (spec.type === 'fixed') {
            const origin = insecureOrigin(spec.value);
            if (origin) reportValue(spec.node, origin, policy);
          } else if (spec.type === 'list') {
            literalOrigins(spec.elements, policy);
          } else if (spec.type === 'reflect') {
            for (const c of spec.guard.all) if (c.kind === 'exact') literalOrigins(c.allowed, policy);
          }
        }
      }
      for (const check of originChecksOf(model)) reportCheck(check, model);
    });
  },
});
