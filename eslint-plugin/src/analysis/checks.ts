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
} from './ast';
import { isRequestControlled, type Bindings, type Value, type ValueResolver } from './values';

export type CheckKind = 'absent' | 'exact' | 'regex' | 'string' | 'opaque' | 'useless';

/** How strongly each kind of check restricts the origin on the path it guards. */
const RANK: Readonly<Record<CheckKind, number>> = {
  useless: 1,
  opaque: 2,
  string: 3,
  regex: 3,
  exact: 4,
  absent: 5,
};

export interface CheckRecord {
  readonly kind: CheckKind;
  /** The test expression (or the call that performs the check). */
  readonly node: Node;
  /** Exact checks: the values the origin is compared with (list elements, literals). */
  readonly allowed?: readonly Value[];
  /** Regex checks: the pattern values tested against the origin. */
  readonly patterns?: readonly Value[];
  /** String checks: the method (`startsWith`, ...) and its argument. */
  readonly method?: string;
  readonly argument?: Node;
  /** String checks on `new URL(origin).hostname` rather than the origin itself. */
  readonly onHostname?: boolean;
}

export interface GuardSummary {
  /** The strongest restriction on the path: `none` when nothing involving the origin guards it. */
  readonly strength: CheckKind | 'none';
  /** The checks that decide `strength` (for messages and the witness analysis). */
  readonly decisive: readonly CheckRecord[];
  /** Every origin check met on the path, whatever its strength. */
  readonly all: readonly CheckRecord[];
}

interface Outcome {
  readonly rank: number;
  readonly checks: readonly CheckRecord[];
}

interface GuardTest {
  readonly test: Node;
  readonly positive: boolean;
  /** For `switch (x) { case y: }`: the discriminant compared with `test`. */
  readonly discriminant?: Node;
}

const STRING_METHODS = new Set(['startsWith', 'endsWith', 'includes', 'indexOf', 'lastIndexOf']);
const REGEX_STRING_METHODS = new Set(['match', 'search', 'matchAll']);
const LIST_METHODS = new Set(['has', 'includes', 'indexOf', 'lastIndexOf', 'get', 'hasOwnProperty']);
const ITERATION_METHODS = new Set(['some', 'find', 'findIndex', 'filter', 'every', 'findLast']);

export class CheckAnalyzer {
  private readonly testsMemo = new Map<Node, readonly GuardTest[]>();
  /** Per node (nodes of several modules may share ranges), for a holding and a failing test. */
  private readonly outcomeMemo = [new Map<Node, Outcome | undefined>(), new Map<Node, Outcome | undefined>()] as const;
  private readonly originMemo = new Map<Node, boolean>();
  private depth = 0;

  constructor(private readonly resolver: ValueResolver) {}

  /** The guards dominating every site of a value flow, combined (all must hold). */
  guardOf(sites: readonly Node[], b?: Bindings): GuardSummary {
    let best: Outcome | undefined;
    const all: CheckRecord[] = [];
    const seen = new Set<Node>();
    for (const site of sites) {
      const sb = this.resolver.bindingsAt(site) ?? b;
      for (const t of this.dominatingTests(site)) {
        if (seen.has(t.test)) continue;
        seen.add(t.test);
        const o = this.classifyGuard(t, sb);
        if (!o) continue;
        all.push(...o.checks);
        if (!best || o.rank > best.rank) best = o;
      }
    }
    if (!best) return { strength: 'none', decisive: [], all };
    return { strength: kindOfRank(best.rank, best.checks), decisive: best.checks, all };
  }

  /** Classifies a boolean expression used as an allow decision (`callback(null, list.includes(o))`). */
  classifyDecision(node: Node, b?: Bindings): GuardSummary | undefined {
    const o = this.classify(node, true, b);
    if (!o) return undefined;
    return { strength: kindOfRank(o.rank, o.checks), decisive: o.checks, all: o.checks };
  }

  /** Whether a node evaluates to request-controlled data. */
  isOrigin(node: Node, b?: Bindings): boolean {
    const n = unwrap(node);
    const canMemo = !b || b.size === 0;
    if (canMemo) {
      const hit = this.originMemo.get(n);
      if (hit !== undefined) return hit;
    }
    const result = this.resolver.resolve(n, b).some(isRequestControlled);
    if (canMemo) this.originMemo.set(n, result);
    return result;
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
    if (t.discriminant) {
      if (!this.isOrigin(t.discriminant, b)) {
        // `switch (true) { case allowed.has(origin): ... }`
        return t.test === t.discriminant ? undefined : this.classify(t.test, true, b);
      }
      if (!t.positive) return { rank: RANK.useless, checks: [record('useless', t.discriminant)] };
      if (isNullishLiteral(unwrap(t.test))) return { rank: RANK.absent, checks: [record('absent', t.test)] };
      return { rank: RANK.exact, checks: [{ kind: 'exact', node: t.test, allowed: this.resolver.resolve(t.test, b) }] };
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
    if (this.depth > 8) return { rank: RANK.opaque, checks: [record('opaque', node)] };
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
        const l = this.classify(n.left, positive, b);
        const r = this.classify(n.right, positive, b);
        const conjunction = (n.operator === '&&') === positive;
        return conjunction ? conj(l, r) : disj(l, r, n);
      }
      case T.BinaryExpression:
        return this.classifyBinary(n, positive, b);
      case T.CallExpression:
        return this.classifyCall(n, positive, b);
      case T.MemberExpression:
        // allowedOrigins[origin] (map lookup)
        if (n.computed && this.isOrigin(n.property, b) && !this.isOrigin(n.object, b)) {
          return positive
            ? { rank: RANK.exact, checks: [{ kind: 'exact', node: n, allowed: this.objectKeys(n.object, b) }] }
            : useless(n);
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
        break;
      }
      default:
        break;
    }
    if (this.isOrigin(n, b)) {
      // `if (origin)` only proves a value is present
      return positive ? useless(n) : { rank: RANK.absent, checks: [record('absent', n)] };
    }
    return undefined;
  }

  private classifyBinary(n: TSESTree.BinaryExpression, positive: boolean, b?: Bindings): Outcome | undefined {
    const left = n.left as Node;
    const right = n.right as Node;
    if (n.operator === 'in') {
      if (!this.isOrigin(left, b)) return undefined;
      return positive
        ? { rank: RANK.exact, checks: [{ kind: 'exact', node: n, allowed: this.objectKeys(right, b) }] }
        : useless(n);
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
        return holdsAbsent ? { rank: RANK.absent, checks: [record('absent', n)] } : useless(n);
      }
    }
    // list.indexOf(origin) !== -1, origin.indexOf('x') === 0
    const idx = indexComparison(n);
    if (idx) {
      if (idx.found === 'start') {
        const o = this.classifyCall(idx.call, positive, b);
        return o && o.checks[0]?.method === 'indexOf'
          ? { ...o, checks: o.checks.map((c) => ({ ...c, method: 'startsWith' })) }
          : o;
      }
      return this.classifyFound(idx.call, idx.found === 'found' ? positive : !positive, b, n);
    }
    if (eq || neq) {
      const lo = this.isOrigin(left, b);
      const ro = this.isOrigin(right, b);
      if (lo === ro) return undefined;
      const other = lo ? right : left;
      const otherValues = this.resolver.resolve(other, b);
      const nullish = otherValues.every(
        (v) => v.kind === 'literal' && (v.value === null || v.value === undefined || v.value === ''),
      );
      const holds = eq === positive;
      if (nullish) return holds ? { rank: RANK.absent, checks: [record('absent', n)] } : useless(n);
      return holds ? { rank: RANK.exact, checks: [{ kind: 'exact', node: n, allowed: otherValues }] } : useless(n);
    }
    if (['>', '<', '>=', '<='].includes(n.operator)) {
      // origin.length > 0
      for (const side of [left, right]) {
        const u = unwrap(side);
        if (u.type === T.MemberExpression && memberName(u) === 'length' && this.isOrigin(u.object, b))
          return useless(n);
      }
    }
    return undefined;
  }

  /** `~x.indexOf(o)`, `x.indexOf(o) !== -1`: the call finds its argument (when `positive`). */
  private classifyFound(call: Node, positive: boolean, b: Bindings | undefined, at: Node): Outcome | undefined {
    const c = unwrap(call);
    if (c.type !== T.CallExpression) return undefined;
    const o = this.classifyCall(c, positive, b);
    return o ? { ...o, checks: o.checks.map((r) => ({ ...r, node: r.kind === 'string' ? r.node : at })) } : o;
  }

  private classifyCall(call: TSESTree.CallExpression, positive: boolean, b?: Bindings): Outcome | undefined {
    const callee = unwrap(call.callee);
    const args = call.arguments.filter((a): a is TSESTree.Expression => a.type !== T.SpreadElement);
    const method = calleeMethodName(call);
    if (callee.type === T.MemberExpression && method) {
      const receiver = callee.object as Node;
      const arg0 = args[0];
      const receiverIsOrigin = this.isOrigin(receiver, b);
      const onHostname = !receiverIsOrigin && this.isParsedHost(receiver, b);
      if ((receiverIsOrigin || onHostname) && arg0 && !this.isOrigin(arg0, b)) {
        if (STRING_METHODS.has(method)) {
          return positive
            ? { rank: RANK.string, checks: [{ kind: 'string', node: call, method, argument: arg0, onHostname }] }
            : useless(call);
        }
        if (REGEX_STRING_METHODS.has(method)) {
          return positive
            ? {
                rank: RANK.regex,
                checks: [{ kind: 'regex', node: call, method, patterns: this.resolver.resolve(arg0, b) }],
              }
            : useless(call);
        }
        return undefined;
      }
      if (arg0 && this.isOrigin(arg0, b) && !receiverIsOrigin) {
        if (method === 'test' || method === 'exec') {
          return positive
            ? {
                rank: RANK.regex,
                checks: [{ kind: 'regex', node: call, method, patterns: this.resolver.resolve(receiver, b) }],
              }
            : useless(call);
        }
        if (LIST_METHODS.has(method)) {
          if (!positive) return useless(call);
          const values = this.resolver.resolve(receiver, b);
          if (values.every((v) => v.kind === 'literal' && typeof v.value === 'string')) {
            // 'https://a.example https://b.example'.includes(origin): a substring test
            return {
              rank: RANK.string,
              checks: [{ kind: 'string', node: call, method: `reverse-${method}`, argument: receiver }],
            };
          }
          return { rank: RANK.exact, checks: [{ kind: 'exact', node: call, allowed: elementsOf(values) }] };
        }
        if ((method === 'hasOwn' || method === 'has') && args.length === 2) {
          // Object.hasOwn(map, origin), Reflect.has(map, origin)
          return positive
            ? { rank: RANK.exact, checks: [{ kind: 'exact', node: call, allowed: this.objectKeys(args[0]!, b) }] }
            : useless(call);
        }
      }
      if (ITERATION_METHODS.has(method) && arg0 && isFunction(unwrap(arg0))) {
        // allowed.some((o) => o === origin), patterns.some((re) => re.test(origin))
        const fn = unwrap(arg0) as TSESTree.ArrowFunctionExpression;
        const elements = elementsOf(this.resolver.resolve(receiver, b));
        const inner = this.resolver.bind(fn, [elements], b);
        let out: Outcome | undefined;
        for (const r of this.resolver.returnsOf(fn)) out = disjDefined(out, this.classify(r, true, inner));
        if (!out) return undefined;
        return positive ? out : useless(call);
      }
    }
    if (callee.type === T.Identifier && callee.name === 'Boolean' && args[0])
      return this.classify(args[0], positive, b);
    if (!args.some((a) => this.isOrigin(a, b))) return undefined;
    // A local helper: isAllowed(origin)
    const fnValues = this.resolver.resolve(callee, b);
    const fnValue = fnValues.length === 1 && fnValues[0]!.kind === 'function' ? fnValues[0] : undefined;
    if (fnValue && fnValue.kind === 'function' && !fnValue.fn.async && positive) {
      return this.classifyHelper(fnValue.fn, call, args, b) ?? undefined;
    }
    return { rank: RANK.opaque, checks: [record('opaque', call)] };
  }

  private classifyHelper(
    fn: FunctionNode,
    call: TSESTree.CallExpression,
    args: readonly TSESTree.Expression[],
    b?: Bindings,
  ): Outcome | undefined {
    const inner = this.resolver.bind(
      fn,
      args.map((a) => this.resolver.resolve(a, b)),
      b,
    );
    let out: Outcome | undefined;
    let allows = false;
    for (const r of this.resolver.returnsOf(fn)) {
      const values = this.resolver.resolve(r, inner);
      if (values.every((v) => v.kind === 'literal' && !v.value)) continue; // return false/null
      allows = true;
      if (values.every((v) => v.kind === 'literal' && v.value)) {
        const g = this.guardOf([r], inner);
        out = disjDefined(out, g.strength === 'none' ? useless(call) : { rank: RANK[g.strength], checks: g.decisive });
      } else {
        out = disjDefined(
          out,
          this.classify(r, true, inner) ?? { rank: RANK.opaque, checks: [record('opaque', call)] },
        );
      }
    }
    if (!allows) return { rank: RANK.exact, checks: [{ kind: 'exact', node: call, allowed: [] }] };
    return out;
  }

  /** `new URL(origin).hostname`, `new URL(origin).host`: a parsed host of the origin. */
  private isParsedHost(node: Node, b?: Bindings): boolean {
    const n = unwrap(node);
    if (n.type !== T.MemberExpression) return false;
    const name = memberName(n);
    if (name !== 'hostname' && name !== 'host') return false;
    const obj = unwrap(n.object);
    if (obj.type === T.NewExpression && obj.arguments[0]) return this.isOrigin(obj.arguments[0], b);
    if (obj.type === T.Identifier) {
      const v = this.resolver.variableOf(obj);
      const def = v?.defs[0];
      const init = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator).init : null;
      const u = init ? unwrap(init) : undefined;
      return !!u && u.type === T.NewExpression && !!u.arguments[0] && this.isOrigin(u.arguments[0], b);
    }
    return false;
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

/** Both guards hold: the stronger one decides; every check met is kept. */
export function strongerGuard(a: GuardSummary, b: GuardSummary): GuardSummary {
  const rank = (g: GuardSummary) => (g.strength === 'none' ? 0 : RANK[g.strength]);
  const best = rank(a) >= rank(b) ? a : b;
  return { ...best, all: [...a.all, ...b.all] };
}

function elementsOf(values: readonly Value[]): Value[] {
  const out: Value[] = [];
  for (const v of values) {
    if (v.kind === 'array' || v.kind === 'set') out.push(...v.elements);
    else out.push(v);
  }
  return out;
}

function record(kind: CheckKind, node: Node): CheckRecord {
  return { kind, node };
}

function useless(node: Node): Outcome {
  return { rank: RANK.useless, checks: [record('useless', node)] };
}

function conj(a: Outcome | undefined, b: Outcome | undefined): Outcome | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.rank >= b.rank ? a : b;
}

/** Either side may hold; a side that does not involve the origin is trusted as opaque (dev-mode switches). */
function disj(a: Outcome | undefined, b: Outcome | undefined, at: Node): Outcome | undefined {
  if (!a && !b) return undefined;
  const opaque: Outcome = { rank: RANK.opaque, checks: [record('opaque', at)] };
  return disjDefined(a ?? opaque, b ?? opaque);
}

function disjDefined(a: Outcome | undefined, b: Outcome | undefined): Outcome | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.rank <= b.rank ? a : b;
}

function kindOfRank(rank: number, checks: readonly CheckRecord[]): CheckKind {
  const first = checks[0]?.kind;
  if (first && RANK[first] === rank) return first;
  return (Object.keys(RANK) as CheckKind[]).find((k) => RANK[k] === rank) ?? 'opaque';
}

/** `if (test) return;` before `node` in the same statement list guards it with `!test`. */
function precedingExits(body: readonly Node[], node: Node, out: GuardTest[]): void {
  for (const stmt of body) {
    if (stmt === node) return;
    if (stmt.type !== T.IfStatement) continue;
    const c = exits(stmt.consequent);
    const a = stmt.alternate ? exits(stmt.alternate) : false;
    if (c && !a) out.push({ test: stmt.test, positive: false });
    else if (!c && a) out.push({ test: stmt.test, positive: true });
  }
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

function flip(op: string): string {
  return op === '>' ? '<' : op === '<' ? '>' : op === '>=' ? '<=' : op === '<=' ? '>=' : op;
}
