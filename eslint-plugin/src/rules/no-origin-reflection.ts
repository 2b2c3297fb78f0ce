import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import {
  EXAMPLE_ATTACKER,
  releaseText,
  shortText,
  unconditionalAdmissions,
  type OriginSpec,
  type Policy,
} from '../analysis';
import { createRule } from '../util/create-rule';
import { callersRelated, credentialsRelated, reportWithRelated } from '../util/related';
import { allowedOriginsSchema, objectOptionsSchema } from '../util/options';
import { callersNote, credentialState, guardNote, helperNote, libraryName } from '../util/wording';
import { allowlistOrigins } from '../util/settings';
import { withFileModel } from '../util/file-model';
import {
  ALLOWLIST_NAME,
  allowlistArrayText,
  allowlistSet,
  headerSiteWithValue,
  indentOf,
  isRepeatable,
  listCheckRepair,
  listInScope,
  varyStatement,
  wrapInAllowlistCheck,
} from '../util/fixes';

export type Options = [
  {
    allowedOrigins?: string[];
    reportWithoutCredentials?: boolean;
  },
];
export type MessageIds =
  | 'reflectedWithCredentials'
  | 'reflectedWithoutCredentials'
  | 'reflectedMaybeCredentials'
  | 'suggestAllowlistCheck'
  | 'suggestAllowlistOption'
  | 'suggestAllowlistCallback'
  | 'suggestAllowlistHeader'
  | 'suggestListCheck'
  | 'suggestOwnList'
  | 'suggestAllowlistReturn'
  | 'suggestOwnListHeader';

type Reflection = { spec: OriginSpec; policy: Policy };

/** The subject of the message: what sends the origin back, and past which guard. */
function subjectOf(
  spec: OriginSpec,
  policy: Policy,
  sourceCode: Readonly<TSESLint.SourceCode>,
  root: string | undefined,
): string {
  const lib = policy.library ? libraryName(policy) : '';
  if (spec.type === 'wildcard')
    return `${lib} answers \`*\` in the origin list with the request's own Origin, with or without credentials`;
  if (spec.type !== 'reflect') return '';
  const note = guardNote(spec.guard, sourceCode);
  switch (spec.via) {
    case 'header':
      // A helper judged where it lives: its parameter, and why it is the request's Origin.
      if (policy.helper)
        return `Reflects \`${policy.helper.parameter}\`${note || ' unchecked'}${helperNote(policy, root, false)}`;
      return spec.request === 'origin'
        ? `Reflects \`${shortText(spec.what, 40)}\`${note || ' unchecked'}${callersNote(policy, root)}`
        : `Access-Control-Allow-Origin comes from ${spec.what}, which the attacker controls${note}`;
    case 'origin-true':
      return `\`origin: true\` makes ${lib} reflect every Origin${note}`;
    case 'callback':
      return note ? `The origin callback lets all in${note}` : 'The origin callback allows every origin';
    case 'callback-returns':
      return `The origin function returns the Origin${note || ' unchecked'}`;
    case 'library':
      if (spec.release) return releaseText(spec.release);
      return `${lib} with no origin list sends back every request's Origin`;
  }
}

/**
 * The origin parameter of the callback-style origin function a decision is made in
 * (`(origin, callback) => callback(null, true)`), when it is a plain identifier.
 */
function originParameterOf(decision: TSESTree.Node): string | undefined {
  const call = decision.parent;
  if (call?.type !== T.CallExpression || call.callee.type !== T.Identifier || call.arguments[1] !== decision) return;
  const callee = call.callee.name;
  for (let n: TSESTree.Node | undefined = call.parent; n; n = n.parent) {
    if (n.type === T.ArrowFunctionExpression || n.type === T.FunctionExpression || n.type === T.FunctionDeclaration) {
      const [origin, callback] = n.params;
      if (callback?.type === T.Identifier && callback.name === callee)
        return origin?.type === T.Identifier ? origin.name : undefined;
    }
  }
  return undefined;
}

export default createRule<Options, MessageIds>({
  name: 'no-origin-reflection',
  meta: {
    type: 'problem',
    docs: {
      description:
        "Disallow sending the request's Origin back in Access-Control-Allow-Origin without an exact allowlist check",
      recommended: 'recommended',
      // Reflection that never allows credentials gives any website what `*` would (public data): strict only,
      // as for loose checks (no-unsafe-origin-check). A server on the user's own machine is another matter:
      // no-exposed-local-server reports it there.
      recommendedOptions: { reportWithoutCredentials: false },
      noFixReason:
        'No safe automatic fix here: only you know which origins to trust. Check the origin against an exact allowlist (see the documentation).',
    },
    hasSuggestions: true,
    schema: objectOptionsSchema({
      allowedOrigins: allowedOriginsSchema,
      reportWithoutCredentials: {
        type: 'boolean',
        description:
          'Also report reflection when credentials are not allowed (it then exposes only cookie-less responses, like `*`). Default true; false in the recommended preset.',
      },
    }),
    defaultOptions: [{ allowedOrigins: [], reportWithoutCredentials: true }],
    messages: {
      reflectedWithCredentials: "{{subject}}: any site reads it with the user's cookies.",
      reflectedWithoutCredentials: '{{subject}}: any site reads it, without cookies.',
      reflectedMaybeCredentials: '{{subject}}: any site reads it, with cookies if credentials are on.',
      suggestAllowlistCheck: 'Allow only origins in an allowlist (`ALLOWED_ORIGINS`), with `Vary: Origin`.',
      suggestAllowlistOption: 'Replace with a list of trusted origins.',
      suggestAllowlistCallback: 'Allow only origins in an allowlist (`ALLOWED_ORIGINS.has({{origin}})`).',
      suggestAllowlistHeader: 'Send Access-Control-Allow-Origin only for origins in an allowlist (`ALLOWED_ORIGINS`).',
      suggestListCheck: 'Check `{{list}}` as meant: `{{fixed}}`.',
      suggestOwnList: 'Allow only origins in `{{list}}` (`{{check}}`).',
      suggestAllowlistReturn:
        'Return the origin only when it is in an allowlist (`ALLOWED_ORIGINS`; replace the placeholder with your origins).',
      suggestOwnListHeader: 'Send Access-Control-Allow-Origin only for origins in `{{list}}`, with `Vary: Origin`.',
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const allowed = allowlistOrigins(context, options);

    function suggestions(r: Reflection): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const { spec, policy } = r;
      // The code compares against its own list but lets every origin past (`list.indexOf(origin) !== 1`):
      // the comparison is corrected, the list kept (no second, placeholder allowlist).
      const repair = spec.type === 'reflect' ? listCheckRepair(sourceCode, spec.node) : undefined;
      if (repair) {
        return [
          {
            messageId: 'suggestListCheck',
            data: { list: repair.list, fixed: repair.text },
            fix: (fixer) => fixer.replaceText(repair.node, repair.text),
          },
        ];
      }
      // The project's own list, if it has one: a fix checks against it, not a placeholder.
      const own = spec.type === 'reflect' ? listInScope(sourceCode, spec.node) : undefined;
      if (policy.kind === 'headers' && spec.type === 'reflect' && spec.via === 'header') {
        const site = headerSiteWithValue(policy.headers, spec.node);
        // `headers: { 'Access-Control-Allow-Origin': origin }` (a Response, Next.js route handlers):
        // the property is spread in only for allowlisted origins.
        if (site?.shape === 'object' && site.node.type === T.Property && isRepeatable(spec.node)) {
          const property = site.node;
          const object = property.parent;
          const originText = sourceCode.getText(spec.node);
          const hasVary =
            policy.varyOrigin === true ||
            (object?.type === T.ObjectExpression &&
              object.properties.some(
                (p) =>
                  p.type === T.Property &&
                  ((p.key.type === T.Identifier && p.key.name.toLowerCase() === 'vary') ||
                    (p.key.type === T.Literal && String(p.key.value).toLowerCase() === 'vary')),
              ));
          return [
            {
              messageId: 'suggestAllowlistHeader',
              fix: (fixer) => {
                const { fixes, set } = allowlistSet(sourceCode, fixer, sourceCode.ast, allowed, property.range[0]);
                const spread = `...(${set}.has(${originText}) ? { ${sourceCode.getText(property)} } : {})`;
                return [
                  ...fixes,
                  fixer.replaceText(
                    property,
                    hasVary
                      ? spread
                      : property.loc.start.line === object?.loc.start.line
                        ? `${spread}, Vary: 'Origin'`
                        : `${spread},\n${indentOf(sourceCode, property)}Vary: 'Origin'`,
                  ),
                ];
              },
            },
          ];
        }
        const statement = site?.node.parent;
        const inStatementList =
          statement?.parent?.type === T.BlockStatement ||
          statement?.parent?.type === T.Program ||
          statement?.parent?.type === T.SwitchCase;
        if (
          site?.shape !== 'setter' ||
          statement?.type !== T.ExpressionStatement ||
          !inStatementList ||
          !isRepeatable(spec.node)
        ) {
          return [];
        }
        const originText = sourceCode.getText(spec.node);
        const vary = policy.varyOrigin === true ? undefined : varyStatement(sourceCode, site);
        const before = vary ? [vary] : [];
        if (own) {
          return [
            {
              messageId: 'suggestOwnListHeader',
              data: { list: own.name },
              fix: (fixer) => wrapInAllowlistCheck(sourceCode, fixer, statement, originText, before, own),
            },
          ];
        }
        return [
          {
            messageId: 'suggestAllowlistCheck',
            fix: (fixer) => {
              const { fixes, set } = allowlistSet(sourceCode, fixer, sourceCode.ast, allowed, statement.range[0]);
              return [
                ...fixes,
                wrapInAllowlistCheck(sourceCode, fixer, statement, originText, before, { name: set, method: 'has' }),
              ];
            },
          },
        ];
      }
      // Hono's `origin: (o) => o`: the function returns the origin only when it is listed (null: no header;
      // Hono sends `Vary: Origin` itself for a function origin).
      if (
        policy.kind === 'options' &&
        policy.library?.packageName === 'hono/cors' &&
        spec.type === 'reflect' &&
        spec.via === 'callback-returns' &&
        isRepeatable(spec.node) &&
        (spec.node.parent?.type === T.ArrowFunctionExpression || spec.node.parent?.type === T.ReturnStatement)
      ) {
        const returned = spec.node;
        const text = sourceCode.getText(returned);
        const check = (name: string, method: string) => `${name}.${method}(${text}) ? ${text} : null`;
        const replacement = own ? check(own.name, own.method) : check(ALLOWLIST_NAME, 'has');
        return [
          own
            ? {
                messageId: 'suggestOwnList',
                data: { list: own.name, check: replacement },
                fix: (fixer) => fixer.replaceText(returned, replacement),
              }
            : {
                messageId: 'suggestAllowlistReturn',
                fix: (fixer) => {
                  const { fixes, set } = allowlistSet(sourceCode, fixer, sourceCode.ast, allowed, returned.range[0]);
                  return [...fixes, fixer.replaceText(returned, check(set, 'has'))];
                },
              },
        ];
      }
      // `origin: (origin, callback) => callback(null, true)`: the decision becomes an allowlist check.
      if (
        policy.kind === 'options' &&
        spec.type === 'reflect' &&
        spec.via === 'callback' &&
        spec.node.type === T.Literal &&
        spec.node.value === true
      ) {
        const origin = originParameterOf(spec.node);
        if (origin && own) {
          const decision = spec.node;
          const check = `${own.name}.${own.method}(${origin})`;
          return [
            {
              messageId: 'suggestOwnList',
              data: { list: own.name, check },
              fix: (fixer) => fixer.replaceText(decision, check),
            },
          ];
        }
        if (origin) {
          const decision = spec.node;
          return [
            {
              messageId: 'suggestAllowlistCallback',
              data: { origin },
              fix: (fixer) => {
                const { fixes, set } = allowlistSet(sourceCode, fixer, sourceCode.ast, allowed, decision.range[0]);
                return [...fixes, fixer.replaceText(decision, `${set}.has(${origin})`)];
              },
            },
          ];
        }
      }
      if (policy.kind === 'options' && policy.library?.acceptsArray) {
        const target = spec.node;
        const prop = policy.originProperty;
        const replaceable =
          (prop && prop.value === target) ||
          // hapi `cors: true` (not a middleware named by a string, Strapi's `'strapi::cors'`)
          (spec.type === 'reflect' && spec.via === 'library' && target.type === T.Literal && target.value === true);
        if (!replaceable) return [];
        const text =
          spec.type === 'reflect' && spec.via === 'library' && !prop
            ? `{ origin: ${allowlistArrayText(allowed)} }`
            : allowlistArrayText(allowed);
        return [{ messageId: 'suggestAllowlistOption', fix: (fixer) => fixer.replaceText(target, text) }];
      }
      return [];
    }

    return withFileModel(context, (model) => {
      const reported = new Set<TSESTree.Node>();
      for (const policy of model.policies) {
        const state = credentialState(policy.credentials);
        if (state === 'without' && options.reportWithoutCredentials === false) continue;
        // Who gets in unchecked: decide() for an origin any website can send, through no origin check.
        for (const admission of unconditionalAdmissions(policy)) {
          const spec = admission.member ?? admission.spec;
          // A wildcard turned into reflection by credentials is no-wildcard-with-credentials' finding.
          if (spec.type === 'wildcard' && policy.credentials.allowed === true) continue;
          if (reported.has(spec.node)) continue;
          reported.add(spec.node);
          const messageId =
            state === 'with'
              ? 'reflectedWithCredentials'
              : state === 'maybe'
                ? 'reflectedMaybeCredentials'
                : 'reflectedWithoutCredentials';
          reportWithRelated(
            context,
            {
              node: spec.node,
              messageId,
              data: {
                subject: subjectOf(spec, policy, sourceCode, model.modules?.root ?? context.cwd),
                attacker: EXAMPLE_ATTACKER,
              },
              suggest: suggestions({ spec, policy }),
            },
            [
              [spec.type === 'reflect' ? spec.source : undefined, "The request's Origin is read here."],
              credentialsRelated(policy),
              ...callersRelated(policy),
            ],
            policy,
          );
        }
      }
    });
  },
});
