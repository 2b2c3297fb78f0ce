import type { TSESTree } from '@typescript-eslint/utils';
import { shortText, switchedAllowAll, switchesIn } from '../analysis';
import { createRule } from '../util/create-rule';
import { credentialsRelated, reportWithRelated } from '../util/related';
import { credentialState, nodeText } from '../util/wording';
import { withFileModel } from '../util/file-model';

export type Options = [];
export type MessageIds = 'permissiveDefault' | 'optInSwitch';

export default createRule<Options, MessageIds>({
  name: 'no-permissive-default',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow CORS settings that allow every origin on a configuration value: a fallback when it is missing, or a switch that bypasses the origin check',
      recommended: 'strict',
      noFixReason:
        'No safe automatic fix here: only you know which origins to trust. Fail closed when the setting is missing, and list the extra origins a deployment needs instead of a switch (see the documentation).',
    },
    schema: [],
    messages: {
      permissiveDefault:
        '`{{expression}}` allows every origin when `{{variable}}` is unset: a missing setting fails open.',
      optInSwitch:
        '`{{expression}}` lets every origin past the origin check wherever `{{variable}}` is set: any site reads it{{cookies}} in that deployment.',
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
        // `if (process.env.ALLOW_ALL_CORS) return callback(null, true)` beside an origin check.
        const state = credentialState(policy.credentials);
        for (const admission of switchedAllowAll(policy)?.admissions ?? []) {
          const [first] = switchesIn(admission);
          if (!first || reported.has(first.node)) continue;
          reported.add(first.node);
          const spec = admission.member ?? admission.spec;
          reportWithRelated(
            context,
            {
              node: first.node,
              messageId: 'optInSwitch',
              data: {
                expression: shortText(nodeText(first.node, sourceCode), 60),
                variable: first.variable,
                cookies:
                  state === 'with'
                    ? " with the user's cookies"
                    : state === 'maybe'
                      ? ', with cookies if credentials are on'
                      : ', without cookies',
              },
            },
            [[spec.node, 'Every origin is let in here.'], credentialsRelated(policy)],
            policy,
          );
        }
      }
    });
  },
});
