/**
 * Strings, patterns and collections the code builds: template literals, concatenation, string and list
 * methods (`slice`, `join`, `map`), `new RegExp(...)` (with the structure around an unknown host kept), and
 * `new Set`/`new Map`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { isFunction, memberName, unwrap, type FunctionNode, type Node } from '../ast';
import { isEscapingCall } from './syntax';
import { literal, unknown, type Bindings, type Evaluator, type Value } from './value';

/** The host an unreadable part of a RegExp source is judged as (see `patternAround`). */
export const STAND_IN_HOST = 'app.example.com';
/** Source text naming a host or domain (`hostname`, `config.apiDomain`, `FRONTEND_HOST`). */
const HOST_NAME = /host|domain/i;
/** Source text naming a pattern (`CORS_REGEX`, `originPattern`): a regex, not a host. */
const PATTERN_NAME = /reg_?ex|pattern|regexp|\bre\b|matcher|glob/i;
/** Source text naming a list of origins or hosts (`whitelist`, `allowedOrigins`, `CORS_DOMAINS`). */
const ORIGIN_LIST_NAME = /origin|host|domain|allow|white|trust|cors|site/i;
/** How many strings a concatenation or mapped list may spell before it is `unknown`. */
const MAX_STRING_ALTERNATIVES = 32;

export function resolveTemplate(
  r: Evaluator,
  n: TSESTree.TemplateLiteral,
  b: Bindings | undefined,
  d: number,
): readonly Value[] {
  if (n.expressions.length === 0) return [literal(n, n.quasis[0]?.value.cooked ?? '')];
  if (n.expressions.length === 1 && n.quasis.every((q) => q.value.cooked === '')) {
    return r.resolve(n.expressions[0]!, b, d);
  }
  let acc = '';
  for (let i = 0; i < n.quasis.length; i++) {
    acc += n.quasis[i]!.value.cooked ?? '';
    const expr = n.expressions[i];
    if (!expr) continue;
    const single = r.singleString(expr, b, d);
    if (single === undefined) return [unknown(n)];
    acc += single;
  }
  return [literal(n, acc)];
}

export function resolveConcat(
  r: Evaluator,
  n: TSESTree.BinaryExpression,
  b: Bindings | undefined,
  d: number,
): readonly Value[] {
  if (n.operator !== '+') return [unknown(n)];
  const l = strings(r, n.left, b, d);
  const right = l === undefined ? undefined : strings(r, n.right, b, d);
  if (!l || !right || l.length * right.length > MAX_STRING_ALTERNATIVES) return [unknown(n)];
  // `'.' + domain` over a list of domains: one string per element.
  return l.flatMap((x) => right.map((y) => literal(n, x + y)));
}

/**
 * A RegExp source built by concatenation, with each unknown part standing for a host: `STAND_IN_HOST`
 * with its dots escaped where the code escapes the part (`x.replace(/\./g, '\\.')`, `escapeRegExp(x)`),
 * raw otherwise. `assumes` collects the source text of the unknown parts.
 */
export function patternAround(
  r: Evaluator,
  node: Node,
  b: Bindings | undefined,
  d: number,
  assumes: string[],
  depth: number,
  standIn = STAND_IN_HOST,
): string | undefined {
  if (depth > 6 || assumes.length > 4) return undefined;
  const n = unwrap(node);
  const known = r.singleString(n, b, d);
  if (known !== undefined) return known;
  if (n.type === T.BinaryExpression && n.operator === '+') {
    const l = patternAround(r, n.left as Node, b, d, assumes, depth + 1, standIn);
    const right = l === undefined ? undefined : patternAround(r, n.right, b, d, assumes, depth + 1, standIn);
    return l === undefined || right === undefined ? undefined : l + right;
  }
  if (n.type === T.TemplateLiteral) {
    let acc = '';
    for (let i = 0; i < n.quasis.length; i++) {
      acc += n.quasis[i]!.value.cooked ?? '';
      const expr = n.expressions[i];
      if (!expr) continue;
      const part = patternAround(r, expr, b, d, assumes, depth + 1, standIn);
      if (part === undefined) return undefined;
      acc += part;
    }
    return acc;
  }
  if (
    n.type === T.CallExpression &&
    n.callee.type === T.MemberExpression &&
    memberName(n.callee) === 'join' &&
    ORIGIN_LIST_NAME.test(r.host.text(n.callee.object)) &&
    !PATTERN_NAME.test(r.host.text(n.callee.object))
  ) {
    // new RegExp(whitelist.join('|')): whatever origins or hosts the list holds, each is written raw (its
    // dots unescaped, no anchors), so one stand-in entry shows what every entry gives.
    assumes.push(r.host.text(n));
    return standIn;
  }
  if (n.type === T.CallExpression && isEscapingCall(n)) {
    assumes.push(r.host.text(n));
    const escaped = n.callee.type === T.MemberExpression ? n.callee.object : n.arguments[0];
    return (dottedDefault(r, escaped, b, d, standIn) ?? standIn).replace(/\./g, '\\.');
  }
  if (n.type === T.Identifier) {
    // const pattern = domain.replace(/\./g, '\\.') + '(:3033)?$': the structure is in the initializer.
    const v = r.variableOf(n);
    const def = v?.defs[0];
    const declarator = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator) : undefined;
    const writes = v?.references.filter((ref) => ref.isWrite()).length ?? 0;
    if (declarator?.init && declarator.id === def!.name && writes === 1 && !b?.has(v!)) {
      return patternAround(r, declarator.init, b, d, assumes, depth + 1, standIn);
    }
  }
  if (n.type === T.Identifier || n.type === T.MemberExpression) {
    assumes.push(r.host.text(n));
    return dottedDefault(r, n, b, d, standIn) ?? standIn;
  }
  return undefined;
}

/**
 * Where the dotted stand-in is asked for, a default the code ships (`process.env.DOMAIN || 'example.com'`)
 * is what the value holds when nothing is configured: judged as written, dot or not.
 */
function dottedDefault(
  r: Evaluator,
  node: Node | TSESTree.CallExpressionArgument | undefined,
  b: Bindings | undefined,
  d: number,
  standIn: string,
): string | undefined {
  if (!node || node.type === T.SpreadElement || !standIn.startsWith('.')) return undefined;
  const known = r.resolve(node, b, d).find((v) => v.kind === 'literal' && typeof v.value === 'string');
  return known ? String((known as Value & { kind: 'literal' }).value) : undefined;
}

/** The strings (or numbers) a node may be, when they are all known and few. */
export function strings(r: Evaluator, node: Node, b: Bindings | undefined, d: number): string[] | undefined {
  const out: string[] = [];
  for (const v of r.resolve(node, b, d)) {
    if (v.kind !== 'literal' || (typeof v.value !== 'string' && typeof v.value !== 'number')) return undefined;
    out.push(String(v.value));
  }
  return out.length > 0 && out.length <= MAX_STRING_ALTERNATIVES ? out : undefined;
}

/**
 * What a string or list method call gives, where it is one the analysis spells out: `slice`/`substring` of a
 * known string, `join` of a known list (`ORIGINS.join('|')` as a RegExp source), `map` of a known list through
 * a function (`domains.map((d) => new RegExp(...))`). Undefined for other methods.
 */
export function methodCallValues(
  r: Evaluator,
  n: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  method: string,
  b: Bindings | undefined,
  d: number,
): readonly Value[] | undefined {
  if (method === 'slice' || method === 'substring') {
    // allowed.substring(1) on a known string (a list entry bound in `list.some((allowed) => ...)`)
    const [start, end] = n.arguments.map((a) =>
      a.type === T.SpreadElement ? Number.NaN : Number(r.singleString(a, b, d)),
    );
    const texts = r.resolve(callee.object, b, d);
    const ok =
      Number.isInteger(start) &&
      (end === undefined || Number.isInteger(end)) &&
      texts.every((v) => v.kind === 'literal' && typeof v.value === 'string');
    if (!ok) return [unknown(n)];
    return texts.map((v) => {
      const text = String((v as Value & { kind: 'literal' }).value);
      return literal(n, method === 'slice' ? text.slice(start, end) : text.substring(start!, end));
    });
  }
  if (method === 'join') {
    // ORIGINS.join('|'): the list spelled out, e.g. as a RegExp source.
    const sep = n.arguments[0] ? r.singleString(n.arguments[0], b, d) : ',';
    const lists = r.resolve(callee.object, b, d);
    if (sep !== undefined && lists.length === 1 && lists[0]!.kind === 'array') {
      const parts = lists[0]!.elements.map((e) =>
        e.kind === 'literal' && (typeof e.value === 'string' || typeof e.value === 'number')
          ? String(e.value)
          : undefined,
      );
      if (parts.every((p) => p !== undefined)) return [literal(n, parts.join(sep))];
    }
    return [unknown(n)];
  }
  if (method === 'map' && n.arguments[0] && isFunction(unwrap(n.arguments[0]))) {
    // domains.map((d) => new RegExp(...)): each element through the function.
    const fn = unwrap(n.arguments[0]) as FunctionNode;
    const lists = r.resolve(callee.object, b, d);
    if (lists.length !== 1 || (lists[0]!.kind !== 'array' && lists[0]!.kind !== 'set')) return [unknown(n)];
    const elements: Value[] = [];
    for (const e of (lists[0] as Value & { elements: readonly Value[] }).elements.slice(0, MAX_STRING_ALTERNATIVES)) {
      const inner = r.bind(fn, [[e]], b);
      for (const ret of r.returnsOf(fn)) elements.push(...r.resolve(ret, inner, d));
    }
    return [{ kind: 'array', node: n, sites: [n], elements }];
  }
  return undefined;
}

/** `new RegExp(...)`, `new Set(...)`, `new Map(...)`; other constructors are unknown. */
export function resolveNew(
  r: Evaluator,
  n: TSESTree.NewExpression,
  b: Bindings | undefined,
  d: number,
): readonly Value[] {
  const ctor = unwrap(n.callee);
  const name = ctor.type === T.Identifier ? ctor.name : undefined;
  if (name === 'RegExp') {
    const [p, f] = n.arguments;
    const pattern = p ? r.singleString(p, b, d) : '(?:)';
    const flags = f ? r.singleString(f, b, d) : '';
    if (pattern === undefined && flags !== undefined && p) {
      // '^https://' + domain.replace(/\./g, '\\.') + '$': the structure around an unknown host.
      const assumes: string[] = [];
      const shaped = patternAround(r, p, b, d, assumes, 0);
      // new RegExp(hostname): a host used as a pattern, its dots unescaped. An unknown part named like a
      // pattern (`CORS_REGEX`) is someone's regex, not a host: nothing to assume.
      const namesHost =
        assumes.length > 0 && assumes.every((a) => (HOST_NAME.test(a) || /\.join\(/.test(a)) && !PATTERN_NAME.test(a));
      if (shaped !== undefined && assumes.length > 0 && (/[\^$]|:\/\/|https?/.test(shaped) || namesHost)) {
        // The same pattern with the unknown host written with a leading dot (`.example.com`, as suffix
        // settings often are): a verdict that differs between the two depends on what the value holds.
        // Only for a host the pattern starts with (a suffix setting); after `^https://` a dot makes no origin.
        const leading = shaped.startsWith(STAND_IN_HOST) || shaped.startsWith(STAND_IN_HOST.replace(/\./g, '\\.'));
        const dotted = leading ? patternAround(r, p, b, d, [], 0, `.${STAND_IN_HOST}`) : undefined;
        return [
          {
            kind: 'regexp',
            pattern: shaped,
            flags,
            node: n,
            sites: [n],
            assumes,
            ...(dotted !== undefined && dotted !== shaped ? { dottedPattern: dotted } : {}),
          },
        ];
      }
    }
    if (pattern === undefined || flags === undefined) return [unknown(n)];
    const written = p ? r.resolve(p, b, d) : [];
    const source = written.length === 1 && written[0]!.kind === 'literal' ? written[0]!.node : undefined;
    return [{ kind: 'regexp', pattern, flags, node: n, sites: [n], source }];
  }
  if (name === 'Set' || name === 'Map') {
    const arg = n.arguments[0];
    if (!arg) return [{ kind: 'set', node: n, sites: [n], elements: [] }];
    const elements = r.elementsOf(arg, b, d, n);
    // Map entries are [key, value] pairs: the keys are what `has`/`get` match.
    const keys =
      name === 'Map'
        ? elements.map((e) => (e.kind === 'array' ? (e.elements[0] ?? unknown(n)) : unknown(n)))
        : elements;
    return [{ kind: 'set', node: n, sites: [n], elements: keys }];
  }
  return [unknown(n)];
}
