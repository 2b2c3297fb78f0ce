/**
 * What an expression can be at run time, as far as CORS cares: a literal, the request's Origin, other
 * request data, a RegExp, an array or Set of values, an object, a function, configuration from the
 * environment, or unknown. Where a value can't be known it is `unknown`, and consumers stay silent.
 *
 * Every value carries `sites`: the nodes its flow passed through (the source read, each variable
 * reference, assignment and return). The guards that dominate those sites are what decides whether an
 * origin was checked before it reached a header (see guards.ts).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import {
  isFunction,
  memberName,
  staticKeyName,
  stringLiteralValue,
  unwrap,
  type FunctionNode,
  type Node,
  type Scope,
  type Variable,
} from '../ast';
import { foreignModuleOf, type ModuleEntries } from './locations';
import type { LoadedModule, ModuleSession } from './modules';
import { requestRead, requestReadOfPath } from './request-sources';

export type { Scope, Variable } from '../ast';

interface Base {
  /** The node the value is written at (for locations). */
  readonly node: Node;
  /** Flow sites whose dominating guards apply to this value. */
  readonly sites: readonly Node[];
  /** True when the value is the right side of `||`/`??` (a fallback default). */
  readonly fallback?: boolean;
}

export type Value =
  | (Base & { readonly kind: 'literal'; readonly value: string | number | boolean | null | undefined })
  | (Base & {
      readonly kind: 'regexp';
      readonly pattern: string;
      readonly flags: string;
      /** The string literal the pattern was written in, for `new RegExp('...')`. */
      readonly source?: Node;
      /**
       * Parts of the pattern CORS Guard could not read, judged as if they were `STAND_IN_HOST` (escaped
       * where the code escapes them): the source text of each.
       */
      readonly assumes?: readonly string[];
    })
  | (Base & { readonly kind: 'origin' | 'request'; readonly what: string })
  | (Base & { readonly kind: 'array' | 'set'; readonly elements: readonly Value[] })
  | (Base & { readonly kind: 'object'; readonly object: TSESTree.ObjectExpression })
  | (Base & {
      readonly kind: 'function';
      readonly fn: FunctionNode;
      /** A function returned by a factory: the factory's parameters as that call bound them. */
      readonly closure?: Bindings;
    })
  | (Base & { readonly kind: 'env'; readonly name: string })
  /** Another module's exports (a namespace import, `require('./x')` of an ES module, `import('./x')`). */
  | (Base & { readonly kind: 'module'; readonly module: LoadedModule })
  /**
   * An installed package's export, reached through the project's own modules (`module.exports =
   * require('cors')`, `export { default as cors } from 'cors'`): the package and the path inside it
   * (`[]` is what `require()` gives). Only made for packages the host says matter (`isLibraryPackage`).
   */
  | (Base & { readonly kind: 'package'; readonly name: string; readonly path: readonly string[] })
  /** A class, for its static members (`CorsConfig.options`). */
  | (Base & { readonly kind: 'class'; readonly declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression })
  | (Base & { readonly kind: 'unknown' });

/** Parameter bindings used when a function is analysed for a given call (origin callbacks, helpers). */
export type Bindings = ReadonlyMap<Variable, readonly Value[]>;

export interface ResolverHost {
  getScope(node: Node): Scope;
  text(node: Node): string;
}

/** How the resolver reaches other modules (absent: one file at a time). */
export interface ModuleLinks {
  readonly session: ModuleSession;
  readonly entries: ModuleEntries;
}

const ORIGIN_PRESERVING_METHODS = new Set(['toLowerCase', 'toString', 'trim', 'valueOf', 'normalize']);
/** Steps one file's analysis may spend resolving values before it says "unknown". */
const STEP_BUDGET = 50_000;
const MAX_DEPTH = 12;
/** The host an unreadable part of a RegExp source is judged as (see `patternAround`). */
export const STAND_IN_HOST = 'app.example.com';
/** Source text naming a host or domain (`hostname`, `config.apiDomain`, `FRONTEND_HOST`). */
const HOST_NAME = /host|domain/i;
/** Source text naming a pattern (`CORS_REGEX`, `originPattern`): a regex, not a host. */
const PATTERN_NAME = /reg_?ex|pattern|regexp|\bre\b|matcher|glob/i;
/** How many strings a concatenation or mapped list may spell before it is `unknown`. */
const MAX_STRING_ALTERNATIVES = 32;

export class ValueResolver {
  private steps = 0;
  private readonly memo = new Map<Node, readonly Value[]>();
  private readonly returnsMemo = new Map<FunctionNode, readonly Node[]>();
  private readonly active = new Set<Node>();
  /** Bindings in force where a site was traversed (a parameter reference inside an inlined helper). */
  private readonly siteBindings = new WeakMap<Node, Bindings>();
  private readonly exportsMemo = new Map<string, readonly Value[] | undefined>();
  private readonly activeExports = new Set<string>();

  constructor(
    readonly host: ResolverHost,
    readonly modules?: ModuleLinks,
  ) {}

  /** All values `node` may evaluate to. */
  resolve(node: Node, bindings?: Bindings, depth = 0): readonly Value[] {
    const n = unwrap(node);
    const canMemo = !bindings || bindings.size === 0;
    if (canMemo) {
      const hit = this.memo.get(n);
      if (hit) return hit;
    }
    if (depth > MAX_DEPTH || ++this.steps > STEP_BUDGET || this.active.has(n)) {
      return [unknown(n)];
    }
    this.active.add(n);
    let result: readonly Value[];
    try {
      result = this.resolveUncached(n, bindings, depth + 1);
    } finally {
      this.active.delete(n);
    }
    if (canMemo) this.memo.set(n, result);
    return result;
  }

  /** The parameter bindings under which `site` was reached, if it was reached inside an inlined call. */
  bindingsAt(site: Node): Bindings | undefined {
    return this.siteBindings.get(site);
  }

  private noteSite(site: Node, b: Bindings | undefined): void {
    if (b && b.size > 0) this.siteBindings.set(site, b);
  }

  /** The variable a reference or declaration identifier names, if resolvable in scope. */
  variableOf(id: TSESTree.Identifier): Variable | undefined {
    try {
      return ASTUtils.findVariable(this.host.getScope(id), id) ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** Return expressions of a function (expression body included), not descending into nested functions. */
  returnsOf(fn: FunctionNode): readonly Node[] {
    const hit = this.returnsMemo.get(fn);
    if (hit) return hit;
    const out: Node[] = [];
    if (fn.body && fn.body.type !== T.BlockStatement) {
      out.push(fn.body);
    } else if (fn.body) {
      collectReturns(fn.body, out);
    }
    this.returnsMemo.set(fn, out);
    return out;
  }

  /** Calls of a function-valued parameter (`callback(...)`) inside its function. */
  callsOfParam(fn: FunctionNode, index: number): TSESTree.CallExpression[] {
    const param = fn.params[index];
    if (!param || param.type !== T.Identifier) return [];
    const variable = this.variableOf(param);
    if (!variable) return [];
    const calls: TSESTree.CallExpression[] = [];
    for (const ref of variable.references) {
      const id = ref.identifier as Node;
      const parent = id.parent;
      if (parent?.type === T.CallExpression && parent.callee === id) calls.push(parent);
    }
    return calls;
  }

  /** Binds a function's parameters to argument values. */
  bind(
    fn: FunctionNode,
    args: readonly (readonly Value[] | undefined)[],
    base?: Bindings,
  ): Map<Variable, readonly Value[]> {
    const map = new Map<Variable, readonly Value[]>(base ?? []);
    fn.params.forEach((p, i) => {
      const id = p.type === T.AssignmentPattern ? p.left : p;
      const values = args[i];
      if (id.type !== T.Identifier || !values) return;
      const v = this.variableOf(id);
      if (v) map.set(v, values);
    });
    return map;
  }

  private resolveUncached(n: Node, b: Bindings | undefined, d: number): readonly Value[] {
    switch (n.type) {
      case T.Literal:
        if ('regex' in n && n.regex) {
          return [{ kind: 'regexp', pattern: n.regex.pattern, flags: n.regex.flags, node: n, sites: [n] }];
        }
        if (typeof n.value === 'bigint') return [unknown(n)];
        return [literal(n, n.value as string | number | boolean | null)];
      case T.TemplateLiteral:
        return this.resolveTemplate(n, b, d);
      case T.Identifier:
        return this.resolveIdentifier(n, b, d);
      case T.MemberExpression:
        return this.resolveMember(n, b, d);
      case T.CallExpression:
        return this.resolveCall(n, b, d);
      case T.NewExpression:
        return this.resolveNew(n, b, d);
      case T.LogicalExpression: {
        const right = this.resolve(n.right, b, d).map((v) => ({ ...v, fallback: true }) as Value);
        if (n.operator === '&&') return right;
        // A left value that makes the operator pick the right side is never the result (`'' || '*'`).
        const left = this.resolve(n.left, b, d).filter(
          (v) => v.kind !== 'literal' || (n.operator === '||' ? !!v.value : v.value !== null && v.value !== undefined),
        );
        return [...left, ...right];
      }
      case T.ConditionalExpression:
        return [...this.resolve(n.consequent, b, d), ...this.resolve(n.alternate, b, d)];
      case T.SequenceExpression:
        return this.resolve(n.expressions[n.expressions.length - 1]!, b, d);
      case T.AssignmentExpression:
        return n.operator === '=' ? this.resolve(n.right, b, d) : [unknown(n)];
      case T.ArrayExpression:
        return [{ kind: 'array', node: n, sites: [n], elements: this.resolveElements(n.elements, b, d) }];
      case T.ObjectExpression:
        return [{ kind: 'object', node: n, sites: [n], object: n }];
      case T.ArrowFunctionExpression:
      case T.FunctionExpression:
        return [{ kind: 'function', node: n, sites: [n], fn: n }];
      case T.BinaryExpression:
        return this.resolveConcat(n, b, d);
      case T.ImportExpression: {
        // await import('./cors-config')
        const m = this.moduleFrom(n.source, n);
        if (m) return [{ kind: 'module', module: m, node: n, sites: [n] }];
        // An ES namespace: `default` is what require() gives.
        const pkg = this.packageAt(n.source, ['*'], n);
        return pkg ? [pkg] : [unknown(n)];
      }
      case T.ClassExpression:
        return [{ kind: 'class', declaration: n, node: n, sites: [n] }];
      case T.UnaryExpression:
        if (n.operator === 'void') return [literal(n, undefined)];
        return [unknown(n)];
      default:
        return [unknown(n)];
    }
  }

  private resolveElements(
    elements: readonly (TSESTree.Expression | TSESTree.SpreadElement | null)[],
    b: Bindings | undefined,
    d: number,
  ): Value[] {
    const out: Value[] = [];
    for (const el of elements) {
      if (!el) continue;
      if (el.type === T.SpreadElement) {
        for (const v of this.resolve(el.argument, b, d)) {
          if (v.kind === 'array' || v.kind === 'set') out.push(...v.elements);
          else out.push(unknown(el));
        }
      } else {
        out.push(...this.resolve(el, b, d));
      }
    }
    return out;
  }

  private resolveTemplate(n: TSESTree.TemplateLiteral, b: Bindings | undefined, d: number): readonly Value[] {
    if (n.expressions.length === 0) return [literal(n, n.quasis[0]?.value.cooked ?? '')];
    if (n.expressions.length === 1 && n.quasis.every((q) => q.value.cooked === '')) {
      return this.resolve(n.expressions[0]!, b, d);
    }
    let acc = '';
    for (let i = 0; i < n.quasis.length; i++) {
      acc += n.quasis[i]!.value.cooked ?? '';
      const expr = n.expressions[i];
      if (!expr) continue;
      const single = this.singleString(expr, b, d);
      if (single === undefined) return [unknown(n)];
      acc += single;
    }
    return [literal(n, acc)];
  }

  private resolveConcat(n: TSESTree.BinaryExpression, b: Bindings | undefined, d: number): readonly Value[] {
    if (n.operator !== '+') return [unknown(n)];
    const l = this.strings(n.left, b, d);
    const r = l === undefined ? undefined : this.strings(n.right, b, d);
    if (!l || !r || l.length * r.length > MAX_STRING_ALTERNATIVES) return [unknown(n)];
    // `'.' + domain` over a list of domains: one string per element.
    return l.flatMap((x) => r.map((y) => literal(n, x + y)));
  }

  /**
   * A RegExp source built by concatenation, with each unknown part standing for a host: `STAND_IN_HOST`
   * with its dots escaped where the code escapes the part (`x.replace(/\./g, '\\.')`, `escapeRegExp(x)`),
   * raw otherwise. `assumes` collects the source text of the unknown parts.
   */
  private patternAround(
    node: Node,
    b: Bindings | undefined,
    d: number,
    assumes: string[],
    depth: number,
  ): string | undefined {
    if (depth > 6 || assumes.length > 4) return undefined;
    const n = unwrap(node);
    const known = this.singleString(n, b, d);
    if (known !== undefined) return known;
    if (n.type === T.BinaryExpression && n.operator === '+') {
      const l = this.patternAround(n.left as Node, b, d, assumes, depth + 1);
      const r = l === undefined ? undefined : this.patternAround(n.right, b, d, assumes, depth + 1);
      return l === undefined || r === undefined ? undefined : l + r;
    }
    if (n.type === T.TemplateLiteral) {
      let acc = '';
      for (let i = 0; i < n.quasis.length; i++) {
        acc += n.quasis[i]!.value.cooked ?? '';
        const expr = n.expressions[i];
        if (!expr) continue;
        const part = this.patternAround(expr, b, d, assumes, depth + 1);
        if (part === undefined) return undefined;
        acc += part;
      }
      return acc;
    }
    if (n.type === T.CallExpression && isEscapingCall(n)) {
      assumes.push(this.host.text(n));
      return STAND_IN_HOST.replace(/\./g, '\\.');
    }
    if (n.type === T.Identifier) {
      // const pattern = domain.replace(/\./g, '\\.') + '(:3033)?$': the structure is in the initializer.
      const v = this.variableOf(n);
      const def = v?.defs[0];
      const declarator = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator) : undefined;
      const writes = v?.references.filter((r) => r.isWrite()).length ?? 0;
      if (declarator?.init && declarator.id === def!.name && writes === 1 && !b?.has(v!)) {
        return this.patternAround(declarator.init, b, d, assumes, depth + 1);
      }
    }
    if (n.type === T.Identifier || n.type === T.MemberExpression) {
      assumes.push(this.host.text(n));
      return STAND_IN_HOST;
    }
    return undefined;
  }

  /** The strings (or numbers) a node may be, when they are all known and few. */
  private strings(node: Node, b: Bindings | undefined, d: number): string[] | undefined {
    const out: string[] = [];
    for (const v of this.resolve(node, b, d)) {
      if (v.kind !== 'literal' || (typeof v.value !== 'string' && typeof v.value !== 'number')) return undefined;
      out.push(String(v.value));
    }
    return out.length > 0 && out.length <= MAX_STRING_ALTERNATIVES ? out : undefined;
  }

  /** The one string (or number) a node evaluates to, if there is exactly one. */
  singleString(node: Node, b?: Bindings, d = 0): string | undefined {
    const values = this.resolve(node, b, d);
    if (values.length !== 1) return undefined;
    const v = values[0]!;
    return v.kind === 'literal' && (typeof v.value === 'string' || typeof v.value === 'number')
      ? String(v.value)
      : undefined;
  }

  private resolveIdentifier(n: TSESTree.Identifier, b: Bindings | undefined, d: number): readonly Value[] {
    if (n.name === 'undefined') return [literal(n, undefined)];
    const variable = this.variableOf(n);
    if (!variable) return [unknown(n)];
    const bound = b?.get(variable);
    if (bound) {
      this.noteSite(n, b);
      return addSite(bound, n);
    }
    const def = variable.defs[0];
    if (!def) return [unknown(n)];
    if (def.type === 'FunctionName' && isFunction(def.node as Node)) {
      return [{ kind: 'function', node: def.node as Node, sites: [n], fn: def.node as FunctionNode }];
    }
    if (def.type === 'ClassName' && def.node.type === T.ClassDeclaration) {
      return [{ kind: 'class', declaration: def.node, node: def.node, sites: [n] }];
    }
    if (def.type === 'ImportBinding') return addSite(this.importBinding(def.node as Node, n, d), n);
    if (def.type !== 'Variable') return [unknown(n)];
    const declarator = def.node as TSESTree.VariableDeclarator;
    const out: Value[] = [];
    let writes = 0;
    for (const ref of variable.references) {
      if (!ref.isWrite()) continue;
      writes++;
      const id = ref.identifier as Node;
      const writeExpr = ref.writeExpr as Node | null;
      if (!writeExpr) {
        out.push(unknown(id));
        continue;
      }
      const assignment = id.parent;
      if (assignment?.type === T.AssignmentExpression && assignment.left === id && assignment.operator !== '=') {
        out.push(unknown(id));
        continue;
      }
      // `for (const o of list)` -> an element of `list`
      if (declarator.parent?.parent?.type === T.ForOfStatement && writeExpr === declarator.parent.parent.right) {
        out.push(...this.elementsOf(writeExpr, b, d, id));
        continue;
      }
      const path = patternPath(id);
      if (path === undefined) {
        out.push(unknown(id));
      } else if (path.length === 0) {
        out.push(...addSite(this.resolve(writeExpr, b, d), id));
      } else {
        out.push(...addSite(this.resolvePath(writeExpr, path, b, d), id));
      }
    }
    if (writes === 0) out.push(literal(n, undefined));
    return addSite(out, n);
  }

  /** Elements of an array/Set-valued node (for `for...of` and `.find`). */
  private elementsOf(node: Node, b: Bindings | undefined, d: number, site: Node): Value[] {
    const out: Value[] = [];
    for (const v of this.resolve(node, b, d)) {
      if (v.kind === 'array' || v.kind === 'set') out.push(...addSite(v.elements, site));
      else out.push(unknown(site));
    }
    return out;
  }

  /** Resolves `base.k1.k2...` for destructuring. */
  private resolvePath(base: Node, path: readonly PathStep[], b: Bindings | undefined, d: number): readonly Value[] {
    const keys = path.map((p) => p.key);
    if (keys.every((k): k is string => typeof k === 'string')) {
      // `const { origin } = req.headers`, `const { headers: { origin } } = event`
      const read = requestReadOfPath(base, keys, `${this.host.text(base)}.${keys.join('.')}`);
      if (read) return [requestValue(base, read.kind, read.what)];
      // `const { origin } = new URL(x)` keeps x's origin, as `new URL(x).origin` does.
      const u = unwrap(base);
      if (keys.length === 1 && keys[0] === 'origin' && u.type === T.NewExpression && u.arguments[0]) {
        const ctor = unwrap(u.callee);
        if (ctor.type === T.Identifier && ctor.name === 'URL') return addSite(this.resolve(u.arguments[0], b, d), base);
      }
    }
    let current: readonly Value[] = this.resolve(base, b, d);
    for (const step of path) {
      const next: Value[] = [];
      for (const v of current) next.push(...this.property(v, step.key, b, d, base));
      if (step.defaultValue) next.push(...this.resolve(step.defaultValue, b, d));
      current = next;
    }
    return current;
  }

  /** The value(s) of property `key` of value `v`. */
  property(v: Value, key: string | number, b: Bindings | undefined, d: number, at: Node): readonly Value[] {
    if (v.kind === 'object') return this.objectProperty(v.object, String(key), b, d);
    // A field of attacker-controlled request data (`query.origin`) is attacker-controlled too.
    if (v.kind === 'request') return [requestValue(at, 'request', `request parameter \`${key}\``)];
    if (v.kind === 'module') return addSite(this.exportOf(v.module, String(key), d, at), at);
    if (v.kind === 'package') {
      // A namespace's `default` is the package's require() value; other keys are its properties.
      const inNamespace = v.path.length === 1 && v.path[0] === '*';
      const path = inNamespace ? (key === 'default' ? [] : [String(key)]) : [...v.path, String(key)];
      return [{ ...v, path, node: at, sites: [...v.sites, at] }];
    }
    if (v.kind === 'class') return this.staticMember(v.declaration, String(key), d, at);
    if (v.kind === 'array' && typeof key === 'number') {
      return v.elements[key] ? [v.elements[key]!] : [unknown(at)];
    }
    return [unknown(at)];
  }

  /**
   * The value of `name` in an object literal, following spreads. Last definition wins; an unknown spread
   * after the last definition makes the result unknown.
   */
  objectProperty(obj: TSESTree.ObjectExpression, name: string, b?: Bindings, d = 0): readonly Value[] {
    for (let i = obj.properties.length - 1; i >= 0; i--) {
      const p = obj.properties[i]!;
      if (p.type === T.SpreadElement) {
        const spread = this.resolve(p.argument, b, d);
        const found: Value[] = [];
        let missing = false;
        for (const s of spread) {
          if (s.kind === 'object') {
            const inner = this.objectPropertyOrMissing(s.object, name, b, d);
            if (inner) found.push(...inner);
            else missing = true;
          } else if (s.kind === 'literal' && (s.value === null || s.value === undefined)) {
            missing = true;
          } else {
            return [unknown(p)];
          }
        }
        if (!missing) return found;
        if (found.length > 0) return [...found, ...this.objectPropertyBefore(obj, i, name, b, d)];
        continue;
      }
      if (p.type !== T.Property || p.kind !== 'init') continue;
      const key = p.computed ? this.singleString(p.key, b, d) : staticKeyName(p.key, false);
      if (key === undefined && p.computed) return [unknown(p)];
      if (key !== name) continue;
      if (p.method || isFunction(p.value)) {
        return [{ kind: 'function', node: p.value, sites: [p.value], fn: p.value as FunctionNode }];
      }
      return this.resolve(p.value, b, d);
    }
    return [{ kind: 'literal', value: undefined, node: obj, sites: [obj] }];
  }

  private objectPropertyBefore(
    obj: TSESTree.ObjectExpression,
    end: number,
    name: string,
    b: Bindings | undefined,
    d: number,
  ): readonly Value[] {
    const head = { ...obj, properties: obj.properties.slice(0, end) } as TSESTree.ObjectExpression;
    return this.objectProperty(head, name, b, d);
  }

  /** Like objectProperty, but undefined when the object certainly lacks the key. */
  objectPropertyOrMissing(
    obj: TSESTree.ObjectExpression,
    name: string,
    b?: Bindings,
    d = 0,
  ): readonly Value[] | undefined {
    const values = this.objectProperty(obj, name, b, d);
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

  private resolveMember(n: TSESTree.MemberExpression, b: Bindings | undefined, d: number): readonly Value[] {
    const read = requestRead(n, (x) => this.host.text(x));
    if (read) return [requestValue(n, read.kind, read.what)];
    const key = n.computed ? this.singleString(n.property, b, d) : memberName(n);
    if (key === undefined) return [unknown(n)];
    const object = unwrap(n.object);
    // process.env.X
    if (object.type === T.MemberExpression && memberName(object) === 'env') {
      const root = unwrap(object.object);
      if (root.type === T.Identifier && root.name === 'process')
        return [{ kind: 'env', name: key, node: n, sites: [n] }];
    }
    // new URL(origin).origin keeps the origin
    if (key === 'origin' && object.type === T.NewExpression) {
      const ctor = unwrap(object.callee);
      if (ctor.type === T.Identifier && ctor.name === 'URL' && object.arguments[0]) {
        return addSite(this.resolve(object.arguments[0], b, d), n);
      }
    }
    // this.settings, this.config.cors: an instance member, from its field initializer and the assignments
    // `this.settings = ...` in the class's methods (the constructor, an init method).
    if (object.type === T.ThisExpression) {
      const members = this.instanceMember(n, key, d);
      if (members) return addSite(members, n);
    }
    const out: Value[] = [];
    for (const v of this.resolve(n.object, b, d)) {
      const index = /^\d+$/.test(key) ? Number(key) : key;
      out.push(...this.property(v, index, b, d, n));
    }
    return addSite(out, n);
  }

  /** What `this.<key>` can be inside a class: its field initializer and every `this.<key> = value`. */
  private instanceMember(at: TSESTree.MemberExpression, key: string, d: number): readonly Value[] | undefined {
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
        out.push(...this.resolve(el.value, undefined, d));
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
        out.push(...this.resolve(node.right, undefined, d));
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

  private resolveCall(n: TSESTree.CallExpression, b: Bindings | undefined, d: number): readonly Value[] {
    const read = requestRead(n, (x) => this.host.text(x));
    if (read) return [requestValue(n, read.kind, read.what)];
    const callee = unwrap(n.callee);
    if (callee.type === T.Identifier && callee.name === 'require' && n.arguments.length === 1 && this.modules) {
      const declared = this.variableOf(callee);
      if (!declared || declared.defs.length === 0) {
        const m = this.moduleFrom(n.arguments[0]!, n);
        if (m) return addSite(this.moduleExports(m, d, n), n);
        const pkg = this.packageAt(n.arguments[0]!, [], n);
        return pkg ? [pkg] : [unknown(n)];
      }
    }
    if (callee.type === T.Identifier && callee.name === 'String' && n.arguments[0]) {
      return addSite(this.resolve(n.arguments[0], b, d), n);
    }
    if (callee.type === T.MemberExpression) {
      const method = memberName(callee);
      if (method && ORIGIN_PRESERVING_METHODS.has(method)) {
        return addSite(
          this.resolve(callee.object, b, d).map((v) =>
            v.kind === 'literal' && typeof v.value === 'string' ? transformLiteral(v, method) : v,
          ),
          n,
        );
      }
      if (method === 'find' || method === 'at') return this.elementsOf(callee.object, b, d, n);
      if (method === 'slice' || method === 'substring') {
        // allowed.substring(1) on a known string (a list entry bound in `list.some((allowed) => ...)`)
        const [start, end] = n.arguments.map((a) =>
          a.type === T.SpreadElement ? Number.NaN : Number(this.singleString(a, b, d)),
        );
        const strings = this.resolve(callee.object, b, d);
        const ok =
          Number.isInteger(start) &&
          (end === undefined || Number.isInteger(end)) &&
          strings.every((v) => v.kind === 'literal' && typeof v.value === 'string');
        if (!ok) return [unknown(n)];
        return strings.map((v) => {
          const text = String((v as Value & { kind: 'literal' }).value);
          return literal(n, method === 'slice' ? text.slice(start, end) : text.substring(start!, end));
        });
      }
      if (method === 'join') {
        // ORIGINS.join('|'): the list spelled out, e.g. as a RegExp source.
        const sep = n.arguments[0] ? this.singleString(n.arguments[0], b, d) : ',';
        const lists = this.resolve(callee.object, b, d);
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
        const lists = this.resolve(callee.object, b, d);
        if (lists.length !== 1 || (lists[0]!.kind !== 'array' && lists[0]!.kind !== 'set')) return [unknown(n)];
        const elements: Value[] = [];
        for (const e of (lists[0] as Value & { elements: readonly Value[] }).elements.slice(
          0,
          MAX_STRING_ALTERNATIVES,
        )) {
          const inner = this.bind(fn, [[e]], b);
          for (const r of this.returnsOf(fn)) elements.push(...this.resolve(r, inner, d));
        }
        return [{ kind: 'array', node: n, sites: [n], elements }];
      }
    }
    // A small function in the same file: bind its parameters and resolve what it returns.
    const fns = this.resolve(callee, b, d);
    const only = fns.length === 1 ? fns[0] : undefined;
    if (only?.kind !== 'function') return [unknown(n)];
    const fn = only.fn;
    if (fn.async || fn.generator) return [unknown(n)];
    // A factory in another module: what it returns is placed at this call.
    if (this.modules && this.modules.session.used) this.modules.entries.noteNode(fn, n);
    const args = n.arguments.map((a) => (a.type === T.SpreadElement ? undefined : this.resolve(a, b, d)));
    const inner = this.bind(fn, args, b);
    const out: Value[] = [];
    for (const r of this.returnsOf(fn)) {
      this.noteSite(r, inner);
      // A factory's result (`corsWithSubdomains(['a.com'])` returning the origin callback) keeps the
      // factory's parameters bound, for when the returned function is analysed.
      const values = this.resolve(r, inner, d).map((v) =>
        v.kind === 'function' && inner.size > 0 && !v.closure ? { ...v, closure: inner } : v,
      );
      out.push(...addSite(values, r));
    }
    if (out.length === 0) out.push(literal(n, undefined));
    return addSite(out, n);
  }

  /**
   * An installed package a specifier names, as a value, when it is one the analysis knows (a CORS library,
   * or a package named like one): what lets `const cors = require('./lib/cors')` be the `cors` package.
   */
  private packageAt(specifier: Node, path: readonly string[], at: Node): Value | undefined {
    const spec = stringLiteralValue(specifier);
    if (spec === undefined || !this.modules || !isBarePackage(spec) || !isLibraryPackage(spec)) return undefined;
    return { kind: 'package', name: spec, path, node: at, sites: [at] };
  }

  /** The module a specifier (a string literal) names, loaded within the lint's bounds. */
  moduleFrom(specifier: Node, from: Node): LoadedModule | undefined {
    if (!this.modules) return undefined;
    const spec = stringLiteralValue(specifier);
    if (spec === undefined) return undefined;
    const fromPath = foreignModuleOf(from)?.path ?? this.modules.session.linted;
    const m = this.modules.session.load(spec, fromPath);
    if (m) this.modules.entries.note(m, from);
    return m;
  }

  /** An imported binding: the export it names in the module it comes from. */
  private importBinding(spec: Node, at: Node, d: number): readonly Value[] {
    // import options = require('./cors-options')
    if (spec.type === T.TSImportEqualsDeclaration) {
      const ref = spec.moduleReference;
      if (ref.type !== T.TSExternalModuleReference || spec.importKind === 'type') return [unknown(at)];
      const m = this.moduleFrom(ref.expression, at);
      return m ? this.moduleExports(m, d, at) : [unknown(at)];
    }
    const decl = spec.parent;
    if (decl?.type !== T.ImportDeclaration || decl.importKind === 'type') return [unknown(at)];
    if (spec.type === T.ImportSpecifier && spec.importKind === 'type') return [unknown(at)];
    const m = this.moduleFrom(decl.source, at);
    const name = spec.type === T.ImportSpecifier ? exportName(spec.imported) : 'default';
    if (!m) {
      // import cors from 'cors' is what require() gives; import { x } is its property x.
      const path = spec.type === T.ImportNamespaceSpecifier ? ['*'] : name === 'default' ? [] : [name];
      const pkg = this.packageAt(decl.source, path, at);
      return pkg ? [pkg] : [unknown(at)];
    }
    if (spec.type === T.ImportNamespaceSpecifier) return [{ kind: 'module', module: m, node: at, sites: [at] }];
    return this.exportOf(m, name, d, at);
  }

  /** What `require()` of a module gives: `module.exports` if assigned, else its exports as a namespace. */
  private moduleExports(m: LoadedModule, d: number, at: Node): readonly Value[] {
    const assigned = cjsExportsOf(m.program);
    if (assigned) return this.resolve(assigned, undefined, d);
    return [{ kind: 'module', module: m, node: at, sites: [at] }];
  }

  /** The value(s) a module exports under `name` (ES exports, `module.exports`, `exports.x`, re-exports). */
  exportOf(m: LoadedModule, name: string, d: number, at: Node): readonly Value[] {
    const key = `${m.path}\0${name}`;
    if (this.exportsMemo.has(key)) return this.exportsMemo.get(key) ?? [unknown(at)];
    if (this.activeExports.has(key) || d > MAX_DEPTH || ++this.steps > STEP_BUDGET) return [unknown(at)];
    this.activeExports.add(key);
    let result: readonly Value[] | undefined;
    try {
      result = this.exportUncached(m, name, d + 1);
    } finally {
      this.activeExports.delete(key);
    }
    this.exportsMemo.set(key, result);
    return result ?? [unknown(at)];
  }

  private exportUncached(m: LoadedModule, name: string, d: number): readonly Value[] | undefined {
    const stars: TSESTree.ExportAllDeclaration[] = [];
    let cjsProperty: Node | undefined;
    let esmDefault = false;
    for (const stmt of m.program.body) {
      switch (stmt.type) {
        case T.ExportNamedDeclaration: {
          if (stmt.exportKind === 'type') break;
          const decl = stmt.declaration;
          if (decl?.type === T.VariableDeclaration) {
            for (const dd of decl.declarations) {
              if (dd.id.type === T.Identifier && dd.id.name === name) return this.resolve(dd.id, undefined, d);
            }
          } else if (decl?.type === T.FunctionDeclaration && decl.id?.name === name) {
            return [{ kind: 'function', node: decl, sites: [decl], fn: decl }];
          } else if (decl?.type === T.ClassDeclaration && decl.id?.name === name) {
            return [{ kind: 'class', declaration: decl, node: decl, sites: [decl] }];
          }
          for (const s of stmt.specifiers) {
            if (s.type !== T.ExportSpecifier || exportName(s.exported) !== name) continue;
            if (stmt.source) {
              const sub = this.moduleFrom(stmt.source, s);
              if (sub) return this.exportOf(sub, exportName(s.local), d, s);
              // export { default as cors } from 'cors'
              const local = exportName(s.local);
              const pkg = this.packageAt(stmt.source, local === 'default' ? [] : [local], s);
              return pkg ? [pkg] : [unknown(s)];
            }
            return this.resolve(s.local, undefined, d);
          }
          break;
        }
        case T.ExportDefaultDeclaration: {
          esmDefault = true;
          if (name !== 'default') break;
          const decl = stmt.declaration as Node;
          if (isFunction(decl)) return [{ kind: 'function', node: decl, sites: [decl], fn: decl }];
          if (decl.type === T.ClassDeclaration)
            return [{ kind: 'class', declaration: decl, node: decl, sites: [decl] }];
          return this.resolve(decl, undefined, d);
        }
        case T.ExportAllDeclaration:
          if (stmt.exportKind === 'type') break;
          if (stmt.exported) {
            if (exportName(stmt.exported) === name) {
              const sub = this.moduleFrom(stmt.source, stmt);
              return sub ? [{ kind: 'module', module: sub, node: stmt, sites: [stmt] }] : [unknown(stmt)];
            }
          } else if (name !== 'default') {
            stars.push(stmt);
          }
          break;
        case T.ExpressionStatement: {
          // exports.corsOptions = ..., module.exports.corsOptions = ...
          const e = stmt.expression;
          if (e.type !== T.AssignmentExpression || e.operator !== '=' || e.left.type !== T.MemberExpression) break;
          const target = e.left;
          if (memberName(target) === name && isExportsObject(target.object)) cjsProperty = e.right;
          break;
        }
        default:
          break;
      }
    }
    if (cjsProperty) return this.resolve(cjsProperty, undefined, d);
    const assigned = cjsExportsOf(m.program);
    if (assigned) {
      const whole = this.resolve(assigned, undefined, d);
      if (name === 'default') return whole;
      const out: Value[] = [];
      for (const v of whole) out.push(...this.property(v, name, undefined, d, assigned));
      return out;
    }
    if (name === 'default' && !esmDefault) {
      // `import x from './cjs-with-exports-dot-x'`: the exports object
      return [{ kind: 'module', module: m, node: m.program, sites: [m.program] }];
    }
    for (const star of stars) {
      const sub = this.moduleFrom(star.source, star);
      if (!sub) continue;
      const key = `${sub.path}\0${name}`;
      const found = this.exportOf(sub, name, d, star);
      if (this.exportsMemo.get(key) !== undefined) return found;
    }
    return undefined;
  }

  /** A static member of a class: `static options = { ... }`, `static get options() { ... }`. */
  private staticMember(
    cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
    name: string,
    d: number,
    at: Node,
  ): readonly Value[] {
    for (const m of cls.body.body) {
      if (!('static' in m) || !m.static || !('key' in m) || staticKeyName(m.key, m.computed) !== name) continue;
      if (m.type === T.PropertyDefinition)
        return m.value ? this.resolve(m.value, undefined, d) : [literal(m, undefined)];
      if (m.type === T.MethodDefinition && m.value.type === T.FunctionExpression) {
        if (m.kind === 'get') {
          const out: Value[] = [];
          for (const r of this.returnsOf(m.value)) out.push(...this.resolve(r, undefined, d));
          return out;
        }
        return [{ kind: 'function', node: m.value, sites: [m.value], fn: m.value }];
      }
    }
    return [unknown(at)];
  }

  private resolveNew(n: TSESTree.NewExpression, b: Bindings | undefined, d: number): readonly Value[] {
    const ctor = unwrap(n.callee);
    const name = ctor.type === T.Identifier ? ctor.name : undefined;
    if (name === 'RegExp') {
      const [p, f] = n.arguments;
      const pattern = p ? this.singleString(p, b, d) : '(?:)';
      const flags = f ? this.singleString(f, b, d) : '';
      if (pattern === undefined && flags !== undefined && p) {
        // '^https://' + domain.replace(/\./g, '\\.') + '$': the structure around an unknown host.
        const assumes: string[] = [];
        const shaped = this.patternAround(p, b, d, assumes, 0);
        // new RegExp(hostname): a host used as a pattern, its dots unescaped. An unknown part named like a
        // pattern (`CORS_REGEX`) is someone's regex, not a host: nothing to assume.
        const namesHost = assumes.length > 0 && assumes.every((a) => HOST_NAME.test(a) && !PATTERN_NAME.test(a));
        if (shaped !== undefined && assumes.length > 0 && (/[\^$]|:\/\/|https?/.test(shaped) || namesHost))
          return [{ kind: 'regexp', pattern: shaped, flags, node: n, sites: [n], assumes }];
      }
      if (pattern === undefined || flags === undefined) return [unknown(n)];
      const written = p ? this.resolve(p, b, d) : [];
      const source = written.length === 1 && written[0]!.kind === 'literal' ? written[0]!.node : undefined;
      return [{ kind: 'regexp', pattern, flags, node: n, sites: [n], source }];
    }
    if (name === 'Set' || name === 'Map') {
      const arg = n.arguments[0];
      if (!arg) return [{ kind: 'set', node: n, sites: [n], elements: [] }];
      const elements = this.elementsOf(arg, b, d, n);
      // Map entries are [key, value] pairs: the keys are what `has`/`get` match.
      const keys =
        name === 'Map'
          ? elements.map((e) => (e.kind === 'array' ? (e.elements[0] ?? unknown(n)) : unknown(n)))
          : elements;
      return [{ kind: 'set', node: n, sites: [n], elements: keys }];
    }
    return [unknown(n)];
  }
}

interface PathStep {
  readonly key: string | number;
  readonly defaultValue?: Node;
}

/**
 * The property path from a destructuring pattern's root to `id` (`const { a: { b } } = x` -> a, b);
 * `[]` for a plain identifier; undefined for shapes we do not follow (rest elements, computed keys).
 */
function patternPath(id: Node): PathStep[] | undefined {
  const steps: PathStep[] = [];
  let node: Node = id;
  let pendingDefault: Node | undefined;
  for (;;) {
    const parent = node.parent;
    if (!parent) return undefined;
    if (parent.type === T.AssignmentPattern && parent.left === node) {
      pendingDefault = parent.right;
      node = parent;
      continue;
    }
    if (parent.type === T.Property && parent.value === node && parent.parent?.type === T.ObjectPattern) {
      const key = staticKeyName(parent.key, parent.computed);
      if (key === undefined) return undefined;
      steps.unshift({ key, defaultValue: pendingDefault });
      pendingDefault = undefined;
      node = parent.parent;
      continue;
    }
    if (parent.type === T.ArrayPattern) {
      const index = parent.elements.indexOf(node as TSESTree.DestructuringPattern);
      if (index < 0) return undefined;
      steps.unshift({ key: index, defaultValue: pendingDefault });
      pendingDefault = undefined;
      node = parent;
      continue;
    }
    if (parent.type === T.VariableDeclarator && parent.id === node) return steps;
    if (parent.type === T.AssignmentExpression && parent.left === node) return steps;
    if (parent.type === T.RestElement) return undefined;
    return steps.length === 0 && node === id ? [] : undefined;
  }
}

function collectReturns(node: Node, out: Node[]): void {
  switch (node.type) {
    case T.ReturnStatement:
      if (node.argument) out.push(node.argument);
      return;
    case T.FunctionDeclaration:
    case T.FunctionExpression:
    case T.ArrowFunctionExpression:
    case T.ClassDeclaration:
    case T.ClassExpression:
      return;
    default:
      break;
  }
  for (const key of STATEMENT_CHILD_KEYS) {
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (const c of child) if (c && typeof c === 'object' && 'type' in c) collectReturns(c as Node, out);
    } else if (child && typeof child === 'object' && 'type' in child) {
      collectReturns(child as Node, out);
    }
  }
}

/** Keys under which statements nest; returns live only in statements. */
const STATEMENT_CHILD_KEYS = ['body', 'consequent', 'alternate', 'block', 'handler', 'finalizer', 'cases'] as const;

function literal(node: Node, value: string | number | boolean | null | undefined): Value {
  return { kind: 'literal', value, node, sites: [node] };
}

/**
 * The child keys the instance-member search walks: statements and the expressions an assignment can sit
 * in (not nested functions or classes, whose `this` is another).
 */
const CHILD_KEYS: Partial<Record<string, readonly string[]>> = {
  BlockStatement: ['body'],
  ExpressionStatement: ['expression'],
  IfStatement: ['consequent', 'alternate'],
  TryStatement: ['block', 'handler', 'finalizer'],
  CatchClause: ['body'],
  SwitchStatement: ['cases'],
  SwitchCase: ['consequent'],
  ForStatement: ['body'],
  ForOfStatement: ['body'],
  ForInStatement: ['body'],
  WhileStatement: ['body'],
  AssignmentExpression: ['right'],
  SequenceExpression: ['expressions'],
  AwaitExpression: ['argument'],
  LogicalExpression: ['left', 'right'],
  ArrowFunctionExpression: ['body'],
};

/** A specifier that names an installed package (not a path, a `#import` or a Node built-in). */
function isBarePackage(spec: string): boolean {
  return !/^(?:\.|\/|#|node:|[a-zA-Z]:[\\/])/.test(spec);
}

let isLibraryPackage: (name: string) => boolean = () => false;
/** Which packages become `package` values (set once by the model: the framework table's libraries). */
export function setLibraryPackageTest(test: (name: string) => boolean): void {
  isLibraryPackage = test;
}

export function unknown(node: Node): Value {
  return { kind: 'unknown', node, sites: [node] };
}

function requestValue(node: Node, kind: 'origin' | 'request', what: string): Value {
  return { kind, what, node, sites: [node] };
}

function transformLiteral(v: Value & { kind: 'literal' }, method: string): Value {
  const s = String(v.value);
  const value = method === 'toLowerCase' ? s.toLowerCase() : method === 'trim' ? s.trim() : s;
  return { ...v, value };
}

function addSite(values: readonly Value[], site: Node): Value[] {
  return values.map((v) => (v.sites.includes(site) ? v : ({ ...v, sites: [...v.sites, site] } as Value)));
}

/** Whether any of the values is request-controlled (the Origin or other request data). */
/** `x.replace(/\./g, '\\.')`, `x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')`, `escapeRegExp(x)`, `_.escapeRegExp(x)`. */
function isEscapingCall(n: TSESTree.CallExpression): boolean {
  const callee = unwrap(n.callee);
  const name =
    callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? memberName(callee) : undefined;
  if (!name) return false;
  if (/escape/i.test(name)) return true;
  if (name !== 'replace' && name !== 'replaceAll') return false;
  const [pattern, replacement] = n.arguments;
  const p = pattern && pattern.type === T.Literal && 'regex' in pattern ? pattern.regex?.pattern : undefined;
  const r = replacement && replacement.type === T.Literal ? replacement.value : undefined;
  return typeof p === 'string' && p.includes('\\.') && typeof r === 'string' && r.includes('\\');
}

export function isRequestControlled(v: Value): v is Value & { kind: 'origin' | 'request' } {
  return v.kind === 'origin' || v.kind === 'request';
}

function exportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === T.Identifier ? node.name : node.value;
}

/** `module.exports` or `exports`. */
function isExportsObject(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === T.Identifier) return n.name === 'exports';
  return (
    n.type === T.MemberExpression &&
    memberName(n) === 'exports' &&
    n.object.type === T.Identifier &&
    n.object.name === 'module'
  );
}

const cjsExportsMemo = new WeakMap<TSESTree.Program, Node | null>();

/** The value of the last top-level `module.exports = X` (or TypeScript's `export = X`), if any. */
export function cjsExportsOf(program: TSESTree.Program): Node | undefined {
  const hit = cjsExportsMemo.get(program);
  if (hit !== undefined) return hit ?? undefined;
  let found: Node | null = null;
  for (const stmt of program.body) {
    if (stmt.type === T.TSExportAssignment) found = stmt.expression;
    if (stmt.type !== T.ExpressionStatement) continue;
    const e = stmt.expression;
    if (e.type !== T.AssignmentExpression || e.operator !== '=') continue;
    const left = e.left;
    if (
      left.type === T.MemberExpression &&
      memberName(left) === 'exports' &&
      left.object.type === T.Identifier &&
      left.object.name === 'module'
    ) {
      found = e.right;
    }
  }
  cjsExportsMemo.set(program, found);
  return found ?? undefined;
}
