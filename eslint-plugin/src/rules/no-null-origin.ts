import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { localExposure, nullAdmissions, type Policy } from '../analysis';
import { createRule } from '../util/create-rule';
import { credentialsRelated, reportWithRelated } from '../util/related';
import { credentialState, libraryName } from '../util/wording';
import { withFileModel } from '../util/file-model';
import { removeListItem } from '../util/fixes';

export type Options = [];
export type MessageIds = 'nullTrusted' | 'suggestRemove';

type Where = 'allowlist' | 'header' | 'fallback' | 'list-miss';

const WHERE_TEXT: Readonly<Record<Where, string>> = {
  allowlist: 'in an origin allowlist',
  header: 'as Access-Control-Allow-Origin',
  fallback: 'as a fallback Access-Control-Allow-Origin',
  'list-miss': 'as the Access-Control-Allow-Origin {{library}} sends to every origin missing from this list',
};

export default createRule<Options, MessageIds>({
  name: 'no-null-origin',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow trusting the `null` origin',
      recommended: 'recommended',
      noFixReason:
        'Removing `null` changes who can call you: it is offered as a suggestion, never applied automatically.',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      nullTrusted: "`'null'` is trusted {{where}}: any site can send `Origin: null`{{credentials}}.",
      suggestRemove: "Remove `'null'` from the allowlist.",
    },
  },
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
            where: WHERE_TEXT[where].replace('{{library}}', libraryName(policy)),
            credentials: state === 'with' ? ", with the user's cookies" : '',
          },
          suggest,
        },
        [credentialsRelated(policy)],
        policy,
      );
    }

    return withFileModel(context, (model) => {
      for (const policy of model.policies) {
        // On a server on the user's machine, no-exposed-local-server carries the finding (one defect, one finding).
        if (localExposure(policy)) continue;
        // A request from a sandboxed iframe, admitted by an entry or value written as `null`.
        for (const admission of nullAdmissions(policy)) {
          const node = admission.entry!;
          if (admission.spec.type !== 'null') {
            report(node, 'allowlist', policy);
            continue;
          }
          // Yoga answers an origin missing from a list of two or more with `null` (src).
          if (policy.library?.listMissSends === 'null' && node.type === T.ArrayExpression) {
            report(node, 'list-miss', policy);
            continue;
          }
          const inList = node.parent?.type === T.ArrayExpression;
          const fallback = node.parent?.type === T.LogicalExpression && node.parent.right === node;
          report(node, inList ? 'allowlist' : fallback ? 'fallback' : 'header', policy);
        }
      }
    });
  },
});
