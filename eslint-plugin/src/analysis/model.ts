/**
 * The file model: every CORS policy a file sets, built once per file from the candidate nodes a single
 * AST pass collected. Rules, quick fixes and hovers read it; none re-walks the tree.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { stringLiteralValue, type Node } from './ast';
import { CheckAnalyzer } from './checks';
import { canonicalHeaderName } from './headers';
import { PolicyBuilder, type Policy, type ProjectFacts } from './policy';
import { headerSitesOf, moduleOptionSites, shapeOptionSites, type HeaderSite } from './sites';
import { ValueResolver, type ResolverHost, type Scope } from './values';

export interface AnalysisInput extends ResolverHost {
  readonly program: TSESTree.Program;
  readonly globalScope: Scope | null;
  /** String literals naming a CORS response header or `Vary`, in source order. */
  readonly headerNames: readonly Node[];
  /** Calls whose method name matches a shape-recognised options site. */
  readonly shapeCalls: readonly TSESTree.CallExpression[];
  /** Calls that may set `Vary`: `res.vary('Origin')`, `vary(res, 'Origin')`, `addOriginToVaryHeader(reply)`. */
  readonly varyCalls?: readonly TSESTree.CallExpression[];
  /** Facts about the file's project (package versions), when the host can read them. */
  readonly project?: ProjectFacts;
}

export interface FileModel {
  readonly policies: readonly Policy[];
  readonly resolver: ValueResolver;
  readonly checks: CheckAnalyzer;
  /** Set when the analysis gave up (budget, unexpected shape): consumers stay silent. */
  readonly error?: unknown;
}

export function analyzeFile(input: AnalysisInput): FileModel {
  const resolver = new ValueResolver(input);
  const checks = new CheckAnalyzer(resolver);
  try {
    const builder = new PolicyBuilder(resolver, checks, input.project);
    const headerSites: HeaderSite[] = [];
    for (const nameNode of input.headerNames) {
      const name = stringLiteralValue(nameNode);
      const header = name === undefined ? undefined : canonicalHeaderName(name);
      if (header) headerSites.push(...headerSitesOf(nameNode, header, resolver));
    }
    const policies: Policy[] = builder.headerPolicies(headerSites, input.varyCalls ?? []);
    const optionSites = input.globalScope ? moduleOptionSites(input.globalScope) : [];
    for (const call of input.shapeCalls) optionSites.push(...shapeOptionSites(call));
    for (const site of optionSites) policies.push(...builder.optionPolicies(site));
    return { policies, resolver, checks };
  } catch (error) {
    // Odd code shapes must never crash a lint run or produce a guessed finding.
    if (process.env.CORS_GUARD_DEBUG) console.error('[cors-guard] analysis failed:', error);
    return { policies: [], resolver, checks, error };
  }
}
