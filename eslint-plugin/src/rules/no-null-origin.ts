import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { Policy, Value } from '../analysis';
import { createRule } from '../util/create-rule';
import { credentialsRelated, reportWithRelated } from '../util/related';
import { credentialState } from '../util/describe';
import { withFileModel } from '../util/file-model';
import { removeListItem } from '../util/fixes';

export type Options = [];
export type MessageIds = 'nullTrusted' | 'suggestRemove';

type Where = 'allowlist' | 'header' | 'fallback';

const WHERE_TEXT: Readonly<Record<Where, string>> = {
  allowlist: 'in an origin allowlist',
  header: 'as Access-Control-Allow-Origin',
  fallback: 'as a fallback Access-Control-Allow-Origin',
};

export default createRule<Options, MessageIds>({
  name: 'no-null-origin',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow trusting the `null` origin',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      nullTrusted: "`'null'` is trusted {{where}}: any site can send `Origin: null`{{credentials}}.",
      suggestRemove: "Remove `'null'` from the allowlist.",
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const reported = new Set<TSESTree.Node>();

    function report(node: TSESTree.Node, where: Where, policy: Policy): void {
      if (reported.has(node)) return;
      reported.add(node);
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      if (node.parent?.type === T.ArrayExpression && node.parent.elements.includes(node as TSESTree.Expression)) {
        suggest.push({ messageId: 'suggestRemove', fix: (fixer) => removeListItem(sourceCode, fixer, node) });
      }
      const state = credentialState(policy.credentials);
      reportWithRelated(
        context,
        {
          node,
          messageId: 'nullTrusted',
          data: {
            where: WHERE_TEXT[where],
            credentials: state === 'with' ? ", with the user's cookies" : '',
          },
          suggest,
        },
        [credentialsRelated(policy)],
      );
    }

    function nullLiterals(values: readonly Value[] | undefined): Value[] {
      return (values ?? []).filter((v) => v.kind === 'literal' && v.value === 'null');
    }

    return withFileModel(context, (model) => {
      for (const policy of model.policies) {
        for (const spec of policy.origins) {
          if (spec.type === 'null') {
            const inList = spec.node.parent?.type === T.ArrayExpression;
            const fallback = spec.node.parent?.type === T.LogicalExpression && spec.node.parent.right === spec.node;
            report(spec.node, inList ? 'allowlist' : fallback ? 'fallback' : 'header', policy);
          } else if (spec.type === 'reflect') {
            // An exact check that lets 'null' through trusts it as much as a list entry does.
            for (const check of spec.guard.all) {
              if (check.kind !== 'exact') continue;
              for (const v of nullLiterals(check.allowed)) report(v.node, 'allowlist', policy);
            }
          }
        }
      }
    });
  },
});
