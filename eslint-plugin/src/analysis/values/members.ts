/** Members of objects and classes: object-literal properties (through spreads), `this.x`, static members. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { isFunction, memberName, staticKeyName, type FunctionNode, type Node } from '../ast';
import { CHILD_KEYS } from './syntax';
import { literal, unknown, type Bindings, type Evaluator, type Value } from './value';

/**
 * The value of `name` in an object literal, following spreads, then the writes made to it through the
 * variable it initialises (see `writesTo`). Last definition wins; an unknown spread after the last
 * definition makes the result unknown.
 */
export function objectProperty(
  r: Evaluator,
  obj: TSESTree.ObjectExpression,
  name: string,
  b?: Bindings,
  d = 0,
): readonly Value[] {
  const writes = writesTo(r, obj);
  const initial = literalProperty(r, obj, name, b, d);
  if (writes.length === 0) return initial;
  let current: readonly Value[] = initial;
  const possible: Value[] = [];
  for (const w of writes) {
    if (w.key !== undefined && w.key !== name) continue;
    const value = w.key === undefined || !w.value ? [unknown(w.at)] : r.resolve(w.value, b, d);
    // A write every run makes replaces what was there; any other may or may not have happened.
    if (w.definite && w.key === name) {
      current = value;
      possible.length = 0;
    } else possible.push(...value);
  }
  return possible.length > 0 ? [...current, ...possible] : current;
}

/** A write to an object through the variable it initialises (`opts.origin = true`), in source order. */
interface ObjectWrite {
  /** The property written; undefined when not known (`opts[k] = v`, `Object.assign(opts, x)`). */
  readonly key: string | undefined;
  /** The value written; undefined when not known (`opts.n += 1`, `delete opts.origin`). */
  readonly value: Node | undefined;
  readonly at: Node;
  /**
   * The write is a statement of the block that declares the object, after the declaration: it runs
   * whenever the object is created (libraries that read their options per request see it, wherever
   * the object is used).
   */
  readonly definite: boolean;
}

const writesMemo = new WeakMap<TSESTree.ObjectExpression, readonly ObjectWrite[]>();

/**
 * Writes to an object literal through the variable it initialises (`const opts = {...}`): member
 * assignments, `delete`, updates, and `Object.assign(opts, ...)`. A local object's writes are a sequence;
 * one whose key or value can't be read makes the property unknown, never what it was before.
 */
function writesTo(r: Evaluator, obj: TSESTree.ObjectExpression): readonly ObjectWrite[] {
  const hit = writesMemo.get(obj);
  if (hit) return hit;
  const out: ObjectWrite[] = [];
  writesMemo.set(obj, out);
  // `const config = (exports = {})` (the Egg.js config scaffold): the object is the variable's too.
  let holder: Node = obj;
  while (
    holder.parent?.type === T.AssignmentExpression &&
    holder.parent.operator === '=' &&
    holder.parent.right === holder
  )
    holder = holder.parent;
  const declarator = holder.parent;
  if (declarator?.type !== T.VariableDeclarator || declarator.init !== holder || declarator.id.type !== T.Identifier)
    return out;
  const variable = r.variableOf(declarator.id);
  const declaration = declarator.parent;
  if (!variable || declaration?.type !== T.VariableDeclaration) return out;
  const definiteAt = (n: Node): boolean => {
    let stmt: Node = n;
    while (stmt.parent && stmt.parent.type !== T.ExpressionStatement) {
      if (stmt.parent.type !== T.AssignmentExpression && stmt.parent.type !== T.MemberExpression) return false;
      stmt = stmt.parent;
    }
    const statement = stmt.parent;
    return !!statement && statement.parent === declaration.parent && statement.range[0] > declaration.range[1];
  };
  for (const ref of variable.references) {
    if (!ref.isRead()) continue;
    const id = ref.identifier as Node;
    const parent = id.parent;
    if (parent?.type === T.MemberExpression && parent.object === id) {
      const key = parent.computed ? r.singleString(parent.property) : memberName(parent);
      const outer = parent.parent;
      if (outer?.type === T.AssignmentExpression && outer.left === parent) {
        const value = outer.operator === '=' ? outer.right : undefined;
        out.push({ key, value, at: outer, definite: value !== undefined && key !== undefined && definiteAt(outer) });
      } else if (outer?.type === T.UnaryExpression && outer.operator === 'delete') {
        out.push({ key, value: undefined, at: outer, definite: false });
      } else if (outer?.type === T.UpdateExpression) {
        out.push({ key, value: undefined, at: outer, definite: false });
      }
    } else if (
      parent?.type === T.CallExpression &&
      parent.arguments[0] === id &&
      parent.callee.type === T.MemberExpression &&
      parent.callee.object.type === T.Identifier &&
      parent.callee.object.name === 'Object' &&
      ['assign', 'defineProperty', 'defineProperties', 'setPrototypeOf'].includes(memberName(parent.callee) ?? '')
    ) {
      out.push({ key: undefined, value: undefined, at: parent, definite: false });
    }
  }
  return out;
}

/** The value of `name` in the object literal itself (its properties and spreads), before any write. */
function literalProperty(
  r: Evaluator,
  obj: TSESTree.ObjectExpression,
  name: string,
  b?: Bindings,
  d = 0,
): readonly Value[] {
  for (let i = obj.properties.length - 1; i >= 0; i--) {
    const p = obj.properties[i]!;
    if (p.type === T.SpreadElement) {
      const spread = r.resolve(p.argument, b, d);
      const found: Value[] = [];
      let missing = false;
      for (const s of spread) {
        if (s.kind === 'object') {
          const inner = objectPropertyOrMissing(r, s.object, name, b, d);
          if (inner) found.push(...inner);
          else missing = true;
        } else if (s.kind === 'literal' && (s.value === null || s.value === undefined)) {
          missing = true;
        } else {
          return [unknown(p)];
        }
      }
      if (!missing) return found;
      if (found.length > 0) return [...found, ...objectPropertyBefore(r, obj, i, name, b, d)];
      continue;
    }
    if (p.type !== T.Property || p.kind !== 'init') continue;
    const key = p.computed ? r.singleString(p.key, b, d) : staticKeyName(p.key, false);
    if (key === undefined && p.computed) return [unknown(p)];
    if (key !== name) continue;
    if (p.method || isFunction(p.value)) {
      return [{ kind: 'function', node: p.value, sites: [p.value], fn: p.value as FunctionNode }];
    }
    return r.resolve(p.value, b, d);
  }
  return [{ kind: 'literal', value: undefined, node: obj, sites: [obj] }];
}

export function objectPropertyBefore(
  r: Evaluator,
  obj: TSESTree.ObjectExpression,
  end: number,
  name: string,
  b: Bindings | undefined,
  d: number,
): readonly Value[] {
  const head = { ...obj, properties: obj.properties.slice(0, end) } as TSESTree.ObjectExpression;
  return literalProperty(r, head, name, b, d);
}

/** Like objectProperty, but undefined when the object certainly lacks the key. */
export function objectPropertyOrMissing(
  r: Evaluator,
  obj: TSESTree.ObjectExpression,
  name: string,
  b?: Bindings,
  d = 0,
): readonly Value[] | undefined {
  const values = objectProperty(r, obj, name, b, d);
  if (
    values.length === 1 &&
    values[0]!.kind === 'literal' &&
    values[0]!.value === undefined &&
    values[0]!.node === obj
  ) {
    return undefined;
  }
  return values;
}

/** What `r.<key>` can be inside a class: its field initializer and every `r.<key> = value`. */
export function instanceMember(
  r: Evaluator,
  at: TSESTree.MemberExpression,
  key: string,
  d: number,
): readonly Value[] | undefined {
  let fn: Node | undefined = at.parent;
  while (fn && !isFunction(fn)) fn = fn.parent;
  // Arrow functions keep the enclosing `this`.
  while (fn && fn.type === T.ArrowFunctionExpression) {
    fn = fn.parent;
    while (fn && !isFunction(fn) && fn.type !== T.PropertyDefinition) fn = fn.parent;
  }
  const member = fn?.type === T.PropertyDefinition ? fn : fn?.parent;
  if (member?.type !== T.MethodDefinition && member?.type !== T.PropertyDefinition) return undefined;
  if (member.static) return undefined;
  const body = member.parent;
  if (body?.type !== T.ClassBody) return undefined;
  const out: Value[] = [];
  for (const el of body.body) {
    if (el.type === T.PropertyDefinition && !el.static && staticKeyName(el.key, el.computed) === key && el.value) {
      out.push(...r.resolve(el.value, undefined, d));
    }
  }
  let assignments = 0;
  const visit = (node: Node, depth: number): void => {
    if (depth > 40 || assignments > 8) return;
    if (
      node.type === T.AssignmentExpression &&
      node.operator === '=' &&
      node.left.type === T.MemberExpression &&
      node.left.object.type === T.ThisExpression &&
      memberName(node.left) === key
    ) {
      assignments++;
      out.push(...r.resolve(node.right, undefined, d));
    }
    for (const k of CHILD_KEYS[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[k];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c === 'object') visit(c as Node, depth + 1);
      } else if (child && typeof child === 'object' && 'type' in child) visit(child as Node, depth + 1);
    }
  };
  for (const el of body.body) {
    if (el.type === T.MethodDefinition && !el.static && el.value.body) visit(el.value.body, 0);
  }
  return out.length > 0 ? out : undefined;
}

/** A static member of a class: `static options = { ... }`, `static get options() { ... }`. */
export function staticMember(
  r: Evaluator,
  cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  name: string,
  d: number,
  at: Node,
): readonly Value[] {
  for (const m of cls.body.body) {
    if (!('static' in m) || !m.static || !('key' in m) || staticKeyName(m.key, m.computed) !== name) continue;
    if (m.type === T.PropertyDefinition) return m.value ? r.resolve(m.value, undefined, d) : [literal(m, undefined)];
    if (m.type === T.MethodDefinition && m.value.type === T.FunctionExpression) {
      if (m.kind === 'get') {
        const out: Value[] = [];
        for (const ret of r.returnsOf(m.value)) out.push(...r.resolve(ret, undefined, d));
        return out;
      }
      return [{ kind: 'function', node: m.value, sites: [m.value], fn: m.value }];
    }
  }
  return [unknown(at)];
}
