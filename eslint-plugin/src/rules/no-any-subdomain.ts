import type { TSESTree } from '@typescript-eslint/utils';
import { confirmedWitnesses, isLocalHost } from '../analysis';
import { createRule } from '../util/create-rule';
import { ruleHosts } from '../util/settings';
import { reportWithRelated } from '../util/related';
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
      noFixReason: 'Only you know which subdomains you run: list them instead of trusting every one.',
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
  create(context, [options]) {
    const hosts = ruleHosts(options);
    return withFileModel(context, (model) => {
      const reported = new Set<TSESTree.Node>();
      for (const { check, policies } of model.originChecks) {
        const verdict = hosts ? model.judge.rejudge(check, hosts) : check.verdict;
        // An unsafe check is reported by no-unsafe-origin-check; this note is for checks that are otherwise right.
        if (verdict.kind !== 'safe' || reported.has(check.node)) continue;
        for (const host of verdict.hosts) {
          if (isLocalHost(host)) continue;
          const example = `https://${PROBE_LABEL}.${host}`;
          const probe = [{ witness: example, witnessClass: 'same-site' as const }];
          if (!policies.some((p) => confirmedWitnesses(p, check, probe).length > 0)) continue;
          reported.add(check.node);
          reportWithRelated(context, {
            node: check.kind === 'string' ? check.methodNode : check.node,
            messageId: 'anySubdomain',
            data: { host, example },
          });
          break;
        }
      }
    });
  },
});
