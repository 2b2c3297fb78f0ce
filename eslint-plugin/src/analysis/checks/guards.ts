/**
 * Guards: which conditions must hold for a value to reach a site, and what those conditions do to the
 * request's origin. An `exact` check (Set.has, includes on a list, `===`, `in`, switch, a map lookup)
 * restricts it to known values; a `useless` one (`if (origin)`, `!== undefined`) lets any origin through;
 * `regex` and `string` checks are judged by the witness analysis; `opaque` ones (a function we cannot
 * see) are trusted, so the rules say nothing rather than guess.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import {
  calleeMethodName,
  isFunction,
  isNullishLiteral,
  memberName,
  unwrap,
  type FunctionNode,
  type Node,
} from '../ast';
import type { Check, CheckJudge, CheckKind, LengthOp, StringMethod } from './checks';
import { MAX_EXITS_PER_SITE } from '../budgets';
import { escapeRegex } from './origins';
import { CheckSubjects } from './subjects';
import { type Bindings, type Value, type ValueResolver, type Variable } from '../values/values';

/** How strongly each kind of check restricts the origin on the path it guards. */
const RANK: Readonly<Record<CheckKind, number>> = {
  useless: 1,
  length: 1,
  opaque: 2,
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

interface Outcome {
  readonly rank: number;
  readonly checks: readonly Check[];
  readonly paths: readonly (readonly Check[])[];
}

interface GuardTest {
  readonly test: Node;
  readonly positive: boolean;
  /** For `switch (x) { case y: }`: the discriminant compared with `test`. */
  readonly discriminant?: Node;
  /** Stands for early exits beyond the per-site budget: an opaque check (trusted, nothing claimed). */
  readonly opaque?: true;
}

/** The early exits of one statement list, found once: each with its statement's index. */
interface ExitIndex {
  readonly indexOf: ReadonlyMap<Node, number>;
  readonly exits: readonly { readonly index: number; readonly test: GuardTest }[];
}
const exitIndexes = new WeakMap<readonly Node[], ExitIndex>();

const STRING_METHODS: ReadonlyMap<string, StringMethod> = new Map([
  ['startsWith', 'startsWith'],
  ['endsWith', 'endsWith'],
  ['includes', 'includes'],
  ['indexOf', 'includes'],
  ['lastIndexOf', 'includes'],
]);
const REGEX_STRING_METHODS = new Set(['match', 'search', 'matchAll']);
const LIST_METHODS = new Set(['has', 'includes', 'indexOf', 'lastIndexOf', 'get', 'hasOwnProperty']);
const ITERATION_METHODS = new Set(['some', 'find', 'findIndex', 'filter', 'every', 'findLast']);
/**
 * Calls whose result is always an object (an array, a set, an iterator), so truthy even when empty:
 * `(env || '').split(',')`, `list.map(...)`, `list.filter(...)`, `Object.keys(x)`, `Array.from(x)`.
 */
const ALWAYS_OBJECT_METHODS = new Set([
  'split',
  'map',
  'filter',
  'flatMap',
  'flat',
  'keys',
  'values',
  'entries',
  'from',
  'of',
  'matchAll',
]);

/** Whether an expression's value is an object whatever it is computed from (so `x || list` never fails). */
function isAlwaysObject(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === T.NewExpression) return true;
  if (n.type === T.CallExpression) {
    const method = calleeMethodName(n);
    return !!method && n.callee.type === T.MemberExpression && ALWAYS_OBJECT_METHODS.has(method);
  }
  return false;
}

export class GuardAnalyzer {
  private readonly testsMemo = new Map<Node, readonly GuardTest[]>();
  /** Per node (nodes of several modules may share ranges), for a holding and a failing test. */
  private readonly outcomeMemo = [new Map<Node, Outcome | undefined>(), new Map<Node, Outcome | undefined>()] as const;
  private depth = 0;

  /** What the checks look at: the origin, its parsed host. */
  private readonly subjects: CheckSubjects;

  constructor(
    private readonly resolver: ValueResolver,
    readonly judge: CheckJudge,
  ) {
    this.subjects = new CheckSubjects(resolver);
  }

  /** The guards dominating every site of a value flow, combined (all must hold). */
  guardOf(sites: readonly Node[], b?: Bindings): GuardSummary {
    let best: Outcome | undefined;
    let combined: Outcome | undefined;
    const all: Check[] = [];
    const seen = new Set<Node>();
    for (const site of sites) {
      const sb = this.resolver.bindingsAt(site) ?? b;
      for (const t of this.dominatingTests(site)) {
        if (seen.has(t.test)) continue;
        seen.add(t.test);
        const o = this.classifyGuard(t, sb);
        if (!o) continue;
        for (const p of o.paths) all.push(...p);
        if (!best || o.rank > best.rank) best = o;
        combined = conj(combined, o);
      }
    }
    if (!best || !combined) return { strength: 'none', decisive: [], all, paths: [] };
    return { strength: kindOfRank(best.rank, best.checks), decisive: best.checks, all, paths: combined.paths };
  }

  /** Classifies a boolean expression used as an allow decision (`callback(null, list.includes(o))`). */
  classifyDecision(node: Node, b?: Bindings): GuardSummary | undefined {
    // A literal answer (`callback(null, true)`) is not a check: the caller reads its value.
    if (unwrap(node).type === T.Literal) return undefined;
    const o = this.classify(node, true, b);
    if (!o) return undefined;
    return { strength: kindOfRank(o.rank, o.checks), decisive: o.checks, all: o.paths.flat(), paths: o.paths };
  }

  /** Whether a node evaluates to request-controlled data. */
  isOrigin(node: Node, b?: Bindings): boolean {
    return this.subjects.isOrigin(node, b);
  }

  /** Conditions that must hold for `site` to execute, up to its enclosing function. */
  dominatingTests(site: Node): readonly GuardTest[] {
    const hit = this.testsMemo.get(site);
    if (hit) return hit;
    const tests: GuardTest[] = [];
    let node: Node = site;
    for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
      if (isFunction(parent) || parent.type === T.Program) {
        if (parent.type === T.Program) precedingExits(parent.body, node, tests);
        break;
      }
      switch (parent.type) {
        case T.IfStatement:
        case T.ConditionalExpression:
          if (node === parent.consequent) tests.push({ test: parent.test, positive: true });
          else if (node === parent.alternate) tests.push({ test: parent.test, positive: false });
          break;
        case T.LogicalExpression:
          if (node === parent.right) tests.push({ test: parent.left, positive: parent.operator === '&&' });
          break;
        case T.SwitchCase: {
          const sw = parent.parent;
          if (sw?.type === T.SwitchStatement && parent.consequent.includes(node as TSESTree.Statement)) {
            for (const c of caseLabelsReaching(sw, parent)) {
              tests.push({ test: c ?? sw.discriminant, positive: c !== null, discriminant: sw.discriminant });
            }
            precedingExits(parent.consequent, node, tests);
          }
          break;
        }
        case T.BlockStatement:
        case T.StaticBlock:
          precedingExits(parent.body, node, tests);
          break;
        default:
          break;
      }
    }
    this.testsMemo.set(site, tests);
    return tests;
  }

  private classifyGuard(t: GuardTest, b?: Bindings): Outcome | undefined {
    if (t.opaque) return leaf({ kind: 'opaque', node: t.test });
    if (t.discriminant) {
      if (!this.isOrigin(t.discriminant, b)) {
        // `switch (true) { case allowed.has(origin): ... }`
        return t.test === t.discriminant ? undefined : this.classify(t.test, true, b);
      }
      if (!t.positive) return leaf({ kind: 'useless', node: t.discriminant });
      if (isNullishLiteral(unwrap(t.test))) return leaf({ kind: 'absent', node: t.test });
      return leaf({ kind: 'exact', node: t.test, allowed: this.resolver.resolve(t.test, b) });
    }
    return this.classify(t.test, t.positive, b);
  }

  /**
   * What holding (`positive`) or failing a test does to the origin; undefined when the test does not
   * involve request data.
   */
  classify(node: Node, positive: boolean, b?: Bindings): Outcome | undefined {
    const canMemo = !b || b.size === 0;
    const memo = this.outcomeMemo[positive ? 0 : 1];
    if (canMemo && memo.has(node)) return memo.get(node);
    if (this.depth > 8) return leaf({ kind: 'opaque', node });
    this.depth++;
    let result: Outcome | undefined;
    try {
      result = this.classifyUncached(unwrap(node), positive, b);
    } finally {
      this.depth--;
    }
    if (canMemo) memo.set(node, result);
    return result;
  }

  private classifyUncached(n: Node, positive: boolean, b?: Bindings): Outcome | undefined {
    switch (n.type) {
      case T.UnaryExpression:
        if (n.operator === '!') {
          // A failed check (`!blocked.has(origin)`) is named as written.
          const o = this.classify(n.argument, !positive, b);
          return positive && o?.rank === RANK.useless ? useless(n) : o;
        }
        if (n.operator === '~') return this.classifyFound(n.argument, positive, b, n);
        return undefined;
      case T.LogicalExpression: {
        if (n.operator === '??') break;
        const conjunction = (n.operator === '&&') === positive;
        const sides: (Outcome | undefined)[] = [];
        for (const side of [n.left, n.right]) {
          const o = this.classify(side, positive, b);
          if (o) {
            sides.push(o);
            continue;
          }
          // A side that can't fail or can't hold, whatever the origin: `list || …`, `indexOf('*') !== -1`.
          const truth = this.constantTruth(side, b);
          const holds = truth === undefined ? undefined : truth === positive;
          if (holds === undefined) sides.push(undefined);
          else if (conjunction && !holds) return never(n);
          else if (!conjunction && holds) return useless(n);
        }
        const [l, r] = sides;
        if (sides.length === 1) return l;
        return conjunction ? conj(l, r) : disj(l, r, n);
      }
      case T.ConditionalExpression: {
        // callback(null, allowed.has(origin) ? origin : false): the test decides which branch answers.
        const then = conj(this.classify(n.test, true, b), this.classifyOrConstant(n.consequent, positive, b));
        const otherwise = conj(this.classify(n.test, false, b), this.classifyOrConstant(n.alternate, positive, b));
        if (!then && !otherwise) return undefined;
        return disj(then, otherwise, n);
      }
      case T.Literal:
      case T.ArrayExpression:
      case T.ObjectExpression: {
        const truth = this.constantTruth(n, b);
        if (truth === undefined) return undefined;
        return truth === positive ? useless(n) : never(n);
      }
      case T.BinaryExpression:
        return this.classifyBinary(n, positive, b);
      case T.CallExpression:
        return this.classifyCall(n, positive, b);
      case T.MemberExpression:
        // allowedOrigins[origin] (map lookup)
        if (n.computed && this.isOrigin(n.property, b) && !this.isOrigin(n.object, b)) {
          return positive ? leaf({ kind: 'exact', node: n, allowed: this.objectKeys(n.object, b) }) : useless(n);
        }
        // list.filter((o) => …).length
        if (memberName(n) === 'length' && isIterationCall(unwrap(n.object))) {
          return this.classify(n.object, positive, b);
        }
        break;
      case T.Identifier: {
        // const ok = allowed.has(origin); if (ok) ...
        const v = this.resolver.variableOf(n);
        const def = v?.defs[0];
        const writes = v?.references.filter((r) => r.isWrite()) ?? [];
        const only = writes.length === 1 ? writes[0] : undefined;
        const written = only?.writeExpr as Node | null | undefined;
        const plainWrite =
          def?.type === 'Variable' &&
          !!written &&
          ((def.node as TSESTree.VariableDeclarator).id === def.name || only!.identifier !== def.name) &&
          (only!.identifier.parent?.type !== T.AssignmentExpression || only!.identifier.parent.operator === '=');
        if (plainWrite && !this.isOrigin(n, b)) return this.classify(written!, positive, b);
        if (v && def?.type === 'Parameter' && writes.length === 0 && !this.isOrigin(n, b)) {
          const answered = this.classifyAnswer(v, positive, b);
          if (answered) return answered;
        }
        if (v && def?.type === 'Variable' && writes.length > 1 && !this.isOrigin(n, b))
          return this.classifyFlag(v, positive, b);
        break;
      }
      default:
        break;
    }
    if (this.isOrigin(n, b)) {
      // `if (origin)` only proves a value is present
      return positive ? useless(n) : leaf({ kind: 'absent', node: n });
    }
    return undefined;
  }

  /** classify, or the constant truth of a value that does not involve the origin (`true`, `false`, `null`). */
  private classifyOrConstant(n: Node, positive: boolean, b?: Bindings): Outcome | undefined {
    const o = this.classify(n, positive, b);
    if (o) return o;
    const truth = this.constantTruth(n, b);
    return truth === undefined ? undefined : truth === positive ? useless(n) : never(n);
  }

  /**
   * A boolean flag set in a loop or branches: `let ok = false; for (const d of list) if (check(d)) ok = true;`.
   * It holds when one of its truthy writes ran, so it passes where the guards of those writes pass.
   */
  private classifyFlag(v: Variable, positive: boolean, b?: Bindings): Outcome | undefined {
    let out: Outcome | undefined;
    let truthyWrites = 0;
    for (const ref of v.references) {
      if (!ref.isWrite()) continue;
      const written = ref.writeExpr as Node | null;
      const truth = written ? this.constantTruth(written, b) : undefined;
      if (truth === false) continue;
      if (truth === undefined) return undefined; // a computed value: not a flag
      truthyWrites++;
      const g = this.guardOf([ref.identifier as Node], b);
      out = disjDefined(
        out,
        g.strength === 'none'
          ? leaf({ kind: 'opaque', node: ref.identifier as Node })
          : { rank: RANK[g.strength], checks: g.decisive, paths: g.paths },
      );
    }
    if (truthyWrites === 0) return undefined;
    return positive ? out : out && useless(out.checks[0]!.node);
  }

  /**
   * Whether a value that does not involve the origin is always truthy or always falsy: literals, arrays,
   * objects and functions, `list.includes('*')` on a known list, `list.length > 0`, `matchAll(...)`.
   */
  constantTruth(node: Node, b?: Bindings): boolean | undefined {
    const n = unwrap(node);
    if (this.isOrigin(n, b)) return undefined;
    if (n.type === T.UnaryExpression && n.operator === '!') {
      const t = this.constantTruth(n.argument, b);
      return t === undefined ? undefined : !t;
    }
    if (isAlwaysObject(n)) return true; // an array or iterator, truthy even when empty
    if (n.type === T.CallExpression) {
      const method = calleeMethodName(n);
      const receiver = n.callee.type === T.MemberExpression ? n.callee.object : undefined;
      const needle = n.arguments[0];
      if (receiver && needle && needle.type !== T.SpreadElement && (method === 'includes' || method === 'has')) {
        const found = this.constantFound(receiver, needle, b);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    if (n.type === T.BinaryExpression) {
      const idx = indexComparison(n);
      if (idx && idx.found !== 'start') {
        const call = idx.call;
        const receiver = call.callee.type === T.MemberExpression ? call.callee.object : undefined;
        const needle = call.arguments[0];
        if (!receiver || !needle || needle.type === T.SpreadElement) return undefined;
        const found = this.constantFound(receiver, needle, b);
        return found === undefined ? undefined : found === (idx.found === 'found');
      }
      return undefined;
    }
    if (
      n.type === T.MemberExpression ||
      n.type === T.Identifier ||
      n.type === T.Literal ||
      n.type === T.ArrayExpression ||
      n.type === T.ObjectExpression ||
      n.type === T.ArrowFunctionExpression ||
      n.type === T.FunctionExpression ||
      n.type === T.TemplateLiteral
    ) {
      const values = this.resolver.resolve(n, b);
      if (values.length === 0) return undefined;
      let truth: boolean | undefined;
      for (const v of values) {
        let t: boolean | undefined;
        if (v.kind === 'literal') t = !!v.value;
        else if (
          v.kind === 'array' ||
          v.kind === 'set' ||
          v.kind === 'object' ||
          v.kind === 'function' ||
          v.kind === 'regexp' ||
          (v.kind === 'unknown' && isAlwaysObject(v.node))
        )
          t = true;
        else return undefined;
        if (truth !== undefined && truth !== t) return undefined;
        truth = t;
      }
      return truth;
    }
    return undefined;
  }

  /** `list.includes(needle)` when both are known: whether the list holds the needle. */
  private constantFound(receiver: Node, needle: Node, b?: Bindings): boolean | undefined {
    const want = this.resolver.singleString(needle, b);
    if (want === undefined) return undefined;
    const lists = this.resolver.resolve(receiver, b);
    let found: boolean | undefined;
    for (const list of lists) {
      if (list.kind !== 'array' && list.kind !== 'set') return undefined;
      let f = false;
      for (const e of list.elements) {
        if (e.kind !== 'literal') return undefined;
        if (e.value === want) f = true;
      }
      if (found !== undefined && found !== f) return undefined;
      found = f;
    }
    return found;
  }

  private classifyBinary(n: TSESTree.BinaryExpression, positive: boolean, b?: Bindings): Outcome | undefined {
    const left = n.left as Node;
    const right = n.right as Node;
    if (n.operator === 'in') {
      if (!this.isOrigin(left, b)) return undefined;
      return positive ? leaf({ kind: 'exact', node: n, allowed: this.objectKeys(right, b) }) : useless(n);
    }
    const eq = n.operator === '===' || n.operator === '==';
    const neq = n.operator === '!==' || n.operator === '!=';
    // typeof origin === 'string'
    for (const [a, other] of [
      [left, right],
      [right, left],
    ] as const) {
      const ua = unwrap(a);
      if ((eq || neq) && ua.type === T.UnaryExpression && ua.operator === 'typeof' && this.isOrigin(ua.argument, b)) {
        const lit = this.resolver.singleString(other, b);
        const holdsAbsent = (lit === 'undefined') === (eq === positive);
        return holdsAbsent ? leaf({ kind: 'absent', node: n }) : useless(n);
      }
    }
    // ALLOWED[origin] === true, origins[origin] !== undefined: the origin looked up among an object's keys
    // (each key is an exact origin; what the value is compared with says whether a hit or a miss passes).
    for (const [a, other] of [
      [left, right],
      [right, left],
    ] as const) {
      const ua = unwrap(a);
      if (!(eq || neq) || ua.type !== T.MemberExpression || !ua.computed) continue;
      if (!this.isOrigin(ua.property, b) || this.isOrigin(ua.object, b)) continue;
      const compared = this.resolver.resolve(other, b);
      if (compared.length === 0 || !compared.every((v) => v.kind === 'literal')) continue;
      const missing = compared.every((v) => v.kind === 'literal' && (v.value === undefined || v.value === null));
      const hitPasses = missing ? neq === positive : eq === positive;
      return hitPasses ? leaf({ kind: 'exact', node: n, allowed: this.objectKeys(ua.object, b) }) : useless(n);
    }
    // origin.indexOf(y) === origin.length - y.length: a hand-written endsWith
    const suffix = (eq || neq) && positive === eq ? this.indexArithmetic(n, b) : undefined;
    if (suffix) return suffix;
    // list.indexOf(origin) !== -1, origin.indexOf('x') === 0
    const idx = indexComparison(n);
    if (idx) {
      if (idx.found === 'start') {
        return this.classifyCall(idx.call, positive, b, 'startsWith');
      }
      return this.classifyFound(idx.call, idx.found === 'found' ? positive : !positive, b, n);
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
    if (count) return this.classify(count.call, count.nonEmpty === positive, b);
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

  /** Whether an arithmetic expression uses the origin's length (`origin.length - y.length - 1`). */
  private mentionsOriginLength(node: Node, b?: Bindings, depth = 0): boolean {
    const u = unwrap(node);
    if (this.originLength(u, b)) return true;
    if (u.type !== T.BinaryExpression || depth > 4) return false;
    return this.mentionsOriginLength(u.left as Node, b, depth + 1) || this.mentionsOriginLength(u.right, b, depth + 1);
  }

  private originLength(node: Node, b?: Bindings): boolean {
    const u = unwrap(node);
    return u.type === T.MemberExpression && memberName(u) === 'length' && this.isOrigin(u.object, b);
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
      if (callee.type !== T.MemberExpression || !this.isOrigin(callee.object, b) || !call.arguments[0]) continue;
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

  /** `~x.indexOf(o)`, `x.indexOf(o) !== -1`: the call finds its argument (when `positive`). */
  private classifyFound(call: Node, positive: boolean, b: Bindings | undefined, at: Node): Outcome | undefined {
    const c = unwrap(call);
    if (c.type !== T.CallExpression) return undefined;
    return this.classifyCall(c, positive, b, undefined, at);
  }

  /**
   * `asMethod` reads an index search as another method (`origin.indexOf(x) === 0` is `startsWith`); `at` is
   * the whole test for a found-comparison (`list.indexOf(origin) !== -1`).
   */
  private classifyCall(
    call: TSESTree.CallExpression,
    positive: boolean,
    b?: Bindings,
    asMethod?: StringMethod,
    at: Node = call,
  ): Outcome | undefined {
    const callee = unwrap(call.callee);
    const args = call.arguments.filter((a): a is TSESTree.Expression => a.type !== T.SpreadElement);
    const method = calleeMethodName(call);
    if (callee.type === T.MemberExpression && method) {
      const receiver = callee.object as Node;
      const arg0 = args[0];
      const receiverIsOrigin = this.isOrigin(receiver, b);
      const on = this.subjects.subjectOf(receiver, b);
      if (on && arg0 && !this.isOrigin(arg0, b)) {
        const stringMethod = STRING_METHODS.get(method);
        if (stringMethod) {
          if (!positive) return useless(call);
          // One check per value the argument can take: a list element in `list.some((d) => o.endsWith(d))`.
          let out: Outcome | undefined;
          for (const v of this.resolver.resolve(arg0, b)) {
            const argument =
              v.kind === 'literal' && (typeof v.value === 'string' || typeof v.value === 'number')
                ? String(v.value)
                : undefined;
            const check = this.judge.string({
              node: call,
              method: asMethod ?? stringMethod,
              argument,
              argumentNode: argument !== undefined ? v.node : arg0,
              methodNode: callee.property,
              receiver,
              onHostname: on.part !== 'origin',
              ...(on.prefix ? { prefix: on.prefix } : {}),
            });
            out = disjDefined(out, leaf(check));
          }
          return out;
        }
        if (method === 'matchAll') return positive ? useless(call) : never(call); // an iterator: always truthy
        if (REGEX_STRING_METHODS.has(method)) {
          if (!positive) return useless(call);
          // A string given to match/search is compiled to a RegExp.
          if (on.part !== 'origin' || on.prefix) return leaf({ kind: 'opaque', node: call });
          return this.patternChecks(this.resolver.resolve(arg0, b), call, true);
        }
        return undefined;
      }
      const needle = arg0 && !receiverIsOrigin ? this.subjects.subjectOf(arg0, b) : undefined;
      if (arg0 && needle) {
        if (method === 'test' || method === 'exec') {
          if (!positive) return useless(call);
          if (needle.part !== 'origin' || needle.prefix) return leaf({ kind: 'opaque', node: call });
          return this.patternChecks(this.resolver.resolve(receiver, b), call, false);
        }
        if (LIST_METHODS.has(method)) {
          if (!positive) return useless(call);
          if (needle.prefix) return leaf({ kind: 'opaque', node: call });
          const values = this.resolver.resolve(receiver, b);
          if (needle.part === 'origin' && values.every((v) => v.kind === 'literal' && typeof v.value === 'string')) {
            // 'https://a.example https://b.example'.includes(origin): a substring test
            return leaf(this.judge.within(call, this.resolver.singleString(receiver, b)));
          }
          return leaf({
            kind: 'exact',
            node: at,
            allowed: elementsOf(values),
            ...(needle.part !== 'origin' ? { subject: needle.part } : {}),
          });
        }
        if ((method === 'hasOwn' || method === 'has') && args.length === 2) {
          // Object.hasOwn(map, origin), Reflect.has(map, origin)
          return positive ? leaf({ kind: 'exact', node: call, allowed: this.objectKeys(args[0]!, b) }) : useless(call);
        }
      }
      if ((ITERATION_METHODS.has(method) || method === 'reduce') && arg0 && isFunction(unwrap(arg0))) {
        // allowed.some((o) => o === origin), patterns.some((re) => re.test(origin)),
        // allowed.reduce((ok, d) => ok || origin.endsWith(d), false)
        const fn = unwrap(arg0) as TSESTree.ArrowFunctionExpression;
        const elements = elementsOf(this.resolver.resolve(receiver, b));
        const initial = args[1] ? this.resolver.resolve(args[1], b) : [];
        const inner = this.resolver.bind(fn, method === 'reduce' ? [initial, elements] : [elements], b);
        let out: Outcome | undefined;
        for (const r of this.resolver.returnsOf(fn)) out = disjDefined(out, this.classify(r, true, inner));
        if (!out) return undefined;
        return positive ? out : useless(call);
      }
    }
    if (callee.type === T.Identifier && callee.name === 'Boolean' && args[0])
      return this.classify(args[0], positive, b);
    if (!args.some((a) => this.isOrigin(a, b) || this.subjects.subjectOf(a, b))) return undefined;
    // A local helper: isAllowed(origin), isTrustedHost(hostOf(origin)), however many calls deep.
    const fnValues = this.resolver.resolve(callee, b);
    const fnValue = fnValues.length === 1 && fnValues[0]!.kind === 'function' ? fnValues[0] : undefined;
    if (fnValue && fnValue.kind === 'function' && !fnValue.fn.async && positive) {
      return this.classifyHelper(fnValue.fn, call, args, b) ?? undefined;
    }
    return leaf({ kind: 'opaque', node: call });
  }

  private classifyHelper(
    fn: FunctionNode,
    call: TSESTree.CallExpression,
    args: readonly TSESTree.Expression[],
    b?: Bindings,
  ): Outcome | undefined {
    const inner = this.subjects.bind(fn, args, b);
    return this.answersOutcome(
      this.resolver.returnsOf(fn).map((r) => ({ value: r, site: r })),
      inner,
      call,
    );
  }

  /**
   * What a function's answers let through, each answer a value given at a site (a `return`, a callback
   * call): falsy answers let nothing in, a truthy literal passes where its site's guards pass, anything
   * else is classified itself. No truthy answer at all is an empty allowlist.
   */
  private answersOutcome(
    answers: readonly { readonly value: Node; readonly site: Node }[],
    inner: Bindings,
    at: TSESTree.CallExpression,
  ): Outcome | undefined {
    let out: Outcome | undefined;
    let allows = false;
    for (const { value, site } of answers) {
      const values = this.resolver.resolve(value, inner);
      if (values.every((v) => v.kind === 'literal' && !v.value)) continue; // false, null, no decision
      allows = true;
      if (values.every((v) => v.kind === 'literal' && v.value)) {
        const g = this.guardOf([site], inner);
        out = disjDefined(
          out,
          g.strength === 'none' ? useless(at) : { rank: RANK[g.strength], checks: g.decisive, paths: g.paths },
        );
      } else {
        out = disjDefined(out, this.classify(value, true, inner) ?? leaf({ kind: 'opaque', node: at }));
      }
    }
    if (!allows) return leaf({ kind: 'exact', node: at, allowed: [] });
    return out;
  }

  /**
   * A decision that arrives through a callback: `allowed` in `options.origin(origin, (err, allowed) => {
   * if (allowed) ... })`. It holds when the called function answers truthy, so it passes where that
   * function's answers pass (its parameters bound to the call's arguments, as for a helper).
   */
  private classifyAnswer(v: Variable, positive: boolean, b?: Bindings): Outcome | undefined {
    const param = v.defs[0]!.name as Node;
    const fn = param.parent;
    if (!fn || !isFunction(fn)) return undefined;
    const at = fn.params.indexOf(param as TSESTree.Parameter);
    const call = fn.parent;
    if (at < 0 || call?.type !== T.CallExpression || call.callee === fn) return undefined;
    const k = call.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
    const args = call.arguments.filter((a): a is TSESTree.Expression => a.type !== T.SpreadElement);
    if (k < 0 || args.length !== call.arguments.length || !args.some((a) => this.isOrigin(a, b))) return undefined;
    const fns = this.resolver.resolve(call.callee, b);
    const callee =
      fns.length === 1 && fns[0]!.kind === 'function' ? (fns[0] as Value & { kind: 'function' }).fn : undefined;
    // A function we can't read was asked about the origin: a check, but not one we can judge.
    if (!callee || callee.async) return positive ? leaf({ kind: 'opaque', node: call }) : useless(param);
    const answers = this.resolver.callsOfParam(callee, k);
    if (answers.length === 0) return positive ? leaf({ kind: 'opaque', node: call }) : useless(param);
    if (!positive) return useless(param);
    const inner = this.subjects.bind(callee, args, b);
    // callback(err) or callback(null, false): no decision, nothing let in.
    const decisions = answers.map((answer) => {
      const decision = answer.arguments[at];
      return { value: decision && decision.type !== T.SpreadElement ? decision : undefined, site: answer };
    });
    return this.answersOutcome(
      decisions.filter((d): d is { value: TSESTree.Expression; site: TSESTree.CallExpression } => !!d.value),
      inner,
      call,
    );
  }

  /** `re.test(origin)` where `re` may be any of `values`: one check per pattern, any of which may pass. */
  private patternChecks(values: readonly Value[], at: TSESTree.CallExpression, stringsArePatterns: boolean): Outcome {
    let out: Outcome | undefined;
    for (const v of values) {
      let check: Check;
      if (v.kind === 'regexp') {
        check = this.judge.regexValue(v);
      } else if (stringsArePatterns && v.kind === 'literal' && typeof v.value === 'string') {
        check = this.judge.regex({ node: v.node, pattern: v.value, flags: '', patternNode: v.node });
      } else {
        check = { kind: 'opaque', node: at };
      }
      out = disjDefined(out, leaf(check));
    }
    return out ?? leaf({ kind: 'opaque', node: at });
  }

  private objectKeys(node: Node, b?: Bindings): readonly Value[] {
    const out: Value[] = [];
    for (const v of this.resolver.resolve(node, b)) {
      if (v.kind === 'set' || v.kind === 'array') out.push(...v.elements);
      else if (v.kind === 'object') {
        for (const p of v.object.properties) {
          if (p.type === T.Property && !p.computed && p.key.type === T.Literal) {
            out.push({ kind: 'literal', value: p.key.value as string, node: p.key, sites: [p.key] });
          }
        }
      }
    }
    return out;
  }
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

function elementsOf(values: readonly Value[]): Value[] {
  const out: Value[] = [];
  for (const v of values) {
    if (v.kind === 'array' || v.kind === 'set') out.push(...v.elements);
    else out.push(v);
  }
  return out;
}

function leaf(check: Check): Outcome {
  return { rank: RANK[check.kind], checks: [check], paths: [[check]] };
}

function useless(node: Node): Outcome {
  return leaf({ kind: 'useless', node });
}

/** A test no origin passes (`false`, a branch that answers `null`). */
function never(node: Node): Outcome {
  return leaf({ kind: 'exact', node, allowed: [] });
}

function isIterationCall(n: Node): n is TSESTree.CallExpression {
  if (n.type !== T.CallExpression) return false;
  const m = calleeMethodName(n);
  return m !== undefined && ITERATION_METHODS.has(m);
}

/** `list.filter(f).length > 0` (and `>= 1`, `!== 0`, `=== 0`, ...): whether some element passes. */
function lengthComparison(
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

/** Every path of `a` combined with every path of `b`; past the bound, `fallback`'s paths stand for both. */
function crossPaths(
  a: readonly (readonly Check[])[],
  b: readonly (readonly Check[])[],
  fallback: readonly (readonly Check[])[],
): readonly (readonly Check[])[] {
  if (a.length * b.length > MAX_PATHS) return fallback;
  return a.flatMap((pa) => b.map((pb) => [...pa, ...pb]));
}

/** Both hold: the stronger decides the strength; an origin must pass both. */
function conj(a: Outcome | undefined, b: Outcome | undefined): Outcome | undefined {
  if (!a) return b;
  if (!b) return a;
  const best = a.rank >= b.rank ? a : b;
  return { ...best, paths: crossPaths(a.paths, b.paths, best.paths) };
}

/** Either side may hold; a side that does not involve the origin is trusted as opaque (dev-mode switches). */
function disj(a: Outcome | undefined, b: Outcome | undefined, at: Node): Outcome | undefined {
  if (!a && !b) return undefined;
  const opaque = leaf({ kind: 'opaque', node: at });
  return disjDefined(a ?? opaque, b ?? opaque);
}

/** Either holds: the weaker decides the strength; an origin passing either passes. */
function disjDefined(a: Outcome | undefined, b: Outcome | undefined): Outcome | undefined {
  if (!a) return b;
  if (!b) return a;
  const weaker = a.rank <= b.rank ? a : b;
  const paths = [...a.paths, ...b.paths];
  return { ...weaker, paths: paths.length > MAX_PATHS ? weaker.paths : paths };
}

function kindOfRank(rank: number, checks: readonly Check[]): CheckKind {
  const first = checks[0]?.kind;
  if (first && RANK[first] === rank) return first;
  return (Object.keys(RANK) as CheckKind[]).find((k) => RANK[k] === rank) ?? 'opaque';
}

/**
 * `if (test) return;` before `node` in the same statement list guards it with `!test`. The list is indexed
 * once, so a handler of 50,000 statements is not re-read for each of its sites; past the per-site budget
 * the nearest exits count and the rest stand as one opaque check.
 */
function precedingExits(body: readonly Node[], node: Node, out: GuardTest[]): void {
  let index = exitIndexes.get(body);
  if (!index) {
    const indexOf = new Map<Node, number>();
    const found: { index: number; test: GuardTest }[] = [];
    body.forEach((stmt, i) => {
      indexOf.set(stmt, i);
      if (stmt.type !== T.IfStatement) return;
      const c = exits(stmt.consequent);
      const a = stmt.alternate ? exits(stmt.alternate) : false;
      if (c && !a) found.push({ index: i, test: { test: stmt.test, positive: false } });
      else if (!c && a) found.push({ index: i, test: { test: stmt.test, positive: true } });
    });
    exitIndexes.set(body, (index = { indexOf, exits: found }));
  }
  const at = index.indexOf.get(node) ?? body.length;
  // Exits before `node`: those with a smaller index (binary search, the list is in order).
  let lo = 0;
  let hi = index.exits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.exits[mid]!.index < at) lo = mid + 1;
    else hi = mid;
  }
  const from = Math.max(0, lo - MAX_EXITS_PER_SITE);
  if (from > 0) out.push({ ...index.exits[from - 1]!.test, opaque: true });
  for (let k = from; k < lo; k++) out.push(index.exits[k]!.test);
}

function exits(stmt: Node): boolean {
  switch (stmt.type) {
    case T.ReturnStatement:
    case T.ThrowStatement:
    case T.ContinueStatement:
    case T.BreakStatement:
      return true;
    case T.BlockStatement: {
      const last = stmt.body[stmt.body.length - 1];
      return !!last && exits(last);
    }
    case T.IfStatement:
      return !!stmt.alternate && exits(stmt.consequent) && exits(stmt.alternate);
    default:
      return false;
  }
}

/** The case labels whose match leads into `target` (fall-through included); null = default. */
function caseLabelsReaching(sw: TSESTree.SwitchStatement, target: TSESTree.SwitchCase): (Node | null)[] {
  const labels: (Node | null)[] = [];
  for (const c of sw.cases) {
    labels.push(c.test);
    if (c === target) break;
    const last = c.consequent[c.consequent.length - 1];
    if (last && exits(last)) labels.length = 0;
  }
  // A default among them means any value reaches here.
  return labels.includes(null) ? [null] : labels;
}

function indexComparison(
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
