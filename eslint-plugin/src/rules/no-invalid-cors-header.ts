import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { ACAC, parseAllowOriginValue, specsOf, staticMappingValue } from '../analysis';
import { createRule } from '../util/create-rule';
import { reportWithRelated } from '../util/related';
import { withFileModel } from '../util/file-model';

export type Options = [];
export type MessageIds = 'invalidOrigin' | 'invalidListEntry' | 'invalidCredentials' | 'suggestOrigin' | 'suggestTrue';

const REASONS = {
  'trailing-slash': 'an origin has no trailing slash',
  path: 'an origin has no path',
  list: 'browsers accept exactly one origin, not a list: compare the request’s Origin with an allowlist and send back that one',
  'not-an-origin': 'it is not `scheme://host[:port]`, `*` or `null`',
} as const;

/** Values that try to turn credentials on but do not: only the exact string `true` counts. */
const ALMOST_TRUE = /^(?:true|yes|on|1)$/i;

export default createRule<Options, MessageIds>({
  name: 'no-invalid-cors-header',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow CORS header values browsers reject',
      recommended: 'strict',
      noFixReason:
        'The corrected value changes the response: it is offered as a suggestion, never applied automatically.',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      invalidOrigin: '`{{value}}` is not a valid Access-Control-Allow-Origin ({{reason}}).',
      invalidListEntry:
        '`{{value}}` in an origin list never equals an Origin ({{reason}}): that site is never allowed.',
      invalidCredentials: '`Access-Control-Allow-Credentials: {{value}}` does not allow credentials; only `true` does.',
      suggestOrigin: 'Use the origin `{{origin}}`.',
      suggestTrue: 'Use `true`.',
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const reported = new Set<TSESTree.Node>();

    function replaceString(node: TSESTree.Node, value: string): TSESLint.ReportFixFunction | undefined {
      if (node.type !== T.Literal || typeof node.value !== 'string') return undefined;
      const quote = sourceCode.getText(node)[0] ?? "'";
      // An API Gateway static response parameter keeps its inner quotes (`"'https://app.example.com'"`).
      const inner = staticMappingValue(node.value) !== undefined ? (quote === "'" ? "\\'" : "'") : '';
      return (fixer) => fixer.replaceText(node, `${quote}${inner}${value}${inner}${quote}`);
    }

    return withFileModel(context, (model) => {
      for (const policy of model.policies) {
        for (const spec of specsOf(policy)) {
          // An Elysia entry without a scheme (`example.com`) is matched against the Origin, never sent.
          if (spec.type !== 'fixed' || spec.schemeless || reported.has(spec.node)) continue;
          const form = parseAllowOriginValue(spec.value);
          if (form.form !== 'invalid') continue;
          reported.add(spec.node);
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
          const origin = /^([a-z][a-z0-9+.-]*:\/\/[^/?#\s,]+)/i.exec(spec.value.trim())?.[1];
          const fix = origin && form.reason !== 'list' ? replaceString(spec.node, origin) : undefined;
          if (origin && fix) suggest.push({ messageId: 'suggestOrigin', data: { origin }, fix });
          const inList = spec.node.parent?.type === T.ArrayExpression;
          reportWithRelated(context, {
            node: spec.node,
            messageId: inList ? 'invalidListEntry' : 'invalidOrigin',
            data: { value: spec.value, reason: REASONS[form.reason] },
            suggest,
          });
        }
        for (const site of policy.headers) {
          if (site.header !== ACAC || !site.value || reported.has(site.value)) continue;
          const value = site.literal;
          if (value === undefined || value === 'true' || !ALMOST_TRUE.test(value.trim())) continue;
          reported.add(site.value);
          const fix = replaceString(site.value, 'true');
          reportWithRelated(context, {
            node: site.value,
            messageId: 'invalidCredentials',
            data: { value },
            suggest: fix ? [{ messageId: 'suggestTrue', fix }] : [],
          });
        }
      }
    });
  },
});
