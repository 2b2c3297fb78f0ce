/**
 * The file model: every CORS policy a file sets, and every origin check on their paths compiled and
 * judged, built once per file from the candidate nodes a single AST pass collected. Rules, quick fixes,
 * hovers and the map read these facts and ask `decide()`; none re-walks the tree or re-runs the analysis.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { stringLiteralValue, type Node } from './ast';
import { CheckJudge, sameCheck, type PatternCheck } from './checks';
import { patternChecksOf } from './decide';
import { GuardAnalyzer } from './guards';
import { canonicalHeaderName } from './header-names';
import { trustedHostsFrom } from './origins';
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
  /** Origins the project trusts (`settings['cors-guard'].trustedOrigins`): the hosts checks are meant for. */
  readonly trustedOrigins?: readonly string[];
  /** Facts about the file's project (package versions), when the host can read them. */
  readonly project?: ProjectFacts;
}

/** A pattern check and the policies whose origins it decides. */
export interface OriginCheckUse {
  readonly check: PatternCheck;
  readonly policies: readonly Policy[];
}

export interface FileModel {
  readonly policies: readonly Policy[];
  /** Every pattern check deciding a policy's origins, once per check site. */
  readonly originChecks: readonly OriginCheckUse[];
  readonly trustedOrigins: readonly string[];
  /** Judges checks for other trusted hosts (a rule's own `allowedOrigins`) within the file's budget. */
  readonly judge: CheckJudge;
  /** Set when the analysis gave up (budget, unexpected shape): consumers stay silent. */
  readonly error?: unknown;
}

export function analyzeFile(input: AnalysisInput): FileModel {
  const trustedOrigins = input.trustedOrigins ?? [];
  const judge = new CheckJudge(trustedHostsFrom(trustedOrigins));
  try {
    const resolver = new ValueResolver(input);
    const builder = new PolicyBuilder(resolver, new GuardAnalyzer(resolver, judge), input.project);
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
    policies.push(...builder.unusedAllowlists(input.program));
    return { policies, originChecks: originCheckUses(policies), trustedOrigins, judge };
  } catch (error) {
    // Odd code shapes must never crash a lint run or produce a guessed finding.
    if (process.env.CORS_GUARD_DEBUG) console.error('[cors-guard] analysis failed:', error);
    return { policies: [], originChecks: [], trustedOrigins, judge, error };
  }
}

/** The pattern checks of all policies, one entry per check site (a helper's check serves several policies). */
function originCheckUses(policies: readonly Policy[]): OriginCheckUse[] {
  const uses: { check: PatternCheck; policies: Policy[] }[] = [];
  const bySite = new Map<Node, { check: PatternCheck; policies: Policy[] }[]>();
  for (const policy of policies) {
    for (const check of patternChecksOf(policy)) {
      const atSite = bySite.get(check.node) ?? [];
      bySite.set(check.node, atSite);
      const use = atSite.find((u) => sameCheck(u.check, check));
      if (!use) {
        const created = { check, policies: [policy] };
        atSite.push(created);
        uses.push(created);
      } else if (!use.policies.includes(policy)) use.policies.push(policy);
    }
  }
  return uses;
}
