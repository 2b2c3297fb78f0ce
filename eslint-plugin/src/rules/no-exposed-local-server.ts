import type { TSESTree } from '@typescript-eslint/utils';
import { localExposure, localRoutesText, type LocalExposure } from '../analysis';
import { createRule } from '../util/create-rule';
import { credentialsRelated, reportWithRelated } from '../util/related';
import { withFileModel } from '../util/file-model';

export type Options = [];
export type MessageIds = 'exposedWildcard' | 'exposedReflect' | 'exposedNull' | 'exposedCheck';

const MESSAGE_OF: Readonly<Record<LocalExposure['kind'], MessageIds>> = {
  wildcard: 'exposedWildcard',
  reflect: 'exposedReflect',
  null: 'exposedNull',
  check: 'exposedCheck',
};

/** `, with the user's cookies` when they go with it (a local tool's own session, a desktop app's login). */
function cookiesText(e: LocalExposure): string {
  if (e.decision.readable === 'with-cookies') return ", with the user's cookies";
  if (e.decision.readable === 'unknown' && e.decision.credentials === 'unknown')
    return ', with cookies if credentials are on';
  return '';
}

export default createRule<Options, MessageIds>({
  name: 'no-exposed-local-server',
  meta: {
    type: 'problem',
    docs: {
      description:
        "Disallow letting every website read a server that runs on the user's machine (`*`, reflection, `null` or a loose origin check on localhost, MCP, dev-server and CLI servers)",
      recommended: 'recommended',
      noFixReason:
        "No automatic fix: only you know your tool's own UI origin. Allow exactly that origin, or require a token the page cannot know (see the documentation).",
    },
    schema: [],
    messages: {
      exposedWildcard:
        'This server {{how}} and sends `Access-Control-Allow-Origin: *`: any website you visit can call {{routes}} on this machine and read the answer.',
      exposedReflect:
        "This server {{how}} and sends back every request's Origin: any website you visit can call {{routes}} on this machine and read the answer{{cookies}}.",
      exposedNull:
        'This server {{how}} and trusts the `null` origin: any website you visit can call {{routes}} on this machine from a sandboxed iframe and read the answer{{cookies}}.',
      exposedCheck:
        'This server {{how}} and its origin check lets `{{origin}}` in: a page there can call {{routes}} on this machine and read the answer{{cookies}}.',
    },
  },
  create(context) {
    return withFileModel(context, (model) => {
      const reported = new Set<TSESTree.Node>();
      for (const policy of model.policies) {
        const exposure = localExposure(policy);
        const server = policy.server;
        if (!exposure || !server || reported.has(exposure.node)) continue;
        reported.add(exposure.node);
        reportWithRelated(
          context,
          {
            node: exposure.node,
            messageId: MESSAGE_OF[exposure.kind],
            data: {
              how: server.how,
              routes: localRoutesText(server.routes),
              origin: exposure.origin,
              cookies: cookiesText(exposure),
            },
          },
          [
            [
              server.node.type === 'Program' ? undefined : server.node,
              `The server runs on the user's machine: it ${server.how}.`,
            ],
            credentialsRelated(policy),
          ],
          policy,
        );
      }
    });
  },
});
