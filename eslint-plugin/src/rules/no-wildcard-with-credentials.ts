import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { decide, EXAMPLE_ATTACKER, localExposure, releaseNote, type OriginSpec, type Policy } from '../analysis';
import { createRule } from '../util/create-rule';
import { credentialsRelated, reportWithRelated } from '../util/related';
import { allowedOriginsSchema, objectOptionsSchema } from '../util/options';
import { credentialsLine, libraryName } from '../util/wording';
import { allowlistOrigins } from '../util/settings';
import { withFileModel } from '../util/file-model';
import {
  ALLOWLIST_NAME,
  allowlistFor,
  headerSiteWithValue,
  layoutOf,
  listInScope,
  removeListItem,
  removeStatement,
} from '../util/fixes';

export type Options = [{ allowedOrigins?: string[] }];
export type MessageIds =
  | 'wildcardRejected'
  | 'wildcardReflects'
  | 'wildcardAlwaysReflects'
  | 'wildcardDropsCredentials'
  | 'wildcardRefused'
  | 'suggestRemoveCredentials'
  | 'suggestAllowlist';

type WildcardSpec = Extract<OriginSpec, { type: 'wildcard' }>;

/** What a refused configuration means when the row does not say (the CDK's HTTP API). */
const DEFAULT_REFUSAL = 'the stack fails to build, so this CORS setting never deploys';
export default createRule<Options, MessageIds>({
  name: 'no-wildcard-with-credentials',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `Access-Control-Allow-Origin: *` together with credentials',
      recommended: 'recommended',
      noFixReason:
        'No safe automatic fix here: only you know which origins to trust. List them, or drop credentials for public data (see the documentation).',
    },
    hasSuggestions: true,
    schema: objectOptionsSchema({
      allowedOrigins: allowedOriginsSchema,
    }),
    defaultOptions: [{ allowedOrigins: [] }],
    messages: {
      wildcardRejected:
        '{{Subject}} with credentials (line {{line}}) is rejected by browsers: credentialed requests fail.',
      wildcardReflects:
        '{{library}} turns {{subject}} with credentials (line {{line}}) into reflection: any site reads with cookies.',
      wildcardAlwaysReflects:
        "{{library}} answers {{subject}} with the request's Origin; with credentials (line {{line}}) any site reads with cookies.",
      wildcardDropsCredentials:
        '{{library}} drops credentials from {{subject}} responses (line {{line}}), so credentialed requests fail: list trusted origins.',
      wildcardRefused: '{{library}} refuses {{subject}} with credentials (line {{line}}): {{refusal}}.',
      suggestRemoveCredentials: 'Remove credentials (keep `*` for public data).',
      suggestAllowlist: 'Allow only an allowlist of trusted origins (`{{list}}`).',
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;

    function credentialsRemoval(policy: Policy): TSESLint.ReportFixFunction | undefined {
      const node = policy.credentials.node;
      if (!node) return undefined;
      if (policy.kind === 'options') {
        const prop = node.parent;
        if (prop?.type === T.Property && prop.value === node && prop.parent === policy.options) {
          // Credentials on by default (Elysia, AdonisJS, Strapi): removing the option would keep them on.
          if (policy.library?.defaultCredentials) return (fixer) => fixer.replaceText(node, 'false');
          return (fixer) => removeListItem(sourceCode, fixer, prop);
        }
        return undefined;
      }
      const site = headerSiteWithValue(policy.headers, node);
      if (site?.shape === 'setter' && site.node.parent?.type === T.ExpressionStatement) {
        const statement = site.node.parent;
        return (fixer) => removeStatement(sourceCode, fixer, statement);
      }
      if (site?.shape === 'object') {
        const prop = site.node;
        return (fixer) => removeListItem(sourceCode, fixer, prop);
      }
      return undefined;
    }

    function allowlistFix(spec: WildcardSpec, policy: Policy): TSESLint.ReportFixFunction | undefined {
      if (policy.kind !== 'options' || !policy.library?.acceptsArray || !policy.options) return undefined;
      // The allowlist as a named constant: the project's own list in scope, else `ALLOWED_ORIGINS`.
      const listFor = (fixer: TSESLint.RuleFixer) =>
        allowlistFor(sourceCode, fixer, spec.node, allowlistOrigins(context, options), 'option', layoutOf(context));
      if (!spec.implicit && policy.originProperty?.value === spec.node) {
        return (fixer) => {
          const list = listFor(fixer);
          return [...list.fixes, fixer.replaceText(spec.node, list.array)];
        };
      }
      if (spec.implicit && spec.node === policy.options && !policy.originProperty) {
        const obj = policy.options;
        const name = policy.library.originOption;
        const first = obj.properties[0];
        return (fixer) => {
          const list = listFor(fixer);
          return [
            ...list.fixes,
            first
              ? fixer.insertTextBefore(first, `${name}: ${list.array}, `)
              : fixer.replaceText(obj, `{ ${name}: ${list.array} }`),
          ];
        };
      }
      return undefined;
    }

    return withFileModel(context, (model) => {
      const reported = new Set<TSESTree.Node>();
      for (const policy of model.policies) {
        if (policy.credentials.allowed !== true) continue;
        // On a server on the user's machine, no-exposed-local-server carries the finding (one defect, one finding).
        if (localExposure(policy)) continue;
        // What `*` answers an origin any website can send: rejected by browsers, or turned into reflection.
        for (const admission of decide(policy, EXAMPLE_ATTACKER).admissions) {
          const spec = admission.member ?? admission.spec;
          if (spec.type !== 'wildcard') continue;
          // An implicit default is reported where credentials are switched on.
          const node = spec.implicit && policy.credentials.node ? policy.credentials.node : spec.node;
          if (reported.has(node)) continue;
          reported.add(node);
          const subject = spec.implicit ? 'the default origin `*`' : '`*`';
          const remove = credentialsRemoval(policy);
          const allow = allowlistFix(spec, policy);
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
          if (allow) {
            const list = listInScope(sourceCode, spec.node)?.name ?? ALLOWLIST_NAME;
            suggest.push({ messageId: 'suggestAllowlist', data: { list }, fix: allow });
          }
          // hapi and Yoga reflect `*` without credentials too: removing them would not make it public.
          if (remove && !policy.library?.wildcardReflects)
            suggest.push({ messageId: 'suggestRemoveCredentials', fix: remove });
          reportWithRelated(
            context,
            {
              node,
              messageId: spec.becomesReflection
                ? policy.library?.wildcardReflects
                  ? 'wildcardAlwaysReflects'
                  : 'wildcardReflects'
                : policy.library?.wildcardWithCredentials === 'drops-credentials'
                  ? 'wildcardDropsCredentials'
                  : policy.library?.wildcardWithCredentials === 'refused'
                    ? 'wildcardRefused'
                    : 'wildcardRejected',
              data: {
                subject,
                Subject: subject[0]!.toUpperCase() + subject.slice(1),
                line: credentialsLine(policy.credentials),
                library: spec.release ? `${libraryName(policy)} (${releaseNote(spec.release)})` : libraryName(policy),
                attacker: EXAMPLE_ATTACKER,
                refusal: policy.library?.refusal ?? DEFAULT_REFUSAL,
              },
              suggest,
            },
            [
              credentialsRelated(policy),
              [
                spec.implicit ? (policy.call ?? policy.node) : undefined,
                'The default origin `*` comes from this configuration.',
              ],
            ],
            policy,
          );
        }
      }
    });
  },
});
