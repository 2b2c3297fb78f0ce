import type { TSESTree } from '@typescript-eslint/utils';
import { checkPattern, isLocalHost, judgeOriginCheck, originChecksOf, trustedHostsFrom } from '../analysis';
import { createRule } from '../util/create-rule';
import { allowedOriginsSchema, objectOptionsSchema, trustedHostsSchema } from '../util/options';
import { withFileModel } from '../util/file-model';

export type Options = [{ allowedOrigins?: string[]; trustedHosts?: string[] }];
export type MessageIds = 'anySubdomain';

/** A label nobody writes into an allowlist: if a check accepts it, it accepts any subdomain. */
const PROBE_LABEL = 'unlisted';

export default createRule<Options, MessageIds>({
  name: 'no-any-subdomain',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report origin checks that trust every subdomain of a domain (informational)',
      recommended: 'strict',
      level: 'warn',
    },
    schema: objectOptionsSchema({
      allowedOrigins: allowedOriginsSchema,
      trustedHosts: trustedHostsSchema,
    }),
    defaultOptions: [{ allowedOrigins: [], trustedHosts: [] }],
    messages: {
      anySubdomain: 'Trusts every subdomain of `{{host}}` (e.g. `{{example}}`): one bad subdomain is enough.',
    },
  },
  defaultOptions: [{ allowedOrigins: [], trustedHosts: [] }],
  create(context, [options]) {
    const configured = trustedHostsFrom(options.allowedOrigins, options.trustedHosts);
    return withFileModel(context, (model) => {
      const reported = new Set<TSESTree.Node>();
      for (const check of originChecksOf(model)) {
        const verdict = judgeOriginCheck(check, configured, model);
        // An unsafe check is reported by no-unsafe-origin-check; this note is for checks that are otherwise right.
        if (verdict.kind !== 'safe') continue;
        const p = checkPattern(check);
        if (!p) continue;
        for (const host of verdict.hosts) {
          if (isLocalHost(host)) continue;
          const example = `https://${PROBE_LABEL}.${host}`;
          if (!p.verify(example) || reported.has(check.node)) continue;
          reported.add(check.node);
          context.report({
            node: check.kind === 'string' ? check.methodNode : check.node,
            messageId: 'anySubdomain',
            data: { host, example },
          });
        }
      }
    });
  },
});
