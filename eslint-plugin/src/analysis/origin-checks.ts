/**
 * The origin checks of a file, from the policy model: regexes and string matches that decide whether a
 * request's origin is reflected (a guard on the way to Access-Control-Allow-Origin, an origin callback's
 * decision) and RegExps given as a CORS library's `origin`. Each is judged by the witness analysis.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { unwrap, type Node } from './ast';
import type { FileModel } from './model';
import type { Policy } from './policy';
import type { Value } from './values';
import { analyzeOriginPattern, stringCheckPattern, type OriginPattern, type Verdict } from './witness';

export type OriginCheck = (
  | {
      readonly kind: 'regex';
      /** The regex literal or `new RegExp(...)` expression. */
      readonly node: Node;
      readonly pattern: string;
      readonly flags: string;
      /** The literal the pattern is written in (the regex literal itself, or the string passed to RegExp). */
      readonly patternNode?: Node;
      /** Set for a hapi wildcard origin (`'https://*.example.com'`), compiled the way hapi does. */
      readonly hapiWildcard?: string;
    }
  | {
      readonly kind: 'string';
      /** The call (`origin.endsWith('example.com')`). */
      readonly node: Node;
      readonly method: string;
      readonly argument: string;
      /** The method name, where the report goes. */
      readonly methodNode: Node;
      /** The origin expression the method is called on. */
      readonly receiver: Node;
      readonly onHostname: boolean;
    }
) & {
  /** The policy whose origins the check decides. */
  readonly policy: Policy;
};

const checksCache = new WeakMap<FileModel, readonly OriginCheck[]>();

/** The origin checks of a file, computed once per file model whichever rules ask. */
export function originChecksOf(model: FileModel): readonly OriginCheck[] {
  let checks = checksCache.get(model);
  if (!checks) checksCache.set(model, (checks = collectOriginChecks(model)));
  return checks;
}

function collectOriginChecks(model: FileModel): OriginCheck[] {
  const out: OriginCheck[] = [];
  const seen = new Set<Node>();
  const addRegex = (v: Value, policy: Policy) => {
    if (v.kind !== 'regexp' || seen.has(v.node)) return;
    seen.add(v.node);
    const patternNode = v.node.type === T.Literal ? v.node : v.source;
    out.push({ kind: 'regex', node: v.node, pattern: v.pattern, flags: v.flags, patternNode, policy });
  };
  for (const policy of model.policies) {
    for (const spec of policy.origins) {
      if (spec.type === 'regexp') addRegex(spec.value, policy);
      if (spec.type === 'pattern-string' && !seen.has(spec.node)) {
        seen.add(spec.node);
        out.push({
          kind: 'regex',
          node: spec.node,
          pattern: hapiWildcardPattern(spec.value),
          flags: '',
          hapiWildcard: spec.value,
          policy,
        });
      }
      if (spec.type !== 'reflect') continue;
      for (const check of spec.guard.all) {
        if (check.kind === 'regex') for (const v of check.patterns ?? []) addRegex(v, policy);
        if (check.kind !== 'string' || !check.method || !check.argument || seen.has(check.node)) continue;
        if (check.method.startsWith('reverse-')) continue;
        const argument = model.resolver.singleString(check.argument);
        const call = unwrap(check.node);
        if (argument === undefined || call.type !== T.CallExpression) continue;
        const callee = unwrap(call.callee) as TSESTree.MemberExpression;
        seen.add(check.node);
        out.push({
          kind: 'string',
          node: call,
          method: check.method,
          argument,
          methodNode: callee.property,
          receiver: callee.object,
          onHostname: !!check.onHostname,
          policy,
        });
      }
    }
  }
  return out;
}

/** hapi's compilation of a wildcard origin: escape, then `*` -> `.*` and `?` -> `.`, anchored (src). */
export function hapiWildcardPattern(origin: string): string {
  const escaped = origin.replace(/[\^$.|?*+()[\]{}\\/-]/g, '\\$&');
  return `^${escaped.replace(/\\\*/g, '.*').replace(/\\\?/g, '.')}$`;
}

type CheckedPattern = { pattern: OriginPattern; verify: (origin: string) => boolean };
const patterns = new WeakMap<OriginCheck, CheckedPattern | null>();

/**
 * The pattern a check amounts to, and how to re-test a witness with the real operation; compiled once per
 * check whichever rules (and hovers) ask.
 */
export function checkPattern(check: OriginCheck): CheckedPattern | undefined {
  let p = patterns.get(check);
  if (p === undefined) patterns.set(check, (p = compileCheck(check) ?? null));
  return p ?? undefined;
}

function compileCheck(check: OriginCheck): CheckedPattern | undefined {
  if (check.kind === 'regex') {
    let re: RegExp;
    try {
      re = new RegExp(check.pattern, check.flags.replace(/[gy]/g, ''));
    } catch {
      return undefined;
    }
    return { pattern: { pattern: check.pattern, flags: check.flags }, verify: (o) => re.test(o) };
  }
  const pattern = stringCheckPattern(check.method, check.argument, check.onHostname);
  if (!pattern) return undefined;
  const { method, argument, onHostname } = check;
  const verify = (origin: string): boolean => {
    let subject = origin;
    if (onHostname) {
      try {
        subject = new URL(origin).hostname;
      } catch {
        return false;
      }
    }
    switch (method) {
      case 'startsWith':
        return subject.startsWith(argument);
      case 'endsWith':
        return subject.endsWith(argument);
      case 'includes':
      case 'indexOf':
      case 'lastIndexOf':
        return subject.includes(argument);
      default:
        return false;
    }
  };
  return { pattern, verify };
}

const verdicts = new Map<string, Verdict>();

/**
 * Time one file may spend in automata, across all rules; past it, remaining checks are not judged (the
 * rules say less rather than slow the lint down). Cached verdicts cost nothing and are always used.
 */
export const FILE_ANALYSIS_BUDGET_MS = 1500;
const spent = new WeakMap<object, { ms: number }>();

/** Runs `analysis` for a file unless the file's budget is used up; undefined when skipped. */
export function withinFileBudget<T>(file: object, analysis: () => T): T | undefined {
  let entry = spent.get(file);
  if (!entry) spent.set(file, (entry = { ms: 0 }));
  if (entry.ms > FILE_ANALYSIS_BUDGET_MS) return undefined;
  const t = performance.now();
  try {
    return analysis();
  } finally {
    entry.ms += performance.now() - t;
  }
}

/**
 * Judges a check (cached across files: the same pattern and hosts give the same verdict). `file` keys the
 * per-file time budget.
 */
export function judgeOriginCheck(check: OriginCheck, trustedHosts: readonly string[], file: object = check): Verdict {
  const p = checkPattern(check);
  if (!p) return { kind: 'inconclusive', reason: 'not an origin pattern' };
  const key = `${check.kind}:${check.kind === 'string' ? `${check.method}:${check.onHostname}` : ''}:${p.pattern.flags}:${p.pattern.pattern}:${trustedHosts.join(',')}`;
  const hit = verdicts.get(key);
  if (hit) return hit;
  const verdict = withinFileBudget(file, () => analyzeOriginPattern(p.pattern, trustedHosts, p.verify));
  if (!verdict) return { kind: 'inconclusive', reason: 'the file used up its analysis budget' };
  if (verdicts.size > 2000) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

/** Host names from `allowedOrigins` (`https://a.example.com`) and `trustedHosts` (`*.example.com`). */
export function trustedHostsFrom(
  allowedOrigins: readonly string[] = [],
  trustedHosts: readonly string[] = [],
): string[] {
  const hosts = new Set<string>();
  for (const o of allowedOrigins) {
    try {
      hosts.add(new URL(o).hostname);
    } catch {
      // not an origin: ignored
    }
  }
  for (const h of trustedHosts) hosts.add(h.replace(/^\*\./, '').toLowerCase());
  return [...hosts];
}
