/**
 * Outcomes: what holding or failing a test does to the origin, as ranked alternatives of checks (each
 * path a conjunction, the paths a disjunction), and how two outcomes combine under `&&` and `||`. The
 * guard summary the rules read is an outcome seen from a site.
 */
import type { Check, CheckKind } from './checks';
import type { Node } from '../ast';

/** How strongly each kind of check restricts the origin on the path it guards. */
export const RANK: Readonly<Record<CheckKind, number>> = {
  useless: 1,
  length: 1,
  opaque: 2,
  switch: 2,
  string: 3,
  within: 3,
  regex: 3,
  exact: 4,
  absent: 5,
};

/** Alternatives a guard can take, each a conjunction of checks; past this the paths are approximated. */
const MAX_PATHS = 32;

export interface GuardSummary {
  /** The strongest restriction on the path: `none` when nothing involving the origin guards it. */
  readonly strength: CheckKind | 'none';
  /** The checks that decide `strength` (for messages). */
  readonly decisive: readonly Check[];
  /** Every origin check met on the path, whatever its strength. */
  readonly all: readonly Check[];
  /**
   * The guard as alternatives, each a list of checks that must all hold: an origin passes when every
   * check of one path admits it. Empty when nothing guards the path.
   */
  readonly paths: readonly (readonly Check[])[];
}

export interface Outcome {
  readonly rank: number;
  readonly checks: readonly Check[];
  readonly paths: readonly (readonly Check[])[];
}

/** Both guards hold: the stronger one decides the strength; every check met is kept. */
export function strongerGuard(a: GuardSummary, b: GuardSummary): GuardSummary {
  const rank = (g: GuardSummary) => (g.strength === 'none' ? 0 : RANK[g.strength]);
  const best = rank(a) >= rank(b) ? a : b;
  const paths =
    a.paths.length === 0 ? b.paths : b.paths.length === 0 ? a.paths : crossPaths(a.paths, b.paths, best.paths);
  return { ...best, all: [...a.all, ...b.all], paths };
}

export const NO_GUARD: GuardSummary = { strength: 'none', decisive: [], all: [], paths: [] };

export function leaf(check: Check): Outcome {
  return { rank: RANK[check.kind], checks: [check], paths: [[check]] };
}

export function useless(node: Node): Outcome {
  return leaf({ kind: 'useless', node });
}

/** A test no origin passes (`false`, a branch that answers `null`). */
export function never(node: Node): Outcome {
  return leaf({ kind: 'exact', node, allowed: [] });
}

/** Every path of `a` combined with every path of `b`; past the bound, `fallback`'s paths stand for both. */
export function crossPaths(
  a: readonly (readonly Check[])[],
  b: readonly (readonly Check[])[],
  fallback: readonly (readonly Check[])[],
): readonly (readonly Check[])[] {
  if (a.length * b.length > MAX_PATHS) return fallback;
  return a.flatMap((pa) => b.map((pb) => [...pa, ...pb]));
}

/** Both hold: the stronger decides the strength; an origin must pass both. */
export function conj(a: Outcome | undefined, b: Outcome | undefined): Outcome | undefined {
  if (!a) return b;
  if (!b) return a;
  const best = a.rank >= b.rank ? a : b;
  return { ...best, paths: crossPaths(a.paths, b.paths, best.paths) };
}

/**
 * Either side may hold; a side that does not involve the origin (and is no opt-in switch on the environment,
 * which guards.ts reads as a `switch` check) is trusted as opaque.
 */
export function disj(a: Outcome | undefined, b: Outcome | undefined, at: Node): Outcome | undefined {
  if (!a && !b) return undefined;
  const opaque = leaf({ kind: 'opaque', node: at });
  return disjDefined(a ?? opaque, b ?? opaque);
}

/** Either holds: the weaker decides the strength; an origin passing either passes. */
export function disjDefined(a: Outcome | undefined, b: Outcome | undefined): Outcome | undefined {
  if (!a) return b;
  if (!b) return a;
  const weaker = a.rank <= b.rank ? a : b;
  const paths = [...a.paths, ...b.paths];
  return { ...weaker, paths: paths.length > MAX_PATHS ? weaker.paths : paths };
}

export function kindOfRank(rank: number, checks: readonly Check[]): CheckKind {
  const first = checks[0]?.kind;
  if (first && RANK[first] === rank) return first;
  return (Object.keys(RANK) as CheckKind[]).find((k) => RANK[k] === rank) ?? 'opaque';
}
