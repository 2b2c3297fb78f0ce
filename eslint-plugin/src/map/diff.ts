/**
 * The CORS diff: what a change does to who gets in. Pairs the policies of two maps (a git ref and the
 * working tree) by file, kind and library, tolerant of moved lines, and asks `decide()` of both sides the
 * same questions: each attacker origin either side's analysis found (the witnesses, `null`, the example
 * attacker) is judged before and after, so "newly admitted" means the old policy really blocked it.
 */
import { EXAMPLE_ATTACKER, assessPolicy, decide, type Policy, type Readability } from '../analysis';
import { allowsPartsOf, type MapPolicy } from './entries';
import { mdCode, mdText, packageLabel, printable } from './format';
import type { NotAnalysed } from './walk';

/** A policy as mapped, with the model it came from. */
export interface LivePolicy {
  readonly entry: MapPolicy;
  readonly policy: Policy;
  readonly trustedOrigins: readonly string[];
}

/** One attacker origin whose access changed. */
export interface AccessChange {
  readonly origin: string;
  readonly before: Readability;
  readonly after: Readability;
}

export interface PolicySide {
  readonly line: number;
  readonly allows: readonly string[];
  readonly credentials: boolean | null;
  readonly verdict: MapPolicy['verdict'];
  readonly witness: string | null;
}

export type ChangeKind =
  | 'added'
  | 'removed'
  | 'origins-admitted'
  | 'origins-dropped'
  | 'credentials-on'
  | 'credentials-off'
  | 'check-weakened'
  | 'check-strengthened'
  | 'verdict';

export interface PolicyDiff {
  readonly file: string;
  /** The workspace package the file belongs to (absent outside a workspace). */
  readonly package?: MapPolicy['package'];
  readonly kind: MapPolicy['kind'];
  readonly library: string | null;
  readonly before: PolicySide | null;
  readonly after: PolicySide | null;
  /** What changed, in order, each with a sentence. */
  readonly changes: readonly { readonly kind: ChangeKind; readonly text: string }[];
  /** Attacker origins that get in now (or now with cookies) and did not before. */
  readonly admitted: readonly AccessChange[];
  /** Attacker origins that got in before and are kept out now (or lost their cookies). */
  readonly fixed: readonly AccessChange[];
}

/** The JSON report: see docs/map-diff.schema.json. */
export interface MapDiff {
  readonly version: 1;
  /** The ref compared against, as given, and the commit it named. */
  readonly ref: string;
  readonly commit: string;
  /** Policies that changed, were added or were removed (unchanged ones are only counted). */
  readonly policies: readonly PolicyDiff[];
  readonly unchanged: number;
  /** Whether some change lets in an attacker origin that was blocked (or kept from cookies) before. */
  readonly admitsAttacker: boolean;
  readonly errors: readonly { readonly file: string; readonly line: number; readonly message: string }[];
  /** Files of the working tree that were not opened (see the map's `notAnalysed`): no change is known there. */
  readonly notAnalysed?: readonly NotAnalysed[];
}

const RANK: Record<Readability, number> = { no: 0, rejected: 0, unknown: 0, 'without-cookies': 1, 'with-cookies': 2 };

function sideOf(p: LivePolicy): PolicySide {
  const reason = assessPolicy(p.policy, p.trustedOrigins).reason;
  return {
    line: p.entry.line,
    allows: allowsPartsOf(p.policy, reason),
    credentials: p.entry.credentials,
    verdict: p.entry.verdict,
    witness: p.entry.witness,
  };
}

const keyOf = (p: LivePolicy) => `${p.entry.file}\u0000${p.entry.kind}\u0000${p.entry.library ?? ''}`;
const sameShape = (a: LivePolicy, b: LivePolicy) =>
  a.entry.allows === b.entry.allows &&
  a.entry.credentials === b.entry.credentials &&
  a.entry.verdict === b.entry.verdict;

/** Pairs policies of the same file, kind and library: identical ones first, then the rest in order. */
export function pairPolicies(
  before: readonly LivePolicy[],
  after: readonly LivePolicy[],
): { pairs: [LivePolicy, LivePolicy][]; removed: LivePolicy[]; added: LivePolicy[] } {
  const group = (list: readonly LivePolicy[]) => {
    const m = new Map<string, LivePolicy[]>();
    for (const p of [...list].sort((a, b) => a.entry.line - b.entry.line || a.entry.column - b.entry.column)) {
      const k = keyOf(p);
      m.set(k, [...(m.get(k) ?? []), p]);
    }
    return m;
  };
  const b = group(before);
  const a = group(after);
  const pairs: [LivePolicy, LivePolicy][] = [];
  const removed: LivePolicy[] = [];
  const added: LivePolicy[] = [];
  for (const key of new Set([...b.keys(), ...a.keys()])) {
    const olds = [...(b.get(key) ?? [])];
    const news = [...(a.get(key) ?? [])];
    for (let i = 0; i < olds.length;) {
      const j = news.findIndex((n) => sameShape(olds[i]!, n));
      if (j < 0) {
        i++;
        continue;
      }
      pairs.push([olds[i]!, news[j]!]);
      olds.splice(i, 1);
      news.splice(j, 1);
    }
    const n = Math.min(olds.length, news.length);
    for (let i = 0; i < n; i++) pairs.push([olds[i]!, news[i]!]);
    removed.push(...olds.slice(n));
    added.push(...news.slice(n));
  }
  return { pairs, removed, added };
}

/** The attacker origins both sides are asked about. */
function attackersOf(...sides: (LivePolicy | undefined)[]): string[] {
  const out = new Set<string>();
  for (const s of sides) if (s?.entry.witness) out.add(s.entry.witness);
  out.add('null');
  out.add(EXAMPLE_ATTACKER);
  return [...out];
}

const readableOf = (p: LivePolicy | undefined, origin: string): Readability =>
  p ? decide(p.policy, origin).readable : 'no';

function describeAccess(c: AccessChange): string {
  const words: Record<Readability, string> = {
    'with-cookies': 'reads with cookies',
    'without-cookies': 'reads without cookies',
    no: 'is blocked',
    rejected: 'is blocked (the browser rejects the response)',
    unknown: 'depends on run time',
  };
  return `${c.origin} ${words[c.after]} (before: ${words[c.before].replace(/^is /, '')})`;
}

/** The diff of one policy (either side may be missing: added, removed). */
export function diffPolicy(before: LivePolicy | undefined, after: LivePolicy | undefined): PolicyDiff {
  const some = (after ?? before)!;
  const b = before ? sideOf(before) : null;
  const a = after ? sideOf(after) : null;
  const admitted: AccessChange[] = [];
  const fixed: AccessChange[] = [];
  for (const origin of attackersOf(before, after)) {
    const rb = readableOf(before, origin);
    const ra = readableOf(after, origin);
    if (RANK[ra] > RANK[rb]) admitted.push({ origin, before: rb, after: ra });
    else if (RANK[ra] < RANK[rb]) fixed.push({ origin, before: rb, after: ra });
  }
  const changes: { kind: ChangeKind; text: string }[] = [];
  if (!b && a) {
    changes.push({ kind: 'added', text: `policy added: ${a.verdict}, lets in ${a.allows.join(', ') || 'none'}` });
  } else if (b && !a) {
    changes.push({ kind: 'removed', text: `policy removed (it was ${b.verdict}: ${b.allows.join(', ') || 'none'})` });
  } else if (a && b) {
    const gained = a.allows.filter((x) => !b.allows.includes(x));
    const lost = b.allows.filter((x) => !a.allows.includes(x));
    if (admitted.length > 0 && gained.length > 0 && lost.length > 0) {
      changes.push({ kind: 'check-weakened', text: `check weakened: ${lost.join(', ')} → ${gained.join(', ')}` });
    } else if (fixed.length > 0 && gained.length > 0 && lost.length > 0) {
      changes.push({ kind: 'check-strengthened', text: `check tightened: ${lost.join(', ')} → ${gained.join(', ')}` });
    } else {
      if (gained.length > 0) changes.push({ kind: 'origins-admitted', text: `now lets in ${gained.join(', ')}` });
      if (lost.length > 0) changes.push({ kind: 'origins-dropped', text: `no longer lets in ${lost.join(', ')}` });
      if (admitted.length > 0 && gained.length === 0) {
        changes.push({ kind: 'check-weakened', text: 'check weakened' });
      }
    }
    if (a.credentials === true && b.credentials !== true) {
      changes.push({ kind: 'credentials-on', text: 'credentials switched on' });
    } else if (b.credentials === true && a.credentials !== true) {
      changes.push({ kind: 'credentials-off', text: 'credentials switched off' });
    }
    if (a.verdict !== b.verdict) changes.push({ kind: 'verdict', text: `verdict ${b.verdict} → ${a.verdict}` });
  }
  return {
    file: some.entry.file,
    ...(some.entry.package ? { package: some.entry.package } : {}),
    kind: some.entry.kind,
    library: some.entry.library,
    before: b,
    after: a,
    changes,
    admitted,
    fixed,
  };
}

/** The diff of two maps (`before`: at the ref; `after`: the working tree). */
export function diffMaps(
  before: readonly LivePolicy[],
  after: readonly LivePolicy[],
  meta: { ref: string; commit: string; errors?: MapDiff['errors']; notAnalysed?: MapDiff['notAnalysed'] },
): MapDiff {
  const { pairs, removed, added } = pairPolicies(before, after);
  const policies: PolicyDiff[] = [];
  let unchanged = 0;
  for (const [b, a] of pairs) {
    const d = diffPolicy(b, a);
    const moved = d.before!.witness !== d.after!.witness;
    if (d.changes.length === 0 && d.admitted.length === 0 && d.fixed.length === 0 && !moved) unchanged++;
    else policies.push(d);
  }
  for (const r of removed) policies.push(diffPolicy(r, undefined));
  for (const a of added) policies.push(diffPolicy(undefined, a));
  policies.sort(
    (x, y) =>
      Number(y.admitted.length > 0) - Number(x.admitted.length > 0) ||
      x.file.localeCompare(y.file) ||
      (x.after ?? x.before)!.line - (y.after ?? y.before)!.line,
  );
  return {
    version: 1,
    ref: meta.ref,
    commit: meta.commit,
    policies,
    unchanged,
    admitsAttacker: policies.some((p) => p.admitted.length > 0),
    errors: meta.errors ?? [],
    ...(meta.notAnalysed && meta.notAnalysed.length > 0 ? { notAnalysed: meta.notAnalysed } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Formats

function iconOf(d: PolicyDiff): string {
  if (d.admitted.length > 0) return '🔴';
  if (d.changes.some((c) => c.kind === 'credentials-on' || c.kind === 'origins-admitted')) return '🟠';
  if (d.fixed.length > 0 || d.changes.some((c) => c.kind === 'removed')) return '🟢';
  return '⚪';
}

function whereOf(d: PolicyDiff): string {
  if (d.after && d.before && d.after.line !== d.before.line) return `${d.file}:${d.after.line} (was :${d.before.line})`;
  return `${d.file}:${(d.after ?? d.before)!.line}`;
}

/** ` in @acme/api (apps/api)` when the change lies in a workspace package. */
function packageOf(d: PolicyDiff): string {
  return d.package ? ` in ${packageLabel(d.package)}` : '';
}

/** The workspace packages the admitting changes touch, named in the headline. */
function touchedPackages(diff: MapDiff): string[] {
  const names = diff.policies.filter((p) => p.admitted.length > 0 && p.package).map((p) => packageLabel(p.package));
  return [...new Set(names)];
}

function counts(diff: MapDiff): string {
  const added = diff.policies.filter((p) => !p.before).length;
  const removed = diff.policies.filter((p) => !p.after).length;
  const changed = diff.policies.length - added - removed;
  return `${changed} changed, ${added} added, ${removed} removed, ${diff.unchanged} unchanged`;
}

export function headlineOf(diff: MapDiff): string {
  const n = diff.policies.filter((p) => p.admitted.length > 0).length;
  const packages = touchedPackages(diff);
  const where = packages.length > 0 ? ` (${packages.join(', ')})` : '';
  return n > 0
    ? `${n} ${n === 1 ? 'policy now lets' : 'policies now let'} in an attacker origin that was blocked before${where}`
    : 'No change lets in an attacker origin that was blocked before';
}

export function formatDiffMarkdown(diff: MapDiff): string {
  const lines = [
    `## CORS diff against ${mdCode(diff.ref)}`,
    '',
    `${diff.admitsAttacker ? '🔴' : '✅'} **${headlineOf(diff)}.** Policies: ${counts(diff)}.`,
    '',
  ];
  if (diff.policies.length > 0) {
    lines.push('| | where | library | what changed | attacker origins let in | kept out now |');
    lines.push('| --- | --- | --- | --- | --- | --- |');
    for (const d of diff.policies) {
      const admitted = d.admitted.map(
        (c) => `${mdCode(c.origin)}${c.after === 'with-cookies' ? ' (with cookies)' : ''}`,
      );
      lines.push(
        `| ${iconOf(d)} | ${mdCode(whereOf(d))}${d.package ? ` (${mdCode(d.package.name)})` : ''} | ${d.library ? mdCode(d.library) : 'headers'} | ${mdText(d.changes.map((c) => c.text).join('; ') || 'witness changed')} | ${admitted.join(', ')} | ${d.fixed.map((c) => mdCode(c.origin)).join(', ')} |`,
      );
    }
    lines.push('');
  }
  if (diff.errors.length > 0) {
    lines.push(`Not parsed (${diff.errors.length}):`, '');
    for (const e of diff.errors) lines.push(`- ${mdCode(`${e.file}:${e.line}`)} ${mdText(e.message)}`);
    lines.push('');
  }
  const skipped = diff.notAnalysed ?? [];
  if (skipped.length > 0) {
    lines.push(`Not analysed (${skipped.length}):`, '');
    for (const n of skipped) lines.push(`- ${mdCode(n.file)} ${mdText(n.reason)}`);
    lines.push('');
  }
  lines.push(`<sub>${mdCode(`cors-guard map --diff ${diff.ref}`)} · ${mdText(diff.commit.slice(0, 12))}</sub>`, '');
  return lines.join('\n');
}

export function formatDiffText(diff: MapDiff): string {
  const lines = [printable(`CORS diff against ${diff.ref}: ${headlineOf(diff)} (${counts(diff)})`)];
  for (const d of diff.policies) {
    lines.push(
      printable(
        `  ${iconOf(d)} ${whereOf(d)}${packageOf(d)} ${d.library ?? 'headers'}: ${d.changes.map((c) => c.text).join('; ')}`,
      ),
    );
    for (const c of d.admitted) lines.push(printable(`      let in: ${describeAccess(c)}`));
    for (const c of d.fixed) lines.push(printable(`      kept out: ${describeAccess(c)}`));
  }
  for (const e of diff.errors) lines.push(printable(`  (not parsed) ${e.file}:${e.line} ${e.message}`));
  for (const n of diff.notAnalysed ?? []) lines.push(printable(`  (not analysed) ${n.file}: ${n.reason}`));
  return `${lines.join('\n')}\n`;
}

export function formatDiffJson(diff: MapDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}
