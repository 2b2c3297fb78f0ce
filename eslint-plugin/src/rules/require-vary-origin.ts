import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { unconditionalAdmissions } from '../analysis';
import { createRule } from '../util/create-rule';
import { reportWithRelated } from '../util/related';
import { withFileModel } from '../util/file-model';
import { headerSiteWithValue, indentOf, varyStatement } from '../util/fixes';

export type Options = [];
export type MessageIds = 'missingVary' | 'suggestVary';

export default createRule<Options, MessageIds>({
  name: 'require-vary-origin',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `Vary: Origin` when Access-Control-Allow-Origin depends on the request',
      recommended: 'strict',
      noFixReason: 'Adding a header changes the response: it is offered as a suggestion, never applied automatically.',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      missingVary:
        'Access-Control-Allow-Origin depends on the Origin but there is no `Vary: Origin`: caches can mix up sites.',
      suggestVary: 'Send `Vary: Origin` with it.',
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    return withFileModel(context, (model) => {
      const reported = new Set<TSESTree.Node>();
      for (const policy of model.policies) {
        // CORS libraries send Vary themselves; only hand-written headers can forget it.
        if (policy.kind !== 'headers' || policy.varyOrigin !== false) continue;
        // An unchecked reflection is no-origin-reflection's to report; this is for correct, checked ones.
        const unchecked = new Set(unconditionalAdmissions(policy).map((a) => a.spec));
        for (const spec of policy.origins) {
          if (spec.type !== 'reflect' || unchecked.has(spec) || reported.has(spec.node)) continue;
          reported.add(spec.node);
          const site = headerSiteWithValue(policy.headers, spec.node);
          const statement = site?.node.parent;
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
          const line = site?.shape === 'setter' ? varyStatement(sourceCode, site) : undefined;
          if (line && statement?.type === T.ExpressionStatement) {
            const inBlock = statement.parent?.type === T.BlockStatement || statement.parent?.type === T.Program;
            suggest.push({
              messageId: 'suggestVary',
              fix: (fixer) =>
                inBlock
                  ? fixer.insertTextAfter(statement, `\n${indentOf(sourceCode, statement)}${line}`)
                  : fixer.replaceText(statement, `{ ${sourceCode.getText(statement)} ${line} }`),
            });
          }
          reportWithRelated(context, { node: spec.node, messageId: 'missingVary', suggest });
        }
      }
    });
  },
});
