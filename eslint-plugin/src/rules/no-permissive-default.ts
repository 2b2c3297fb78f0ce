import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { memberName, unwrap, type Value } from '../analysis';
import { createRule } from '../util/create-rule';
import { withFileModel } from '../util/file-model';

export type Options = [];
export type MessageIds = 'permissiveDefault';

/** `process.env.X`, directly or at the base of `process.env.X?.split(',')`. */
function envVariableOf(node: TSESTree.Node, values: readonly Value[]): string | undefined {
  const env = values.find((v) => v.kind === 'env');
  if (env?.kind === 'env') return `process.env.${env.name}`;
  let n: TSESTree.Node = unwrap(node);
  for (let i = 0; i < 8; i++) {
    if (n.type === T.CallExpression) n = unwrap(n.callee);
    else if (n.type === T.MemberExpression) {
      const object = unwrap(n.object);
      if (object.type === T.MemberExpression && memberName(object) === 'env') {
        const root = unwrap(object.object);
        if (root.type === T.Identifier && root.name === 'process') return `process.env.${memberName(n) ?? '…'}`;
      }
      n = object;
    } else return undefined;
  }
  return undefined;
}

export default createRule<Options, MessageIds>({
  name: 'no-permissive-default',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow CORS settings that fall back to allowing every origin when configuration is missing',
      recommended: 'strict',
    },
    schema: [],
    messages: {
      permissiveDefault:
        '`{{expression}}` allows every origin when `{{variable}}` is unset: a missing setting fails open.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return withFileModel(context, (model) => {
      const reported = new Set<TSESTree.Node>();
      for (const policy of model.policies) {
        for (const spec of policy.origins) {
          const permissive =
            (spec.type === 'wildcard' && !spec.implicit && !spec.whenOriginAbsent) ||
            (spec.type === 'reflect' && spec.via === 'origin-true');
          const fallback = spec.node.parent;
          if (
            !permissive ||
            fallback?.type !== T.LogicalExpression ||
            fallback.right !== spec.node ||
            fallback.operator === '&&'
          ) {
            continue;
          }
          const variable = envVariableOf(fallback.left, model.resolver.resolve(fallback.left));
          if (!variable || reported.has(fallback)) continue;
          reported.add(fallback);
          context.report({
            node: fallback,
            messageId: 'permissiveDefault',
            data: { expression: sourceCode.getText(fallback), variable },
          });
        }
      }
    });
  },
});
