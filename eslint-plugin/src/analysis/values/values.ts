/**
 * The value resolver: what an expression can be at run time (the `Value` kinds are in ./value.ts). It
 * follows variables, destructuring, calls of small functions (parameters bound), members and imports,
 * memoised and bounded by a step budget per file and per question. Kinds of expression with more to them
 * live beside it: ./strings-and-patterns.ts (templates, concatenation, `join`, `new RegExp`, `new Set`),
 * ./members.ts (object properties, `this.x`, static members), ./module-exports.ts (imports and exports).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { isFunction, memberName, unwrap, type FunctionNode, type Node, type Variable } from '../ast';
import { VALUE_BUDGET } from '../budgets';
import { appConfigNodes } from './app-config';
import { instanceMember, objectProperty, objectPropertyOrMissing, staticMember } from './members';
import { ModuleExports } from './module-exports';
import type { LoadedModule } from './modules';
import { requestRead, requestReadOfPath } from './request-sources';
import { methodCallValues, resolveConcat, resolveNew, resolveTemplate } from './strings-and-patterns';
import { collectReturns, patternPath, type PathStep } from './syntax';
import {
  addSite,
  literal,
  requestValue,
  transformLiteral,
  unknown,
  type Bindings,
  type Evaluator,
  type ModuleLinks,
  type ResolverHost,
  type Value,
} from './value';

export * from './value';
export { STAND_IN_HOST } from './strings-and-patterns';
export { setLibraryPackageTest } from './module-exports';
export { cjsExportsOf } from './syntax';

/** A string literal's value (a config key). */
function staticString(node: Node): string | undefined {
  const n = unwrap(node);
  return n.type === T.Literal && typeof n.value === 'string' ? n.value : undefined;
}

const ORIGIN_PRESERVING_METHODS = new Set(['toLowerCase', 'toString', 'trim', 'valueOf', 'normalize']);
const MAX_DEPTH = VALUE_BUDGET.maxDepth;

export class ValueResolver implements Evaluator {
  private steps = 0;
  /** Steps of the current question (reset when a question starts from outside). */
  private querySteps = 0;
  /** Past it, every further value is `unknown`: a base, plus a share per character of the linted source. */
  private readonly stepBudget: number;
  /** Each variable's writes, found once (a variable read 50,000 times is not scanned 50,000 times). */
  private readonly writesOf = new WeakMap<Variable, readonly Variable['references'][number][]>();
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
    sourceLength = 0,
  ) {
    this.stepBudget = VALUE_BUDGET.stepsPerFile + VALUE_BUDGET.stepsPerSourceChar * sourceLength;
  }

  /** Imports, `require()` and exports: the module graph's side of value resolution. */
  private readonly exports = new ModuleExports(this);

  /** Counts one step of work against the lint's budget: false once it is spent. */
  spend(): boolean {
    return ++this.steps <= this.stepBudget;
  }

  /**
   * The value of `name` in an object literal, following spreads. Last definition wins; an unknown spread
   * after the last definition makes the result unknown.
   */
  objectProperty(obj: TSESTree.ObjectExpression, name: string, b?: Bindings, d = 0): readonly Value[] {
    return objectProperty(this, obj, name, b, d);
  }

  /** Like objectProperty, but undefined when the object certainly lacks the key. */
  objectPropertyOrMissing(
    obj: TSESTree.ObjectExpression,
    name: string,
    b?: Bindings,
    d = 0,
  ): readonly Value[] | undefined {
    return objectPropertyOrMissing(this, obj, name, b, d);
  }

  /** The module a specifier (a string literal) names, loaded within the lint's bounds. */
  moduleFrom(specifier: Node, from: Node): LoadedModule | undefined {
    return this.exports.moduleFrom(specifier, from);
  }

  /** The value(s) a module exports under `name` (ES exports, `module.exports`, `exports.x`, re-exports). */
  exportOf(m: LoadedModule, name: string, d: number, at: Node): readonly Value[] {
    return this.exports.exportOf(m, name, d, at);
  }

  /** All values `node` may evaluate to. */
  resolve(node: Node, bindings?: Bindings, depth = 0): readonly Value[] {
    const n = unwrap(node);
    const canMemo = !bindings || bindings.size === 0;
    if (canMemo) {
      const hit = this.memo.get(n);
      if (hit) return hit;
    }
    // A question asked from outside (no resolution in progress) gets its own step budget.
    if (this.active.size === 0) this.querySteps = 0;
    if (
      depth > MAX_DEPTH ||
      ++this.steps > this.stepBudget ||
      ++this.querySteps > VALUE_BUDGET.stepsPerQuery ||
      this.active.has(n)
    ) {
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
        return resolveTemplate(this, n, b, d);
      case T.Identifier:
        return this.resolveIdentifier(n, b, d);
      case T.MemberExpression:
        return this.resolveMember(n, b, d);
      case T.CallExpression:
        return this.resolveCall(n, b, d);
      case T.NewExpression:
        return resolveNew(this, n, b, d);
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
        return resolveConcat(this, n, b, d);
      case T.ImportExpression: {
        // await import('./cors-config')
        const m = this.moduleFrom(n.source, n);
        if (m) return [{ kind: 'module', module: m, node: n, sites: [n] }];
        // An ES namespace: `default` is what require() gives.
        const pkg = this.exports.packageAt(n.source, ['*'], n);
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
    if (def.type === 'ImportBinding') return addSite(this.exports.importBinding(def.node as Node, n, d), n);
    if (def.type !== 'Variable') return [unknown(n)];
    const declarator = def.node as TSESTree.VariableDeclarator;
    const out: Value[] = [];
    let writes = 0;
    let refs = this.writesOf.get(variable);
    if (!refs) this.writesOf.set(variable, (refs = variable.references.filter((r) => r.isWrite())));
    for (const ref of refs) {
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
  elementsOf(node: Node, b: Bindings | undefined, d: number, site: Node): Value[] {
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
    if (v.kind === 'object') return this.objectProperty(v.object, String(key), withClosure(b, v.closure), d);
    // A field of attacker-controlled request data (`query.origin`) is attacker-controlled too.
    if (v.kind === 'request') return [requestValue(at, 'request', `request parameter \`${key}\``)];
    if (v.kind === 'module') return addSite(this.exportOf(v.module, String(key), d, at), at);
    if (v.kind === 'package') {
      // A namespace's `default` is the package's require() value; other keys are its properties.
      const inNamespace = v.path.length === 1 && v.path[0] === '*';
      const path = inNamespace ? (key === 'default' ? [] : [String(key)]) : [...v.path, String(key)];
      return [{ ...v, path, node: at, sites: [...v.sites, at] }];
    }
    if (v.kind === 'class') return staticMember(this, v.declaration, String(key), d, at);
    if (v.kind === 'array' && typeof key === 'number') {
      return v.elements[key] ? [v.elements[key]!] : [unknown(at)];
    }
    return [unknown(at)];
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
      const members = instanceMember(this, n, key, d);
      if (members) return addSite(members, n);
    }
    const out: Value[] = [];
    for (const v of this.resolve(n.object, b, d)) {
      const index = /^\d+$/.test(key) ? Number(key) : key;
      out.push(...this.property(v, index, b, d, n));
    }
    return addSite(out, n);
  }

  private resolveCall(n: TSESTree.CallExpression, b: Bindings | undefined, d: number): readonly Value[] {
    const read = requestRead(n, (x) => this.host.text(x));
    if (read) return [requestValue(n, read.kind, read.what)];
    const callee = unwrap(n.callee);
    if (callee.type === T.Identifier && callee.name === 'require' && n.arguments.length === 1 && this.modules) {
      const declared = this.variableOf(callee);
      if (!declared || declared.defs.length === 0) {
        const m = this.moduleFrom(n.arguments[0]!, n);
        if (m) return addSite(this.exports.moduleExports(m, d, n), n);
        const pkg = this.exports.packageAt(n.arguments[0]!, [], n);
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
      // Feathers `app.get('origins')`: the key's value in the config files (config/default.json, ...).
      const key = method === 'get' && n.arguments[0] ? staticString(n.arguments[0]) : undefined;
      const configured = key !== undefined && this.modules ? appConfigNodes(n, key, this.modules) : undefined;
      if (configured)
        return addSite(
          configured.flatMap((c) => this.resolve(c, undefined, d + 1)),
          n,
        );
      const built = method === undefined ? undefined : methodCallValues(this, n, callee, method, b, d);
      if (built) return built;
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
        (v.kind === 'function' || v.kind === 'object') && inner.size > 0 && !v.closure ? { ...v, closure: inner } : v,
      );
      out.push(...addSite(values, r));
    }
    if (out.length === 0) out.push(literal(n, undefined));
    return addSite(out, n);
  }
}

/** Bindings of the context a value is read in, with those of the call that made it (`closure`). */
export function withClosure(b: Bindings | undefined, closure: Bindings | undefined): Bindings | undefined {
  if (!closure || closure.size === 0) return b;
  if (!b || b.size === 0) return closure;
  return new Map([...b, ...closure]);
}
