/**
 * Guards: which conditions must hold for a value to reach a site, and what those conditions do to the
 * request's origin. An `exact` check (Set.has, includes on a list, `===`, `in`, switch, a map lookup)
 * restricts it to known values; a `useless` one (`if (origin)`, `!== undefined`) lets any origin through;
 * `regex` and `string` checks are judged by the witness analysis; `opaque` ones (a function we cannot
 * see) are trusted, so the rules say nothing rather than guess.
 *
 * `GuardAnalyzer` here is the entry; its pieces: the `&&`/`||` algebra of outcomes (`outcomes.ts`), the
 * tests that dominate a site (`dominators.ts`), calls (`call-guards.ts`) and comparisons (`comparisons.ts`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { calleeMethodName, isNullishLiteral, memberName, unwrap, type Node } from '../ast';
import type { Check, CheckJudge } from './checks';
import { CallGuards, isIterationCall, objectKeys } from './call-guards';
import { ComparisonGuards, indexComparison } from './comparisons';
import { dominatingTests, type GuardTest } from './dominators';
import {
  conj,
  disj,
  disjDefined,
  kindOfRank,
  leaf,
  never,
  RANK,
  useless,
  type GuardSummary,
  type Outcome,
} from './outcomes';
import { CheckSubjects } from './subjects';
import { optInSwitch } from './switches';
import { type Bindings, type Value, type ValueResolver, type Variable } from '../values/values';

export { NO_GUARD, strongerGuard, type GuardSummary } from './outcomes';

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

/** Methods that answer an index, -1 when nothing is found (truthy). */
const INDEX_METHODS = new Set(['indexOf', 'lastIndexOf', 'search', 'findIndex', 'findLastIndex']);

/** Methods that change a list in place: a list they are called on may not keep its written length. */
const LIST_MUTATORS = new Set(['push', 'unshift', 'splice', 'pop', 'shift', 'fill', 'copyWithin', 'length']);

/**
 * The number of elements of a list written in this module and never changed in place (no `push`, no
 * `length =`, not exported); undefined otherwise.
 */
function writtenLength(resolver: ValueResolver, node: Node, b?: Bindings): number | undefined {
  const id = unwrap(node);
  if (id.type !== T.Identifier) return undefined;
  const v = resolver.variableOf(id);
  const def = v?.defs[0];
  if (!v || def?.type !== 'Variable' || v.references.filter((r) => r.isWrite()).length !== 1) return undefined;
  const declaration = def.node.parent;
  if (declaration?.parent?.type === T.ExportNamedDeclaration) return undefined;
  for (const ref of v.references) {
    const parent = ref.identifier.parent;
    if (parent?.type === T.MemberExpression && parent.object === ref.identifier) {
      const name = memberName(parent);
      if (name && LIST_MUTATORS.has(name) && (name !== 'length' || parent.parent?.type === T.AssignmentExpression))
        return undefined;
    }
    // Handed to other code (`fill(list)`, `export { list }`): it may be changed there.
    if (parent?.type === T.CallExpression || parent?.type === T.ExportSpecifier) return undefined;
  }
  const values = resolver.resolve(id, b);
  if (values.length !== 1 || values[0]!.kind !== 'array') return undefined;
  const list = values[0] as Value & { kind: 'array' };
  if (unwrap(list.node).type !== T.ArrayExpression) return undefined;
  // A spread of something unknown may be empty.
  if (list.elements.some((e) => e.kind === 'unknown' && e.node.type === T.SpreadElement)) return undefined;
  return list.elements.length;
}

export class GuardAnalyzer {
  private readonly testsMemo = new Map<Node, readonly GuardTest[]>();
  /** Per node (nodes of several modules may share ranges), for a holding and a failing test. */
  private readonly outcomeMemo = [new Map<Node, Outcome | undefined>(), new Map<Node, Outcome | undefined>()] as const;
  /** The opt-in switch a non-origin test is, per node, holding and failing (most tests are none). */
  private readonly switchMemo = [new Map<Node, Outcome | undefined>(), new Map<Node, Outcome | undefined>()] as const;
  private depth = 0;

  /** What the checks look at: the origin, its parsed host. */
  private readonly subjects: CheckSubjects;
  /** The guards of calls (`calls`) and of binary tests (`comparisons`), which recurse through this analyzer. */
  private readonly calls: CallGuards;
  private readonly comparisons: ComparisonGuards;

  constructor(
    private readonly resolver: ValueResolver,
    readonly judge: CheckJudge,
  ) {
    this.subjects = new CheckSubjects(resolver);
    this.calls = new CallGuards(this, resolver, this.subjects, judge);
    this.comparisons = new ComparisonGuards(this, this.calls, resolver, this.subjects, judge);
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
    const tests = dominatingTests(site);
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
    const o = this.classify(t.test, t.positive, b);
    if (o) return o;
    // A test that never holds whatever the origin (`if (!ALLOWED.length)` on a list that is not empty):
    // nothing passes on this path.
    const truth = this.constantTruth(t.test, b);
    if (truth !== undefined) return truth !== t.positive ? never(t.test) : undefined;
    return this.switchOf(t.test, t.positive, b);
  }

  /** An opt-in switch (`if (process.env.ALLOW_ALL_CORS)`): its path runs only where the deployment sets it. */
  private switchOf(test: Node, positive: boolean, b?: Bindings): Outcome | undefined {
    const canMemo = !b || b.size === 0;
    const memo = this.switchMemo[positive ? 0 : 1];
    if (canMemo && memo.has(test)) return memo.get(test);
    const variable = optInSwitch(test, positive, this.resolver, b);
    const out = variable ? leaf({ kind: 'switch', node: test, variable }) : undefined;
    if (canMemo) memo.set(test, out);
    return out;
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
        if (n.operator === '~') return this.calls.classifyFound(n.argument, positive, b, n);
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
          // An opt-in switch beside an origin check (`process.env.DEV || allowed.has(origin)`).
          if (holds === undefined) sides.push(this.switchOf(side, positive, b));
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
        return this.comparisons.classifyBinary(n, positive, b);
      case T.CallExpression: {
        const method = calleeMethodName(n);
        if (method && INDEX_METHODS.has(method)) return this.indexTruth(n, method, positive, b);
        return this.calls.classifyCall(n, positive, b);
      }
      case T.MemberExpression:
        // allowedOrigins[origin] (map lookup)
        if (n.computed && this.isOrigin(n.property, b) && !this.isOrigin(n.object, b)) {
          return positive
            ? leaf({ kind: 'exact', node: n, allowed: objectKeys(this.resolver, n.object, b) })
            : useless(n);
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
          const answered = this.calls.classifyAnswer(v, positive, b);
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

  /**
   * An index search used as a truth value (`if (allow.indexOf(origin))`, `!!origin.search(re)`): -1 (not
   * found) is truthy, so it holds for every origin but those found at index 0; failing, it holds only for
   * those (`!origin.indexOf('https://a.example')` is `startsWith`).
   */
  private indexTruth(n: TSESTree.CallExpression, method: string, positive: boolean, b?: Bindings): Outcome | undefined {
    const found = this.calls.classifyCall(n, true, b, method === 'indexOf' ? 'startsWith' : undefined);
    if (!found) return undefined;
    return positive ? useless(n) : found;
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
    if (n.type === T.MemberExpression && memberName(n) === 'length') {
      const length = writtenLength(this.resolver, n.object, b);
      if (length !== undefined) return length > 0;
    }
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
}
