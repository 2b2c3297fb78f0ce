/**
 * Second locations of a finding (the `credentials: true` that makes a wildcard dangerous, where a
 * reflected origin was read). ESLint's report has no field for them, so they ride on the report
 * descriptor under a registered symbol: ESLint ignores it, and the editor extension, which wraps
 * `context.report`, turns it into `relatedInformation`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ACAO, type Policy } from '../analysis';

export const RELATED: unique symbol = Symbol.for('cors-guard.related') as never;

export interface RelatedLocation {
  /** ESLint locations: 1-based lines, 0-based columns. */
  readonly loc: TSESTree.SourceLocation;
  readonly message: string;
}

interface Located {
  readonly loc: TSESTree.SourceLocation;
}

type Related = readonly (readonly [Located | undefined, string])[];

/** Reports with related locations (those not at the report's own location) attached. */
export function reportWithRelated<M extends string>(
  context: { report(descriptor: TSESLint.ReportDescriptor<M>): void },
  descriptor: TSESLint.ReportDescriptor<M>,
  related: Related,
): void {
  const d = descriptor as { node?: Located; loc?: TSESTree.SourceLocation | TSESTree.Position };
  const own = d.loc && 'start' in d.loc ? d.loc : d.node?.loc;
  const list: RelatedLocation[] = [];
  for (const [node, message] of related) {
    if (!node || (own && sameLoc(node.loc, own)) || list.some((r) => sameLoc(r.loc, node.loc))) continue;
    list.push({ loc: node.loc, message });
  }
  if (list.length > 0) Object.defineProperty(descriptor, RELATED, { value: list, enumerable: false });
  context.report(descriptor);
}

function sameLoc(a: TSESTree.SourceLocation, b: TSESTree.SourceLocation): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.column === b.start.column &&
    a.end.line === b.end.line &&
    a.end.column === b.end.column
  );
}

/** The related location "credentials are allowed here", if the policy sends them. */
export function credentialsRelated(policy: Policy): readonly [Located | undefined, string] {
  return [
    policy.credentials.allowed === true ? policy.credentials.node : undefined,
    "Credentials are allowed here, so the user's cookies go with the request.",
  ];
}

/** Where the policy sends Access-Control-Allow-Origin (header setters, or the library call). */
export function allowOriginRelated(policy: Policy): (readonly [Located | undefined, string])[] {
  if (policy.kind === 'options') {
    return [
      [policy.originProperty ?? policy.call, 'The origin this check accepts is allowed by this CORS configuration.'],
    ];
  }
  return policy.headers
    .filter((h) => h.header === ACAO)
    .map((h) => [h.node, 'The origin this check accepts is sent back in Access-Control-Allow-Origin here.'] as const);
}
