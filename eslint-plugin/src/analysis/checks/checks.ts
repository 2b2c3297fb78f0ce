/**
 * Origin checks: ONE type for every test the analysis meets on the way to Access-Control-Allow-Origin.
 * Checks that match a pattern (a regex, `startsWith` / `endsWith` / `includes`, a library's wildcard
 * origin) are compiled and judged by the witness analysis once, when the model is built: each carries a
 * matcher that re-tests an origin with the real operation, and a verdict (the attacker origin it
 * accepts, why, and a verified repair).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Node } from '../ast';
import { FILE_REGEX_WORK } from '../budgets';
import { BudgetExhausted, withinWork, workSpent } from './automata';
import { boundedTest } from './bounded-regexp';
import { escapeRegex } from './origins';
import type { Value } from '../values/values';
import { analyzeOriginPattern, automatonTest, unanalysable, type OriginPattern, type Verdict } from './witness';
import { STAND_IN_ORIGIN_LIST, substringVerdict } from './substrings';

/** What holding a check does to the origin, weakest first: see `RANK` in outcomes.ts. */
export type CheckKind = Check['kind'];

export type StringMethod = 'startsWith' | 'endsWith' | 'includes';

export type LengthOp = '===' | '!==' | '>' | '>=' | '<' | '<=';

export interface Matcher {
  /** The check as a regular expression over the whole origin (for the automata); undefined: not judged. */
  readonly pattern: OriginPattern | undefined;
  /**
   * Re-tests an origin with the check's real operation (RegExp, string method); undefined when it could
   * not run within its budget (a RegExp that backtracks too long): not known.
   */
  readonly verify: (origin: string) => boolean | undefined;
}

interface Judged {
  /** Undefined when the check can't be compiled (an unknown argument, a pattern that doesn't compile). */
  readonly matcher: Matcher | undefined;
  /** The verdict for the model's trusted hosts. */
  readonly verdict: Verdict;
}

export interface RegexCheck extends Judged {
  readonly kind: 'regex';
  /** The regex literal, the `new RegExp(...)` expression or the wildcard origin string. */
  readonly node: Node;
  readonly pattern: string;
  readonly flags: string;
  /** The literal the pattern is written in (the regex literal itself, or the string passed to RegExp). */
  readonly patternNode?: Node;
  /** A library wildcard origin (`'https://*.example.com'`) this pattern was compiled from. */
  readonly wildcard?: string;
  /** Unreadable parts of a pattern built at run time, judged as a stand-in host (values.ts `patternAround`). */
  readonly assumes?: readonly string[];
  /** Why the code amounts to this pattern, when it is not written as a regex (index arithmetic). */
  readonly why?: string;
}

export interface StringCheck extends Judged {
  readonly kind: 'string';
  /** The call (`origin.endsWith('example.com')`). */
  readonly node: TSESTree.CallExpression;
  readonly method: StringMethod;
  /** The argument's value, when it is one known string. */
  readonly argument: string | undefined;
  readonly argumentNode: Node;
  /** The method name, where a report goes. */
  readonly methodNode: Node;
  /** The origin expression the method is called on. */
  readonly receiver: Node;
  /** The method is called on `new URL(origin).hostname` (or `.host`), not on the origin. */
  readonly onHostname: boolean;
  /** Text concatenated before the origin or host (`('.' + hostname).endsWith('.example.com')`). */
  readonly prefix?: string;
}

/** `'https://a.example https://b.example'.includes(origin)`: the origin is looked for inside a string. */
export interface WithinCheck extends Judged {
  readonly kind: 'within';
  readonly node: TSESTree.CallExpression;
  readonly haystack: string | undefined;
  /**
   * The string could not be read (an environment variable): it was judged as a list holding
   * `STAND_IN_ORIGIN_LIST`, and this is the source text of what was assumed.
   */
  readonly assumes?: readonly string[];
}

export type PatternCheck = RegexCheck | StringCheck | WithinCheck;

export type Check =
  /** The path runs only when the request has no Origin. */
  | { readonly kind: 'absent'; readonly node: Node }
  /** Every origin passes (`if (origin)`, a failed allowlist test taken as a pass). */
  | { readonly kind: 'useless'; readonly node: Node }
  /** A test CORS Guard cannot see into (a function from elsewhere): trusted, nothing is claimed. */
  | { readonly kind: 'opaque'; readonly node: Node }
  /**
   * An opt-in switch (`if (process.env.ALLOW_ALL_CORS)`): the path runs only in a deployment that sets
   * `variable`, whatever the origin. What gets in there depends on the deployment: not known, never safe.
   */
  | { readonly kind: 'switch'; readonly node: Node; readonly variable: string }
  /** The origin's length compared with a number (`origin.length >= y.length`): restricts nobody in particular. */
  | { readonly kind: 'length'; readonly node: Node; readonly op: LengthOp; readonly n: number }
  /**
   * Equality with known values: a Set, a list, `===`, `in`, `switch`, a map lookup; on the origin, or on
   * its parsed `hostname` / `host` (`new URL(origin).hostname === 'example.com'`).
   */
  | {
      readonly kind: 'exact';
      readonly node: Node;
      readonly allowed: readonly Value[];
      readonly subject?: 'hostname' | 'host';
    }
  | PatternCheck;

export function isPatternCheck(c: Check): c is PatternCheck {
  return c.kind === 'regex' || c.kind === 'string' || c.kind === 'within';
}

/** Whether two checks are the same test at the same site (a site is compiled once per path it guards). */
export function sameCheck(a: Check, b: Check): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind || a.node !== b.node) return false;
  switch (a.kind) {
    case 'string':
      return b.kind === 'string' && a.argument === b.argument && a.method === b.method && a.prefix === b.prefix;
    case 'regex':
      return b.kind === 'regex' && a.pattern === b.pattern && a.flags === b.flags;
    default:
      return true;
  }
}

/** What a check says about one origin: admits it (with the allowlist entry that matched), rejects it, or can't tell. */
export interface CheckAnswer {
  readonly admits: boolean | undefined;
  readonly entry?: Node;
}

/** Whether `check` lets `origin` through. */
export function checkAdmits(check: Check, origin: string): CheckAnswer {
  switch (check.kind) {
    case 'absent':
      return { admits: false };
    case 'useless':
      return { admits: true };
    case 'opaque':
    case 'switch':
      return { admits: undefined };
    case 'length': {
      const l = origin.length;
      const ok = {
        '===': l === check.n,
        '!==': l !== check.n,
        '>': l > check.n,
        '>=': l >= check.n,
        '<': l < check.n,
        '<=': l <= check.n,
      }[check.op];
      return { admits: ok };
    }
    case 'exact': {
      const subject = check.subject ? parsedPart(origin, check.subject) : origin;
      if (subject === undefined) return { admits: false };
      let unknown = false;
      for (const v of check.allowed) {
        if (v.kind === 'literal') {
          if (v.value === subject) return { admits: true, entry: v.node };
        } else {
          unknown = true;
        }
      }
      return { admits: unknown ? undefined : false };
    }
    default:
      return { admits: check.matcher ? check.matcher.verify(origin) : undefined };
  }
}

/** `new URL(origin).hostname` / `.host`, as the runtime computes it (undefined where it would throw). */
export function parsedPart(origin: string, part: 'hostname' | 'host'): string | undefined {
  try {
    return new URL(origin)[part];
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------
// Compiling and judging

const VERDICT_CACHE_LIMIT = 2000;
/**
 * Verdicts by pattern and hosts, shared across files (the same pattern and hosts give the same verdict), with
 * the work each cost: a hit is charged it again, so a file's budget runs out at the same check warm or cold.
 * A verdict some budget cut short is never kept.
 */
const verdicts = new Map<string, { readonly verdict: Verdict; readonly cost: number }>();
const FILE_BUDGET_REASON = 'the file used up its regex analysis budget';
const NOT_JUDGED: Verdict = { kind: 'inconclusive', reason: 'not an origin pattern' };

/**
 * Compiles and judges a file's checks against its trusted hosts: each pattern within its own counted budget,
 * all of them within the file's cap (`FILE_REGEX_WORK`), which only a hostile file reaches.
 */
export class CheckJudge {
  private spent = 0;

  constructor(readonly hosts: readonly string[]) {}

  regex(fields: Omit<RegexCheck, 'kind' | 'matcher' | 'verdict'>): RegexCheck {
    let matcher = regexMatcher(fields.pattern, fields.flags);
    const verdict = this.verdictOf(matcher, 'regex');
    // A RegExp the screen turned away (catastrophic backtracking, too large) is never run: what it admits is
    // unknown for every origin.
    if (matcher && verdict.kind === 'inconclusive' && verdict.notRun) matcher = { ...matcher, verify: () => undefined };
    return { kind: 'regex', ...fields, matcher, verdict };
  }

  /** The check a RegExp value stands for (a regex literal, or `new RegExp(...)` with its string). */
  regexValue(v: Value & { kind: 'regexp' }): RegexCheck {
    const patternNode = v.node.type === 'Literal' ? v.node : v.source;
    const check = this.regex({
      node: v.node,
      pattern: v.pattern,
      flags: v.flags,
      ...(patternNode ? { patternNode } : {}),
      ...(v.assumes ? { assumes: v.assumes } : {}),
    });
    // Unsafe as a bare host, safe as a dotted suffix (`domain + '$'`): what it admits depends on the value.
    if (check.verdict.kind === 'unsafe' && v.dottedPattern !== undefined) {
      const dotted = this.verdictOf(regexMatcher(v.dottedPattern, v.flags), 'regex');
      if (dotted.kind === 'safe') {
        const parts = (v.assumes ?? []).map((a) => `\`${a}\``).join(', ');
        return {
          ...check,
          verdict: { kind: 'inconclusive', reason: `it depends on whether ${parts} starts with a dot` },
        };
      }
    }
    return check;
  }

  string(fields: Omit<StringCheck, 'kind' | 'matcher' | 'verdict'>): StringCheck {
    const matcher =
      fields.argument === undefined
        ? undefined
        : stringMatcher(fields.method, fields.argument, fields.onHostname, fields.prefix ?? '');
    return {
      kind: 'string',
      ...fields,
      matcher,
      verdict: this.verdictOf(matcher, `string:${fields.method}:${fields.onHostname}:${fields.prefix ?? ''}`),
    };
  }

  /**
   * `haystack.includes(origin)`; an unreadable haystack named by `assumes` (an environment variable, always
   * a string) is judged as a list holding `STAND_IN_ORIGIN_LIST`, and the rules say so.
   */
  within(node: TSESTree.CallExpression, haystack: string | undefined, assumes?: readonly string[]): WithinCheck {
    const judged = haystack ?? (assumes?.length ? STAND_IN_ORIGIN_LIST : undefined);
    const matcher =
      judged === undefined ? undefined : { pattern: undefined, verify: (o: string) => o !== '' && judged.includes(o) };
    // Which substrings of the string are origins is read off its entries, not asked of the automata.
    const verdict: Verdict =
      judged === undefined ? { kind: 'inconclusive', reason: 'a substring test on a list' } : substringVerdict(judged);
    return {
      kind: 'within',
      node,
      haystack,
      matcher,
      verdict,
      ...(haystack === undefined && assumes?.length ? { assumes } : {}),
    };
  }

  /** The verdict of a pattern check for other trusted hosts (a rule's own `allowedOrigins`). */
  rejudge(check: PatternCheck, hosts: readonly string[]): Verdict {
    if (sameHosts(hosts, this.hosts)) return check.verdict;
    if (check.kind === 'within') {
      // The attacker origins inside the string are the same; only what counts as one's own changes.
      if (check.verdict.kind !== 'unsafe') return check.verdict;
      const findings = check.verdict.findings.filter((f) => {
        const host = parsedPart(f.witness, 'hostname');
        return !host || !hosts.some((h) => host === h || host.endsWith(`.${h}`));
      });
      return findings.length > 0 ? { ...check.verdict, findings } : { kind: 'safe', hosts };
    }
    const tag = check.kind === 'string' ? `string:${check.method}:${check.onHostname}:${check.prefix ?? ''}` : 'regex';
    return this.verdictOf(check.matcher, tag, hosts);
  }

  private verdictOf(matcher: Matcher | undefined, tag: string, hosts: readonly string[] = this.hosts): Verdict {
    const pattern = matcher?.pattern;
    if (!matcher || !pattern) return NOT_JUDGED;
    const key = `${tag}:${pattern.flags}:${pattern.pattern}:${hosts.join(',')}`;
    const hit = verdicts.get(key);
    if (hit) {
      if (this.spent + hit.cost > FILE_REGEX_WORK) {
        this.spent = FILE_REGEX_WORK + 1;
        return unanalysable(FILE_BUDGET_REASON);
      }
      this.spent += hit.cost;
      return hit.verdict;
    }
    let cutShort = false;
    const { result: verdict, cost } = this.metered(() => {
      const v = analyzeOriginPattern(pattern, hosts, matcher.verify);
      cutShort = v.kind === 'inconclusive' && v.outOfBudget === true;
      return v;
    });
    if (verdict === undefined) return unanalysable(FILE_BUDGET_REASON);
    if (!cutShort) {
      if (verdicts.size >= VERDICT_CACHE_LIMIT) verdicts.clear();
      verdicts.set(key, { verdict, cost });
    }
    return verdict;
  }

  /** Runs a costly analysis for this file unless its budget is used up; undefined when skipped or cut short. */
  withinBudget<R>(analysis: () => R): R | undefined {
    return this.metered(analysis).result;
  }

  /** `analysis()` within what is left of the file's budget, its work counted; undefined once it is used up. */
  private metered<R>(analysis: () => R): { result: R | undefined; cost: number } {
    if (this.spent > FILE_REGEX_WORK) return { result: undefined, cost: 0 };
    const before = workSpent();
    let result: R | undefined;
    try {
      result = withinWork(FILE_REGEX_WORK - this.spent, FILE_BUDGET_REASON, analysis);
    } catch (error) {
      if (!(error instanceof BudgetExhausted)) throw error;
      result = undefined;
    }
    const cost = workSpent() - before;
    this.spent += cost;
    return { result, cost };
  }
}

function sameHosts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((h, i) => h === b[i]);
}

function regexMatcher(pattern: string, flags: string): Matcher | undefined {
  let re: RegExp;
  try {
    re = new RegExp(pattern, flags.replace(/[gy]/g, ''));
  } catch {
    return undefined;
  }
  // A pattern judged on its exact automaton is tested there too: its RegExp could backtrack.
  const onAutomaton = automatonTest({ pattern, flags });
  return { pattern: { pattern, flags }, verify: onAutomaton ?? boundedTest(re) };
}

function stringMatcher(method: StringMethod, argument: string, onHostname: boolean, prefix: string): Matcher {
  const pattern = stringCheckPattern(method, argument, onHostname, prefix);
  const verify = (origin: string): boolean => {
    let subject = origin;
    if (onHostname) {
      const host = parsedPart(origin, 'hostname');
      if (host === undefined) return false;
      subject = host;
    }
    subject = prefix + subject;
    switch (method) {
      case 'startsWith':
        return subject.startsWith(argument);
      case 'endsWith':
        return subject.endsWith(argument);
      case 'includes':
        return subject.includes(argument);
    }
  };
  return { pattern, verify };
}

/**
 * A string check as a regex over the whole origin, for the automata: `method(argument)` on the origin, or
 * on `new URL(origin).hostname`, after an optional `prefix` (`('.' + host).endsWith('.example.com')`:
 * the subject ends with the argument, or is the part of the argument the prefix does not cover).
 */
export function stringCheckPattern(
  method: StringMethod,
  argument: string,
  onHostname: boolean,
  prefix = '',
): OriginPattern | undefined {
  const s = escapeRegex(argument);
  if (!prefix && !onHostname) {
    // Search semantics, as the witness analysis reads a regex (and proposes its repairs).
    return { pattern: method === 'startsWith' ? `^${s}` : method === 'endsWith' ? `${s}$` : s, flags: '' };
  }
  const any = onHostname ? '[^:/]*' : '[\\s\\S]*';
  let body: string;
  if (method === 'endsWith') {
    const covered: string[] = [];
    for (let k = 1; k <= Math.min(prefix.length, argument.length - 1); k++) {
      if (prefix.endsWith(argument.slice(0, k))) covered.push(escapeRegex(argument.slice(k)));
    }
    body = [`${any}${s}`, ...covered].join('|');
  } else if (method === 'startsWith') {
    if (!argument.startsWith(prefix)) return undefined;
    body = `${escapeRegex(argument.slice(prefix.length))}${any}`;
  } else {
    if (prefix) return undefined;
    body = `${any}${s}${any}`;
  }
  return onHostname
    ? { pattern: `^[a-z]+:\\/\\/(?:${body})(?::\\d+)?$`, flags: '' }
    : { pattern: `^(?:${body})$`, flags: '' };
}
