/**
 * Opt-in switches: a test that reads only the environment and is false while every variable it reads is
 * unset (`if (process.env.ALLOW_ALL_CORS)`, `process.env.NODE_ENV === 'development'`, `Deno.env.get('X') ===
 * 'true'`). The path it guards runs only in a deployment that sets the variable, so what gets in there depends
 * on the deployment, not on the request. A test that holds while the variable is unset (`!process.env.X`,
 * `NODE_ENV !== 'production'`) fails open, and is no switch: its path runs by default.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { memberName, unwrap, type Node } from '../ast';
import type { Bindings, ValueResolver } from '../values/values';

/** The value of an expression while every environment variable is unset; `UNKNOWN` when it can't be told. */
const UNKNOWN: unique symbol = Symbol('unknown');
type Evaluated = string | number | boolean | null | undefined | typeof UNKNOWN;

/** How deep the evaluator goes into a test (`a && (b || !c)`): switches are short. */
const MAX_DEPTH = 6;

/**
 * The environment variable(s) an opt-in switch reads (`process.env.ALLOW_ALL_CORS`), when `test` taken as
 * `positive` holds only in a deployment that sets one of them; undefined otherwise.
 */
export function optInSwitch(test: Node, positive: boolean, resolver: ValueResolver, b?: Bindings): string | undefined {
  const read = new Set<string>();
  const value = evaluate(test, resolver, b, read, 0);
  if (value === UNKNOWN || read.size === 0) return undefined;
  // The path runs when the test's truth is `positive`: unset, it must not.
  if (!!value === positive) return undefined;
  return [...read].join(', ');
}

function evaluate(
  node: Node,
  resolver: ValueResolver,
  b: Bindings | undefined,
  read: Set<string>,
  d: number,
): Evaluated {
  if (d > MAX_DEPTH) return UNKNOWN;
  const n = unwrap(node);
  switch (n.type) {
    case T.Literal:
      return n.value instanceof RegExp || typeof n.value === 'bigint' ? UNKNOWN : (n.value as Evaluated);
    case T.Identifier:
    case T.MemberExpression: {
      if (n.type === T.Identifier && n.name === 'undefined') return undefined;
      const bun = bunEnv(n);
      if (bun) {
        read.add(bun);
        return undefined;
      }
      // `process.env.X` and its aliases (`const { ALLOW } = process.env`), or a constant.
      const values = resolver.resolve(n, b);
      const only = values.length === 1 ? values[0]! : undefined;
      if (only?.kind === 'env') {
        read.add(`process.env.${only.name}`);
        return undefined;
      }
      return only?.kind === 'literal' ? only.value : UNKNOWN;
    }
    case T.UnaryExpression: {
      if (n.operator !== '!') return UNKNOWN;
      const v = evaluate(n.argument, resolver, b, read, d + 1);
      return v === UNKNOWN ? UNKNOWN : !v;
    }
    case T.LogicalExpression: {
      const l = evaluate(n.left, resolver, b, read, d + 1);
      if (l === UNKNOWN) return UNKNOWN;
      if (n.operator === '&&' ? !l : n.operator === '||' ? !!l : l !== null && l !== undefined) return l;
      return evaluate(n.right, resolver, b, read, d + 1);
    }
    case T.BinaryExpression: {
      const op = n.operator;
      if (op !== '===' && op !== '!==' && op !== '==' && op !== '!=') return UNKNOWN;
      const l = evaluate(n.left as Node, resolver, b, read, d + 1);
      const r = evaluate(n.right as Node, resolver, b, read, d + 1);
      if (l === UNKNOWN || r === UNKNOWN) return UNKNOWN;
      const equal = op === '===' || op === '!==' ? l === r : l == r;
      return op === '===' || op === '==' ? equal : !equal;
    }
    case T.ChainExpression:
      return evaluate(n.expression, resolver, b, read, d + 1);
    case T.CallExpression: {
      const deno = denoEnv(n, resolver, b);
      if (deno) {
        read.add(deno);
        return undefined;
      }
      // Boolean(x), x?.toLowerCase() / x?.trim() on an unset variable (undefined).
      const callee = unwrap(n.callee);
      const [arg] = n.arguments;
      if (callee.type === T.Identifier && callee.name === 'Boolean' && arg && arg.type !== T.SpreadElement) {
        const v = evaluate(arg, resolver, b, read, d + 1);
        return v === UNKNOWN ? UNKNOWN : !!v;
      }
      const method = callee.type === T.MemberExpression ? memberName(callee) : undefined;
      if (callee.type === T.MemberExpression && callee.optional && method && STRING_METHODS.has(method)) {
        const v = evaluate(callee.object, resolver, b, read, d + 1);
        return v === undefined || v === null ? undefined : UNKNOWN;
      }
      return UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

const STRING_METHODS = new Set(['toLowerCase', 'toUpperCase', 'trim', 'toLocaleLowerCase', 'toLocaleUpperCase']);

/** `Bun.env.X` (the resolver reads `process.env` only). */
function bunEnv(n: Node): string | undefined {
  if (n.type !== T.MemberExpression) return undefined;
  const object = unwrap(n.object);
  if (object.type !== T.MemberExpression || memberName(object) !== 'env') return undefined;
  const root = unwrap(object.object);
  const key = memberName(n);
  return root.type === T.Identifier && root.name === 'Bun' && key ? `Bun.env.${key}` : undefined;
}

/** `Deno.env.get('X')`. */
function denoEnv(n: TSESTree.CallExpression, resolver: ValueResolver, b: Bindings | undefined): string | undefined {
  const callee = unwrap(n.callee);
  if (callee.type !== T.MemberExpression || memberName(callee) !== 'get') return undefined;
  const env = unwrap(callee.object);
  if (env.type !== T.MemberExpression || memberName(env) !== 'env') return undefined;
  const root = unwrap(env.object);
  const [arg] = n.arguments;
  if (root.type !== T.Identifier || root.name !== 'Deno' || !arg || arg.type === T.SpreadElement) return undefined;
  const key = resolver.singleString(arg, b);
  return key === undefined ? undefined : `Deno.env.get('${key}')`;
}
