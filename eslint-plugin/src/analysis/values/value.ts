/**
 * What an expression can be at run time, as far as CORS cares: a literal, the request's Origin, other
 * request data, a RegExp, an array or Set of values, an object, a function, configuration from the
 * environment, or unknown. Where a value can't be known it is `unknown`, and consumers stay silent.
 *
 * Every value carries `sites`: the nodes its flow passed through (the source read, each variable
 * reference, assignment and return). The guards that dominate those sites are what decides whether an
 * origin was checked before it reached a header (see ../checks/guards.ts).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode, Node, Scope, Variable } from '../ast';
import type { ModuleEntries } from './locations';
import type { LoadedModule, ModuleSession } from './modules';

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
      /** The pattern with each assumed host written with a leading dot (`.app.example.com`). */
      readonly dottedPattern?: string;
    })
  | (Base & { readonly kind: 'origin' | 'request'; readonly what: string })
  | (Base & { readonly kind: 'array' | 'set'; readonly elements: readonly Value[] })
  | (Base & {
      readonly kind: 'object';
      readonly object: TSESTree.ObjectExpression;
      /** An object a factory returned (`(origin) => ({ origin })`): the factory's parameters as that call bound them. */
      readonly closure?: Bindings;
    })
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

/**
 * What the modules that evaluate one kind of expression (./strings-and-patterns.ts, ./members.ts,
 * ./module-exports.ts) may ask of the resolver (./values.ts).
 */
export interface Evaluator {
  readonly host: ResolverHost;
  readonly modules?: ModuleLinks;
  /** All values `node` may evaluate to. */
  resolve(node: Node, bindings?: Bindings, depth?: number): readonly Value[];
  /** The one string (or number) a node evaluates to, if there is exactly one. */
  singleString(node: Node, b?: Bindings, d?: number): string | undefined;
  variableOf(id: TSESTree.Identifier): Variable | undefined;
  returnsOf(fn: FunctionNode): readonly Node[];
  bind(
    fn: FunctionNode,
    args: readonly (readonly Value[] | undefined)[],
    base?: Bindings,
  ): Map<Variable, readonly Value[]>;
  /** Elements of an array/Set-valued node (for `for...of`, `.find`, `new Set(list)`). */
  elementsOf(node: Node, b: Bindings | undefined, d: number, site: Node): Value[];
  property(v: Value, key: string | number, b: Bindings | undefined, d: number, at: Node): readonly Value[];
  /** Counts one step of work against the lint's budget: false once it is spent. */
  spend(): boolean;
}

export function literal(node: Node, value: string | number | boolean | null | undefined): Value {
  return { kind: 'literal', value, node, sites: [node] };
}

export function unknown(node: Node): Value {
  return { kind: 'unknown', node, sites: [node] };
}

export function requestValue(node: Node, kind: 'origin' | 'request', what: string): Value {
  return { kind, what, node, sites: [node] };
}

export function transformLiteral(v: Value & { kind: 'literal' }, method: string): Value {
  const s = String(v.value);
  const value = method === 'toLowerCase' ? s.toLowerCase() : method === 'trim' ? s.trim() : s;
  return { ...v, value };
}

export function addSite(values: readonly Value[], site: Node): Value[] {
  return values.map((v) => (v.sites.includes(site) ? v : ({ ...v, sites: [...v.sites, site] } as Value)));
}

/** Whether a value is request-controlled (the Origin or other request data). */
export function isRequestControlled(v: Value): v is Value & { kind: 'origin' | 'request' } {
  return v.kind === 'origin' || v.kind === 'request';
}
