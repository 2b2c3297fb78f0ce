/**
 * Call guards: what a method or function call on the origin lets through. String methods on the origin
 * (`startsWith`, `endsWith`, `includes`, `indexOf`), RegExp tests (`re.test(origin)`, `origin.match(re)`),
 * list lookups (`list.includes(origin)`, `set.has(origin)`, `Object.hasOwn(map, origin)`), iteration over a
 * list (`list.some((d) => origin.endsWith(d))`), and local helpers and callbacks whose answers are read.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { calleeMethodName, isFunction, unwrap, type FunctionNode, type Node } from '../ast';
import type { Check, CheckJudge, StringMethod } from './checks';
import { disjDefined, leaf, never, RANK, useless, type GuardSummary, type Outcome } from './outcomes';
import type { CheckSubjects } from './subjects';
import type { Bindings, Value, ValueResolver, Variable } from '../values/values';

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

/** What the guard collaborators ask of the analyzer that owns them: its recursion into sub-tests and sites. */
export interface GuardRecursion {
  classify(node: Node, positive: boolean, b?: Bindings): Outcome | undefined;
  guardOf(sites: readonly Node[], b?: Bindings): GuardSummary;
  isOrigin(node: Node, b?: Bindings): boolean;
}

/** Classifies calls for a `GuardAnalyzer`, recursing through it. */
export class CallGuards {
  constructor(
    private readonly analyzer: GuardRecursion,
    private readonly resolver: ValueResolver,
    private readonly subjects: CheckSubjects,
    private readonly judge: CheckJudge,
  ) {}

  /** `~x.indexOf(o)`, `x.indexOf(o) !== -1`: the call finds its argument (when `positive`). */
  classifyFound(call: Node, positive: boolean, b: Bindings | undefined, at: Node): Outcome | undefined {
    const c = unwrap(call);
    if (c.type !== T.CallExpression) return undefined;
    return this.classifyCall(c, positive, b, undefined, at);
  }

  /**
   * `asMethod` reads an index search as another method (`origin.indexOf(x) === 0` is `startsWith`); `at` is
   * the whole test for a found-comparison (`list.indexOf(origin) !== -1`).
   */
  classifyCall(
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
      const receiverIsOrigin = this.analyzer.isOrigin(receiver, b);
      const on = this.subjects.subjectOf(receiver, b);
      if (on && arg0 && !this.analyzer.isOrigin(arg0, b)) {
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
          const stringMethod = method === 'includes' || method === 'indexOf' || method === 'lastIndexOf';
          if (
            needle.part === 'origin' &&
            values.length > 0 &&
            values.every(
              (v) => (v.kind === 'literal' && typeof v.value === 'string') || (stringMethod && v.kind === 'env'),
            )
          ) {
            // 'https://a.example https://b.example'.includes(origin), process.env.ALLOWED.indexOf(origin):
            // a substring test (an environment variable is always a string, a list only once split).
            const env = values
              .filter((v) => v.kind === 'env')
              .map((v) => `process.env.${(v as Value & { kind: 'env' }).name}`);
            return leaf(this.judge.within(call, this.resolver.singleString(receiver, b), env));
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
          return positive
            ? leaf({ kind: 'exact', node: call, allowed: objectKeys(this.resolver, args[0]!, b) })
            : useless(call);
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
        for (const r of this.resolver.returnsOf(fn)) out = disjDefined(out, this.analyzer.classify(r, true, inner));
        if (!out) return undefined;
        return positive ? out : useless(call);
      }
    }
    if (callee.type === T.Identifier && callee.name === 'Boolean' && args[0])
      return this.analyzer.classify(args[0], positive, b);
    if (!args.some((a) => this.analyzer.isOrigin(a, b) || this.subjects.subjectOf(a, b))) return undefined;
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
        const g = this.analyzer.guardOf([site], inner);
        out = disjDefined(
          out,
          g.strength === 'none' ? useless(at) : { rank: RANK[g.strength], checks: g.decisive, paths: g.paths },
        );
      } else {
        out = disjDefined(out, this.analyzer.classify(value, true, inner) ?? leaf({ kind: 'opaque', node: at }));
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
  classifyAnswer(v: Variable, positive: boolean, b?: Bindings): Outcome | undefined {
    const param = v.defs[0]!.name as Node;
    const fn = param.parent;
    if (!fn || !isFunction(fn)) return undefined;
    const at = fn.params.indexOf(param as TSESTree.Parameter);
    const call = fn.parent;
    if (at < 0 || call?.type !== T.CallExpression || call.callee === fn) return undefined;
    const k = call.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
    const args = call.arguments.filter((a): a is TSESTree.Expression => a.type !== T.SpreadElement);
    if (k < 0 || args.length !== call.arguments.length || !args.some((a) => this.analyzer.isOrigin(a, b)))
      return undefined;
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
}

/** The keys of an object, or the elements of a list or set: each an exact origin when the origin is looked up among them. */
export function objectKeys(resolver: ValueResolver, node: Node, b?: Bindings): readonly Value[] {
  const out: Value[] = [];
  for (const v of resolver.resolve(node, b)) {
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

function elementsOf(values: readonly Value[]): Value[] {
  const out: Value[] = [];
  for (const v of values) {
    if (v.kind === 'array' || v.kind === 'set') out.push(...v.elements);
    else out.push(v);
  }
  return out;
}

export function isIterationCall(n: Node): n is TSESTree.CallExpression {
  if (n.type !== T.CallExpression) return false;
  const m = calleeMethodName(n);
  return m !== undefined && ITERATION_METHODS.has(m);
}
