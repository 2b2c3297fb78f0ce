import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../util/create-rule';
import { reportWithRelated } from '../util/related';
import { nodeText } from '../util/wording';
import { withFileModel } from '../util/file-model';

export type Options = [];
export type MessageIds = 'permissiveDefault';

export default createRule<Options, MessageIds>({
  name: 'no-permissive-default',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow CORS settings that fall back to allowing every origin when configuration is missing',
      recommended: 'strict',
      noFixReason:
        'No safe automatic fix here: only you know which origins to trust. Fail closed when the setting is missing (see the documentation).',
    },
    schema: [],
    messages: {
      permissiveDefault:
        '`{{expression}}` allows every origin when `{{variable}}` is unset: a missing setting fails open.',
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    return withFileModel(context, (model) => {
      const reported = new Set<TSESTree.Node>();
      for (const policy of model.policies) {
        for (const spec of policy.origins) {
          const fallback = 'permissiveDefault' in spec ? spec.permissiveDefault : undefined;
          if (!fallback || reported.has(fallback.expression)) continue;
          reported.add(fallback.expression);
          reportWithRelated(context, {
            node: fallback.expression,
            messageId: 'permissiveDefault',
            data: { expression: nodeText(fallback.expression, sourceCode), variable: fallback.variable },
          });
        }
      }
    });
  },
});
