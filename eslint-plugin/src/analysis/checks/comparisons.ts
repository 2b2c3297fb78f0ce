/**
 * Comparison guards: what a binary test on the origin lets through. Equality with a value (`origin ===
 * 'https://a.example'`, `typeof origin`, `map[origin] === true`), `in`, index searches compared with a
 * number (`list.indexOf(origin) !== -1`, `origin.indexOf(x) === 0`, hand-written `endsWith` arithmetic),
 * and lengths (`list.filter(f).length > 0`, `origin.length > 0`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { calleeMethodName, isNullishLiteral, memberName, unwrap, type Node } from '../ast';
import type { CheckJudge, LengthOp } from './checks';
import { escapeRegex } from './origins';
import { disjDefined, leaf, never, useless, type Outcome } from './outcomes';
import { isIterationCall, objectKeys, type CallGuards, type GuardRecursion } from './call-guards';
import type { CheckSubjects } from './subjects';
import type { Bindings, ValueResolver } from '../values/values';

/** Classifies binary tests for a `GuardAnalyzer`, recursing through it and its call guards. */
export class ComparisonGuards {
  constructor(
    private readonly analyzer: GuardRecursion,
    private readonly calls: CallGuards,
    private readonly resolver: ValueResolver,
    private readonly subjects: CheckSubjects,
    private readonly judge: CheckJudge,
  ) {}

  classifyBinary(n: TSESTree.BinaryExpression, positive: boolean, b?: Bindings): Outcome | undefined {
    const left = n.left as Node;
    const right = n.right as Node;
    if (n.operator === 'in') {
      if (!this.analyzer.isOrigin(left, b)) return undefined;
      return positive ? leaf({ kind: 'exact', node: n, allowed: objectKeys(this.resolver, right, b) }) : useless(n);
    }
    const eq = n.operator === '===' || n.operator === '==';
    const neq = n.operator === '!==' || n.operator === '!=';
    // typeof origin === 'string'
    for (const [a, other] of [
      [left, right],
      [right, left],
    ] as const) {
      const ua = unwrap(a);
      if (
        (eq || neq) &&
        ua.type === T.UnaryExpression &&
        ua.operator === 'typeof' &&
        this.analyzer.isOrigin(ua.argument, b)
      ) {
        const lit = this.resolver.singleString(other, b);
        const holdsAbsent = (lit === 'undefined') === (eq === positive);
        return holdsAbsent ? leaf({ kind: 'absent', node: n }) : useless(n);
      }
    }
    // re.exec(origin) !== null, origin.match(re) != null: a match object or null, so the comparison is the
    // call's truth (`=== null` its falsity).
    for (const [a, other] of [
      [left, right],
      [right, left],
    ] as const) {
      const ua = unwrap(a);
      const uo = unwrap(other);
      if (!(eq || neq) || !isNullishLiteral(uo) || ua.type !== T.CallExpression) continue;
      const method = calleeMethodName(ua);
      if (method !== 'exec' && method !== 'match') continue;
      // `=== undefined` (or `void 0`) is never true of exec/match (null on a miss): only loose `==` and `null`
      // compare both ways.
      const isNull = uo.type === T.Literal && uo.value === null;
      if (!isNull && n.operator.length === 3) return eq === positive ? never(n) : useless(n);
      return this.analyzer.classify(ua, neq === positive, b);
    }
    // ALLOWED[origin] === true, origins[origin] !== undefined: the origin looked up among an object's keys
    // (each key is an exact origin; what the value is compared with says whether a hit or a miss passes).
    for (const [a, other] of [
      [left, right],
      [right, left],
    ] as const) {
      const ua = unwrap(a);
      if (!(eq || neq) || ua.type !== T.MemberExpression || !ua.computed) continue;
      if (!this.analyzer.isOrigin(ua.property, b) || this.analyzer.isOrigin(ua.object, b)) continue;
      const compared = this.resolver.resolve(other, b);
      if (compared.length === 0 || !compared.every((v) => v.kind === 'literal')) continue;
      const missing = compared.every((v) => v.kind === 'literal' && (v.value === undefined || v.value === null));
      const hitPasses = missing ? neq === positive : eq === positive;
      return hitPasses
        ? leaf({ kind: 'exact', node: n, allowed: objectKeys(this.resolver, ua.object, b) })
        : useless(n);
    }
    // host.split('.').slice(-2).join('.') === 'example.com': the last labels compared exactly
    if ((eq || neq) && eq === positive) {
      const tail = this.labelTail(n, b);
      if (tail) return tail;
    }
    // origin.indexOf(y) === origin.length - y.length: a hand-written endsWith
    const suffix = (eq || neq) && positive === eq ? this.indexArithmetic(n, b) : undefined;
    if (suffix) return suffix;
    // list.indexOf(origin) !== -1, origin.indexOf('x') === 0
    const idx = indexComparison(n);
    if (idx) {
      if (idx.found === 'start') {
        return this.calls.classifyCall(idx.call, positive, b, 'startsWith');
      }
      return this.calls.classifyFound(idx.call, idx.found === 'found' ? positive : !positive, b, n);
    }
    if (eq || neq) {
      const ls = this.subjects.subjectOf(left, b);
      const rs = this.subjects.subjectOf(right, b);
      if (!!ls === !!rs) return undefined;
      const on = (ls ?? rs)!;
      const other = ls ? right : left;
      const otherValues = this.resolver.resolve(other, b);
      const nullish = otherValues.every(
        (v) => v.kind === 'literal' && (v.value === null || v.value === undefined || v.value === ''),
      );
      const holds = eq === positive;
      if (on.prefix) return holds ? leaf({ kind: 'opaque', node: n }) : useless(n);
      if (nullish) return holds ? leaf({ kind: 'absent', node: n }) : useless(n);
      if (!holds) return useless(n);
      // `new URL(origin).hostname === 'example.com'` compares the host exactly.
      return leaf({
        kind: 'exact',
        node: n,
        allowed: otherValues,
        ...(on.part !== 'origin' ? { subject: on.part } : {}),
      });
    }
    // list.filter((o) => …).length > 0
    const count = lengthComparison(n);
    if (count) return this.analyzer.classify(count.call, count.nonEmpty === positive, b);
    if (['>', '<', '>=', '<=', '===', '!==', '==', '!='].includes(n.operator)) {
      // origin.length > 0, origin.length >= y.length
      const l = this.originLength(left, b) ? this.numberOf(right, b) : undefined;
      const r = this.originLength(right, b) ? this.numberOf(left, b) : undefined;
      const num = l ?? r;
      if (num !== undefined) {
        let op = (l !== undefined ? n.operator : flip(n.operator)).replace(/^(==|!=)$/, '$1=') as LengthOp;
        if (!positive) op = NEGATE[op];
        return leaf({ kind: 'length', node: n, op, n: num });
      }
    }
    return undefined;
  }

  /**
   * `host.split('.').slice(-k).join('.') === 'example.com'`: the last k labels of the host (all of them when
   * it has fewer) equal the value, so the host is the value or ends with `.` and the value when the value
   * has k labels, and is exactly the value when it has fewer; a value with more labels never matches.
   */
  private labelTail(n: TSESTree.BinaryExpression, b?: Bindings): Outcome | undefined {
    for (const [a, other] of [
      [n.left as Node, n.right as Node],
      [n.right as Node, n.left as Node],
    ] as const) {
      const join = unwrap(a);
      if (
        join.type !== T.CallExpression ||
        calleeMethodName(join) !== 'join' ||
        join.callee.type !== T.MemberExpression
      )
        continue;
      const slice = unwrap(join.callee.object as Node);
      if (
        slice.type !== T.CallExpression ||
        calleeMethodName(slice) !== 'slice' ||
        slice.callee.type !== T.MemberExpression
      )
        continue;
      const split = unwrap(slice.callee.object as Node);
      if (
        split.type !== T.CallExpression ||
        calleeMethodName(split) !== 'split' ||
        split.callee.type !== T.MemberExpression
      )
        continue;
      const on = this.subjects.subjectOf(split.callee.object as Node, b);
      if (!on || on.prefix) continue;
      const sep = (x: TSESTree.CallExpression) =>
        x.arguments[0] ? this.resolver.singleString(x.arguments[0], b) : undefined;
      const from = slice.arguments[0] ? numberValue(unwrap(slice.arguments[0] as Node)) : undefined;
      if (sep(split) !== '.' || sep(join) !== '.' || from === undefined || from >= 0 || slice.arguments.length !== 1)
        return leaf({ kind: 'opaque', node: n });
      const values = this.resolver.resolve(other, b);
      const k = -from;
      const parts: string[] = [];
      for (const v of values) {
        if (v.kind !== 'literal' || typeof v.value !== 'string') return leaf({ kind: 'opaque', node: n });
        const labels = v.value.split('.').length;
        if (labels > k) continue;
        const exact = escapeRegex(v.value);
        parts.push(labels === k ? `(?:[^:/]*\\.)?${exact}` : exact);
      }
      const body = parts.length > 0 ? parts.join('|') : '(?!)';
      const pattern =
        on.part === 'origin'
          ? `^(?:${body.replace(/\[\^:\/\]\*/g, '[\\s\\S]*')})$`
          : `^[a-z]+:\\/\\/(?:${body})${on.part === 'hostname' ? '(?::\\d+)?' : ''}$`;
      return leaf(
        this.judge.regex({
          node: n,
          pattern,
          flags: '',
          why: `the last ${k} labels of the host are compared, so any host under them passes`,
        }),
      );
    }
    return undefined;
  }

  /** Whether an arithmetic expression uses the origin's length (`origin.length - y.length - 1`). */
  private mentionsOriginLength(node: Node, b?: Bindings, depth = 0): boolean {
    const u = unwrap(node);
    if (this.originLength(u, b)) return true;
    if (u.type !== T.BinaryExpression || depth > 4) return false;
    return this.mentionsOriginLength(u.left as Node, b, depth + 1) || this.mentionsOriginLength(u.right, b, depth + 1);
  }

  private originLength(node: Node, b?: Bindings): boolean {
    const u = unwrap(node);
    return u.type === T.MemberExpression && memberName(u) === 'length' && this.analyzer.isOrigin(u.object, b);
  }

  /** A number written as a literal, `y.length` of a known string, or `a - b` of those. */
  private numberOf(node: Node, b?: Bindings): number | undefined {
    const u = unwrap(node);
    const lit = numberValue(u);
    if (lit !== undefined) return lit;
    if (u.type === T.MemberExpression && memberName(u) === 'length') {
      const s = this.resolver.singleString(u.object, b);
      return s === undefined ? undefined : s.length;
    }
    if (u.type === T.BinaryExpression && (u.operator === '-' || u.operator === '+')) {
      const x = this.numberOf(u.left as Node, b);
      const y = x === undefined ? undefined : this.numberOf(u.right, b);
      return x === undefined || y === undefined ? undefined : u.operator === '-' ? x - y : x + y;
    }
    return undefined;
  }

  /**
   * `origin.indexOf(y) === origin.length - y.length` (or `lastIndexOf`): true when the origin ends with y,
   * and also, since a missing y gives -1, for any origin one character shorter than y.
   */
  private indexArithmetic(n: TSESTree.BinaryExpression, b?: Bindings): Outcome | undefined {
    for (const [a, other] of [
      [n.left as Node, n.right as Node],
      [n.right as Node, n.left as Node],
    ] as const) {
      const call = unwrap(a);
      const m = call.type === T.CallExpression ? calleeMethodName(call) : undefined;
      if (call.type !== T.CallExpression || (m !== 'indexOf' && m !== 'lastIndexOf')) continue;
      const callee = unwrap(call.callee);
      if (callee.type !== T.MemberExpression || !this.analyzer.isOrigin(callee.object, b) || !call.arguments[0])
        continue;
      const needle = this.resolver.singleString(call.arguments[0], b);
      const diff = unwrap(other);
      if (!this.mentionsOriginLength(diff, b)) continue;
      // Index arithmetic other than `length - y.length` (`- 1`, `+ delta`): not modelled, so trusted.
      if (needle === undefined || diff.type !== T.BinaryExpression || diff.operator !== '-') {
        return leaf({ kind: 'opaque', node: n });
      }
      const minus = this.originLength(diff.left as Node, b) ? this.numberOf(diff.right, b) : undefined;
      if (minus === undefined) return leaf({ kind: 'opaque', node: n });
      const ends = this.judge.string({
        node: call,
        method: 'endsWith',
        argument: needle,
        argumentNode: call.arguments[0],
        methodNode: callee.property,
        receiver: callee.object,
        onHostname: false,
      });
      if (minus !== needle.length) return leaf({ kind: 'opaque', node: n });
      // indexOf gives -1 when y is missing: then it matches exactly the origins of length y.length - 1.
      const short = this.judge.regex({
        node: n,
        pattern: `^(?![\\s\\S]*${escapeRegex(needle)})[\\s\\S]{${Math.max(needle.length - 1, 0)}}$`,
        flags: '',
        why: `\`${m}\` gives -1 when the text is missing, which equals \`length - ${needle.length}\` for any origin ${needle.length - 1} characters long`,
      });
      return disjDefined(leaf(ends), leaf(short));
    }
    return undefined;
  }
}

/** `list.filter(f).length > 0` (and `>= 1`, `!== 0`, `=== 0`, ...): whether some element passes. */
export function lengthComparison(
  n: TSESTree.BinaryExpression,
): { call: TSESTree.CallExpression; nonEmpty: boolean } | undefined {
  const l = unwrap(n.left as Node);
  const r = unwrap(n.right as Node);
  const lengthOf = (x: Node) =>
    x.type === T.MemberExpression && memberName(x) === 'length' && isIterationCall(unwrap(x.object))
      ? (unwrap(x.object) as TSESTree.CallExpression)
      : undefined;
  const call = lengthOf(l) ?? lengthOf(r);
  if (!call) return undefined;
  const num = numberValue(lengthOf(l) ? r : l);
  if (num === undefined) return undefined;
  const op = lengthOf(l) ? n.operator : flip(n.operator);
  if ((op === '>' && num === 0) || (op === '>=' && num === 1) || ((op === '!==' || op === '!=') && num === 0))
    return { call, nonEmpty: true };
  if (((op === '===' || op === '==') && num === 0) || (op === '<' && num === 1) || (op === '<=' && num === 0))
    return { call, nonEmpty: false };
  return undefined;
}

export function indexComparison(
  n: TSESTree.BinaryExpression,
): { call: TSESTree.CallExpression; found: 'found' | 'missing' | 'start' } | undefined {
  const l = unwrap(n.left as Node);
  const r = unwrap(n.right as Node);
  const callSide = isIndexCall(l) ? l : isIndexCall(r) ? r : undefined;
  if (!callSide) return undefined;
  const numSide = callSide === l ? r : l;
  const num = numberValue(numSide);
  if (num === undefined) return undefined;
  // Normalise to `call OP num`.
  const op = callSide === l ? n.operator : flip(n.operator);
  if (num === -1) {
    if (op === '!==' || op === '!=' || op === '>') return { call: callSide, found: 'found' };
    if (op === '===' || op === '==' || op === '<=') return { call: callSide, found: 'missing' };
  }
  // Found after the start (`> 0`, `>= 1`): the same as found anywhere for a literal an origin cannot start with
  // (every origin starts with `http` or is `null`); other needles are left unread.
  if ((num === 0 && op === '>') || (num === 1 && op === '>=')) {
    const needle = callSide.arguments[0];
    const text = needle?.type === T.Literal && typeof needle.value === 'string' ? needle.value : undefined;
    if (text && !/^[hHnN]/.test(text) && calleeMethodName(callSide) !== 'search')
      return { call: callSide, found: 'found' };
    return undefined;
  }
  if (num === 0) {
    if (op === '>=') return { call: callSide, found: 'found' };
    if (op === '<') return { call: callSide, found: 'missing' };
    if (op === '===' || op === '==') return { call: callSide, found: 'start' };
  }
  return undefined;
}

function isIndexCall(n: Node): n is TSESTree.CallExpression {
  if (n.type !== T.CallExpression) return false;
  const m = calleeMethodName(n);
  return m === 'indexOf' || m === 'lastIndexOf' || m === 'search' || m === 'findIndex';
}

function numberValue(n: Node): number | undefined {
  if (n.type === T.Literal && typeof n.value === 'number') return n.value;
  if (
    n.type === T.UnaryExpression &&
    n.operator === '-' &&
    n.argument.type === T.Literal &&
    typeof n.argument.value === 'number'
  ) {
    return -n.argument.value;
  }
  return undefined;
}

const NEGATE: Readonly<Record<LengthOp, LengthOp>> = {
  '===': '!==',
  '!==': '===',
  '>': '<=',
  '>=': '<',
  '<': '>=',
  '<=': '>',
};

function flip(op: string): string {
  return op === '>' ? '<' : op === '<' ? '>' : op === '>=' ? '<=' : op === '<=' ? '>=' : op;
}
