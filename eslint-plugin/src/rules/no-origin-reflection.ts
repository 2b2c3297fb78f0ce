import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import {
  EXAMPLE_ATTACKER,
  localExposure,
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
  allowlistFor,
  guardHeaderProperty,
  hasVaryProperty,
  headerSiteWithValue,
  isRepeatable,
  layoutOf,
  listCheckRepair,
  listInScope,
  varyStatement,
  wrapInAllowlistCheck,
  type Allowlist,
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
  | 'suggestOwnListHeader'
  | 'suggestOwnListOption';

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
      return `\`${policy.library?.originOption ?? 'origin'}: true\` makes ${lib} reflect every Origin${note}`;
    case 'callback':
      return note ? `The origin callback lets all in${note}` : 'The origin callback allows every origin';
    case 'callback-returns':
      return `The origin function returns the Origin${note || ' unchecked'}`;
    case 'library':
      if (spec.release) return releaseText(spec.release);
      // The Serverless Framework: `*` in a list of origins is a pattern every Origin matches.
      if (spec.node.type === T.Literal && spec.node.value === '*')
        return `${lib} matches \`*\` in the origin list against every Origin and sends it back`;
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
      // Reflection that never allows credentials gives every site what `*` would: strict only (as for loose
      // checks without credentials). Unknown credentials stay reported.
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
          'Also report reflection when credentials are never allowed (it then exposes only cookie-less responses, like `*`). Default true; false in the recommended preset.',
      },
    }),
    defaultOptions: [{ allowedOrigins: [], reportWithoutCredentials: true }],
    messages: {
      reflectedWithCredentials: "{{subject}}: any site reads it with the user's cookies.",
      reflectedWithoutCredentials: '{{subject}}: any site reads it, without cookies.',
      reflectedMaybeCredentials: '{{subject}}: any site reads it, with cookies if credentials are on.',
      suggestAllowlistCheck: 'Allow only origins in an allowlist (`ALLOWED_ORIGINS`), with `Vary: Origin`.',
      suggestAllowlistOption: 'Replace with an allowlist of trusted origins (`ALLOWED_ORIGINS`).',
      suggestOwnListOption: 'Allow only origins in `{{list}}`.',
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
    const layout = layoutOf(context);

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
      // The allowlist every fix checks against: the project's own list when one is in scope, else the
      // `ALLOWED_ORIGINS` constant a fix declares (or finds).
      const listFor = (fixer: TSESLint.RuleFixer, kind: 'check' | 'option') =>
        allowlistFor(sourceCode, fixer, spec.node, allowed, kind, layout);
      const own = spec.type === 'reflect' ? listInScope(sourceCode, spec.node) : undefined;
      if (policy.kind === 'headers' && spec.type === 'reflect' && spec.via === 'header') {
        const site = headerSiteWithValue(policy.headers, spec.node);
        const originText = sourceCode.getText(spec.node);
        // `headers: { 'Access-Control-Allow-Origin': origin }` (a fetch-API Response, Next.js route handlers,
        // an API Gateway proxy result): the property is spread in only for allowlisted origins, `Vary: Origin`
        // beside it on every response the object builds.
        if (site?.shape === 'object' && site.node.type === T.Property && isRepeatable(spec.node)) {
          const property = site.node;
          const vary = policy.varyOrigin !== true && !hasVaryProperty(property.parent);
          return [
            {
              messageId: own ? 'suggestOwnListHeader' : 'suggestAllowlistHeader',
              data: own ? { list: own.name } : {},
              fix: (fixer) => {
                const list = listFor(fixer, 'check');
                return [
                  ...list.fixes,
                  guardHeaderProperty(sourceCode, fixer, property, list.check(originText), vary, layout),
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
        // `res.setHeader(...)`, `headers.set(...)` on a fetch-API Headers: the statement runs only for
        // allowlisted origins, `Vary: Origin` appended before it on every response.
        const vary = policy.varyOrigin === true ? undefined : varyStatement(sourceCode, site);
        const before = vary ? [vary] : [];
        return [
          {
            messageId: own ? 'suggestOwnListHeader' : 'suggestAllowlistCheck',
            data: own ? { list: own.name } : {},
            fix: (fixer) => {
              const list = listFor(fixer, 'check');
              return [
                ...list.fixes,
                wrapInAllowlistCheck(sourceCode, fixer, statement, list.check(originText), before, layout),
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
        const replacement = (list: Allowlist) => `${list.check(text)} ? ${text} : null`;
        return [
          {
            messageId: own ? 'suggestOwnList' : 'suggestAllowlistReturn',
            data: own ? { list: own.name, check: `${own.name}.${own.method}(${text}) ? ${text} : null` } : {},
            fix: (fixer) => {
              const list = listFor(fixer, 'check');
              return [...list.fixes, fixer.replaceText(returned, replacement(list))];
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
        if (origin) {
          const decision = spec.node;
          return [
            {
              messageId: own ? 'suggestOwnList' : 'suggestAllowlistCallback',
              data: own ? { list: own.name, check: `${own.name}.${own.method}(${origin})` } : { origin },
              fix: (fixer) => {
                const list = listFor(fixer, 'check');
                return [...list.fixes, fixer.replaceText(decision, list.check(origin))];
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
        const wrap = spec.type === 'reflect' && spec.via === 'library' && !prop;
        return [
          {
            messageId: own ? 'suggestOwnListOption' : 'suggestAllowlistOption',
            data: own ? { list: own.name } : {},
            fix: (fixer) => {
              const list = listFor(fixer, 'option');
              return [...list.fixes, fixer.replaceText(target, wrap ? `{ origin: ${list.array} }` : list.array)];
            },
          },
        ];
      }
      return [];
    }

    return withFileModel(context, (model) => {
      const reported = new Set<TSESTree.Node>();
      for (const policy of model.policies) {
        const state = credentialState(policy.credentials);
        if (state === 'without' && options.reportWithoutCredentials === false) continue;
        // On a server on the user's machine, no-exposed-local-server carries the finding (one defect, one finding).
        if (localExposure(policy)) continue;
        // Firebase callables answer every origin by design (token, not cookies): the map and hover say so.
        if (state === 'without' && policy.library?.reflectionByDesign) continue;
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
