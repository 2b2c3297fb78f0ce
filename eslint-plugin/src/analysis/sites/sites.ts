/**
 * Where a file sets CORS: header sites (a CORS header name given to a setter, an object of headers, a
 * Next.js `{ key, value }` entry, a `[name, value]` pair, `headers[name] = value`) and options sites
 * (the option objects of CORS libraries, found by module or by a distinctive call shape).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import {
  calleeMethodName,
  enclosingFunction,
  findProperty,
  isFunction,
  memberName,
  staticKeyName,
  stringLiteralValue,
  unwrap,
  type Node,
} from '../ast';
import {
  ASSERTION_CALLEES,
  CLIENT_DEFAULT_MEMBERS,
  CLIENT_REQUEST_CALLEES,
  CLIENT_VERB_METHODS,
  EVENT_HEADER_SETTERS,
  HEADER_SETTER_METHODS,
  ASSUMED_CORS_SITE,
  assumedCorsModule,
  MODULE_OPTION_SITES,
  knownModuleAlias,
  SHAPE_OPTION_SITES,
  TYPED_OPTIONS,
  type DataFiles,
  type LibraryId,
  type Registration,
  type ModuleOptionSite,
  type OnByDefaultWhen,
  type VersionBound,
} from './frameworks';
import { mappedHeaderName, staticMappingValue, type CorsHeaderName } from '../headers/header-names';
import { isServerlessHttpEvent } from './cloud-sites';
import { cjsExportsOf, type Scope, type ValueResolver } from '../values/values';

export interface HeaderSite {
  readonly header: CorsHeaderName;
  /** Where the header name is written (a literal or a reference to a constant). */
  readonly nameNode: Node;
  readonly value: Node | undefined;
  /** The value, when it is one known string (or number). */
  readonly literal?: string;
  readonly shape: 'setter' | 'object' | 'entry' | 'pair' | 'assignment';
  /**
   * An API Gateway response parameter (`'method.response.header.Access-Control-Allow-Origin': "'*'"`): the
   * static value between the quotes, which is what the header carries.
   */
  readonly staticValue?: string;
  /** The call, property, entry or assignment that sets the header. */
  readonly node: Node;
  /** Setter calls: the receiver and method (`res`, `setHeader`). */
  readonly receiver?: Node;
  readonly method?: string;
  /** Headers set together form one policy: the enclosing function, or the Next.js headers array. */
  readonly group: Node;
}

export interface OptionSite {
  readonly library: LibraryId;
  /**
   * The library call (`cors(...)`, `register(...)`, `new Server(...)`, `app.enableCors(...)`), or for
   * options judged where they are defined (see `definedOptionSites`, conventions.ts), the options object
   * itself (or the list entry naming a middleware whose defaults apply: Strapi's `'strapi::cors'`).
   */
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.ObjectExpression | Node;
  /** The argument holding the options, and the property path inside it to the CORS options. */
  readonly argument: Node | undefined;
  readonly path: readonly string[];
  readonly altPaths?: readonly (readonly string[])[];
  /** The library applies its defaults when the options path holds nothing (`createYoga({ schema })`). */
  readonly onByDefault?: boolean;
  /** The defaults apply only when a setting of the options argument says so (see `ModuleOptionSite`). */
  readonly onByDefaultWhen?: OnByDefaultWhen;
  /** The options argument may be a function returning them (see `ModuleOptionSite`). */
  readonly argumentFactory?: boolean;
  readonly pathBefore?: VersionBound;
  /** The call loads its options from data files (conventions.ts reads them). */
  readonly dataFiles?: DataFiles;
  /** The settings apply only where the project registers the middleware (conventions.ts checks). */
  readonly registration?: Registration;
  /** Options set on the instance after the call (socket.io 2 `io.origins(fn)`): option name -> the value. */
  readonly instanceOptions?: Readonly<Record<string, Node>>;
  /**
   * A package CORS Guard has no row for, recognised by its name as a CORS middleware: judged as `library`
   * reads options, and the messages name this package and say so.
   */
  readonly assumedPackage?: string;
}

/** Header sites for a literal naming a CORS header (following `const NAME = '...'` to its uses). */
export function headerSitesOf(nameNode: Node, header: CorsHeaderName, resolver: ValueResolver): HeaderSite[] {
  const parent = nameNode.parent;
  if (parent?.type === T.VariableDeclarator && parent.init === nameNode && parent.id.type === T.Identifier) {
    const declaration = parent.parent;
    if (declaration?.type !== T.VariableDeclaration || declaration.kind !== 'const') return [];
    const variable = resolver.variableOf(parent.id);
    if (!variable) return [];
    const sites: HeaderSite[] = [];
    for (const ref of variable.references) {
      if (ref.isRead()) {
        const site = headerSiteAt(ref.identifier as Node, header);
        if (site) sites.push(withLiteral(site, resolver));
      }
    }
    return sites;
  }
  const site = headerSiteAt(nameNode, header);
  return site ? [withLiteral(site, resolver)] : [];
}

function withLiteral(site: HeaderSite, resolver: ValueResolver): HeaderSite {
  if (site.staticValue !== undefined) return { ...site, literal: site.staticValue };
  const literal = site.value ? resolver.singleString(site.value) : undefined;
  return literal === undefined ? site : { ...site, literal };
}

function headerSiteAt(nameNode: Node, header: CorsHeaderName): HeaderSite | undefined {
  const parent = nameNode.parent;
  if (!parent) return undefined;
  switch (parent.type) {
    case T.CallExpression: {
      const fnCallee = unwrap(parent.callee);
      if (
        fnCallee.type === T.Identifier &&
        EVENT_HEADER_SETTERS.has(fnCallee.name) &&
        parent.arguments.length === 3 &&
        parent.arguments[1] === nameNode &&
        parent.arguments[0]!.type !== T.Literal
      ) {
        // h3: setResponseHeader(event, 'Access-Control-Allow-Origin', value)
        return {
          header,
          nameNode,
          value: parent.arguments[2],
          shape: 'setter',
          node: parent,
          group: enclosingFunction(parent),
        };
      }
      if (parent.arguments[0] !== nameNode) return undefined;
      const method = calleeMethodName(parent);
      if (!method || !HEADER_SETTER_METHODS.has(method)) return undefined;
      const callee = unwrap(parent.callee) as TSESTree.MemberExpression;
      return {
        header,
        nameNode,
        value: parent.arguments[1],
        shape: 'setter',
        node: parent,
        receiver: callee.object,
        method,
        group: enclosingFunction(parent),
      };
    }
    case T.Property: {
      const obj = parent.parent;
      if (obj?.type !== T.ObjectExpression) return undefined;
      if (parent.key === nameNode) {
        if (isClientRequestHeaders(obj) || isAssertionArgument(obj)) return undefined;
        const raw = stringLiteralValue(nameNode);
        if (raw !== undefined && mappedHeaderName(raw)) {
          // API Gateway: only a static value (`"'*'"`) is known; a mapping expression or a method response's
          // `true` (the header is declared) sets nothing CORS Guard can read.
          const text = stringLiteralValue(parent.value);
          const staticValue = text === undefined ? undefined : staticMappingValue(text);
          if (staticValue === undefined) return undefined;
          return {
            header,
            nameNode,
            value: parent.value,
            staticValue,
            shape: 'object',
            node: parent,
            group: enclosingFunction(parent),
          };
        }
        return {
          header,
          nameNode,
          value: parent.value,
          shape: 'object',
          node: parent,
          group: enclosingFunction(parent),
        };
      }
      // Next.js config: { key: 'Access-Control-Allow-Origin', value: '*' }
      if (parent.value === nameNode && staticKeyName(parent.key, parent.computed) === 'key') {
        const valueProp = findProperty(obj, 'value');
        const list = obj.parent;
        return {
          header,
          nameNode,
          value: valueProp?.value,
          shape: 'entry',
          node: obj,
          group: list?.type === T.ArrayExpression ? list : enclosingFunction(obj),
        };
      }
      return undefined;
    }
    case T.ArrayExpression:
      // new Headers([['Access-Control-Allow-Origin', '*'], ...])
      if (
        parent.elements.length === 2 &&
        parent.elements[0] === nameNode &&
        parent.parent?.type === T.ArrayExpression
      ) {
        return {
          header,
          nameNode,
          value: parent.elements[1] ?? undefined,
          shape: 'pair',
          node: parent,
          group: enclosingFunction(parent),
        };
      }
      return undefined;
    case T.MemberExpression: {
      // response.headers['Access-Control-Allow-Origin'] = value
      const assignment = parent.parent;
      if (
        parent.property !== nameNode ||
        !parent.computed ||
        assignment?.type !== T.AssignmentExpression ||
        assignment.left !== parent ||
        assignment.operator !== '='
      ) {
        return undefined;
      }
      if (memberChainHas(parent.object, CLIENT_DEFAULT_MEMBERS)) return undefined;
      return {
        header,
        nameNode,
        value: assignment.right,
        shape: 'assignment',
        node: assignment,
        group: enclosingFunction(assignment),
      };
    }
    default:
      return undefined;
  }
}

function memberChainHas(node: Node, names: ReadonlySet<string>): boolean {
  let n: Node = unwrap(node);
  while (n.type === T.MemberExpression) {
    const name = memberName(n);
    if (name && names.has(name)) return true;
    n = unwrap(n.object);
  }
  return false;
}

/** `assert.deepStrictEqual(headers, { ... })`, `expect(h).toEqual({ ... })`: an expectation in a test. */
function isAssertionArgument(obj: TSESTree.ObjectExpression): boolean {
  const call = obj.parent;
  if (call?.type !== T.CallExpression || !call.arguments.includes(obj)) return false;
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) return ASSERTION_CALLEES.has(callee.name);
  if (callee.type !== T.MemberExpression) return false;
  const method = memberName(callee);
  if (method && ASSERTION_CALLEES.has(method)) return true;
  let root: Node = callee;
  while (root.type === T.MemberExpression || root.type === T.CallExpression) {
    root = unwrap(root.type === T.MemberExpression ? root.object : root.callee);
  }
  return root.type === T.Identifier && (root.name === 'assert' || root.name === 'expect');
}

/** `fetch(url, { headers: { ... } })`, `axios.get(url, { headers })`: headers of a request, not a response. */
function isClientRequestHeaders(obj: TSESTree.ObjectExpression): boolean {
  const prop = obj.parent;
  if (prop?.type !== T.Property || staticKeyName(prop.key, prop.computed) !== 'headers') return false;
  const init = prop.parent;
  const call = init?.parent;
  if (!call || (call.type !== T.CallExpression && call.type !== T.NewExpression)) return false;
  if (!call.arguments.includes(init as TSESTree.ObjectExpression)) return false;
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) return CLIENT_REQUEST_CALLEES.has(callee.name) || callee.name === 'Request';
  if (callee.type === T.MemberExpression) {
    let root: Node = callee;
    while (root.type === T.MemberExpression) root = unwrap(root.object);
    if (root.type === T.Identifier && CLIENT_REQUEST_CALLEES.has(root.name)) return true;
    const method = memberName(callee);
    return !!method && CLIENT_VERB_METHODS.has(method);
  }
  return false;
}

type TraceLeaf = Record<string | symbol, unknown>;

/** Per module: the trace map of every option site it has, the spec as each leaf's info. Built once. */
const TRACE_MAPS: ReadonlyMap<string, TraceLeaf> = (() => {
  const { CALL, CONSTRUCT, READ } = ASTUtils.ReferenceTracker;
  const maps = new Map<string, TraceLeaf>();
  for (const spec of MODULE_OPTION_SITES) {
    const kind = spec.kind === 'call' ? CALL : spec.kind === 'construct' ? CONSTRUCT : READ;
    for (const mod of spec.modules) {
      let map = maps.get(mod);
      if (!map) maps.set(mod, (map = {}));
      let node = map;
      for (const key of spec.path) node = (node[key] ??= {}) as TraceLeaf;
      node[kind] = spec;
      // A class extending the constructed export (through mixins too) passes its options to `super(...)`.
      if (spec.kind === 'construct') node[READ] = spec;
    }
  }
  return maps;
})();

/** A deno.land/x module URL without its version (`https://deno.land/x/cors@v1.2.2/mod.ts` -> `.../cors/mod.ts`). */
function denoModuleName(mod: string): string {
  return mod.startsWith('https://deno.land/x/') ? mod.replace(/^(https:\/\/deno\.land\/x\/[^/@]+)@[^/]+/, '$1') : mod;
}

/** The trace map of a module CORS Guard knows, or of one whose name says it is a CORS middleware. */
function traceMapOf(mod: string): TraceLeaf | undefined {
  const known = TRACE_MAPS.get(denoModuleName(mod)) ?? TRACE_MAPS.get(knownModuleAlias(denoModuleName(mod)) ?? '');
  if (known) return known;
  if (!assumedCorsModule(mod)) return undefined;
  return { [ASTUtils.ReferenceTracker.CALL]: { ...ASSUMED_CORS_SITE, modules: [mod], assumedPackage: mod } };
}

/**
 * Options sites of CORS libraries found by module, however imported, required or renamed: `import`,
 * `require(...)` anywhere, and `import('m')` (awaited and destructured, or handed to `register`).
 */
export function moduleOptionSites(
  globalScope: Scope,
  dynamicImports: readonly TSESTree.ImportExpression[] = [],
): OptionSite[] {
  const program = globalScope.block as TSESTree.Program;
  const imported = new Set<string>();
  for (const stmt of program.body) {
    if (stmt.type === T.ImportDeclaration && stmt.importKind !== 'type' && traceMapOf(stmt.source.value))
      imported.add(stmt.source.value);
  }
  const requires = requireCalls(globalScope);
  const dynamic = dynamicImports.filter((d) => {
    const name = moduleNameOf(d.source);
    return name !== undefined && traceMapOf(name) !== undefined;
  });
  if (imported.size === 0 && requires.size === 0 && dynamic.length === 0) return [];
  const tracker = new ASTUtils.ReferenceTracker(globalScope);
  type TraceMap = Parameters<typeof tracker.iterateEsmReferences>[0];
  const out: OptionSite[] = [];
  const seen = new Set<Node>();
  const add = (spec: ModuleOptionSite & { assumedPackage?: string }, nodes: readonly Node[]) => {
    const at = (n: Node): Node[] =>
      spec.kind === 'register' || spec.kind === 'argument'
        ? readsOf(n, globalScope)
        : spec.kind === 'construct' && n.type !== T.NewExpression
          ? readsOf(n, globalScope).flatMap(superCallsOf)
          : [n];
    for (const node of nodes.flatMap(at)) {
      const site = optionSiteOf(spec.library, spec.kind, node, spec.optionsArg, spec.optionsPath);
      if (site && !seen.has(site.call)) {
        seen.add(site.call);
        const library = adapterLibrary(spec.adapters, program) ?? site.library;
        out.push({
          ...site,
          library,
          ...(spec.onByDefault ? { onByDefault: true } : {}),
          ...(spec.onByDefaultWhen ? { onByDefaultWhen: spec.onByDefaultWhen } : {}),
          ...(spec.argumentFactory ? { argumentFactory: true } : {}),
          ...(spec.dataFiles ? { dataFiles: spec.dataFiles } : {}),
          ...(spec.registration ? { registration: spec.registration } : {}),
          ...(spec.assumedPackage ? { assumedPackage: spec.assumedPackage } : {}),
          ...instanceOptionsOf(site.call, spec.instanceSetters, globalScope),
        });
      }
    }
  };
  if (imported.size > 0) {
    // `import x from 'm'` is module.exports for CommonJS packages and the default export for ES ones;
    // named imports follow the export path either way.
    const esm: Record<string, TraceLeaf> = {};
    for (const mod of imported) {
      const map = traceMapOf(mod)!;
      esm[mod] = { [ASTUtils.ReferenceTracker.ESM]: true, default: map, ...map };
    }
    for (const r of tracker.iterateEsmReferences(esm as TraceMap)) {
      add(r.info as unknown as ModuleOptionSite, [r.node as Node]);
    }
  }
  const traceValue = (value: Node, map: TraceLeaf, esModule: boolean) => {
    const traced = esModule ? { default: map, ...map } : map;
    for (const r of propertyReferences(tracker, value, traced)) add(r.info as ModuleOptionSite, [r.node as Node]);
    const register = map[ASTUtils.ReferenceTracker.READ] as ModuleOptionSite | undefined;
    if (register) add(register, [value]);
  };
  for (const [mod, calls] of requires) {
    const map = traceMapOf(mod)!;
    for (const call of calls) traceValue(call, map, false);
  }
  for (const d of dynamic) {
    // register(import('@fastify/cors'), opts), const { default: cors } = await import('cors')
    const map = traceMapOf(moduleNameOf(d.source)!)!;
    const value = d.parent?.type === T.AwaitExpression ? d.parent : d;
    traceValue(value, map, true);
  }
  return out;
}

/**
 * For a read of a constructed export as a class's superclass (directly or through mixins: `class App extends
 * BootMixin(RestApplication)`), the `super(...)` calls of that class's constructor (LoopBack 4 apps pass
 * their REST options there).
 */
function superCallsOf(node: Node): Node[] {
  let at: Node = node;
  // Mixins wrap the class: `A(B(RestApplication))`, each call taking it as an argument.
  while (at.parent?.type === T.CallExpression && at.parent.arguments.includes(at as never)) at = at.parent;
  const cls = at.parent;
  if ((cls?.type !== T.ClassDeclaration && cls?.type !== T.ClassExpression) || cls.superClass !== at) return [];
  const ctor = cls.body.body.find(
    (m): m is TSESTree.MethodDefinition => m.type === T.MethodDefinition && m.kind === 'constructor',
  );
  const out: Node[] = [];
  for (const stmt of ctor?.value.body?.body ?? []) {
    const e = stmt.type === T.ExpressionStatement ? stmt.expression : undefined;
    if (e?.type === T.CallExpression && e.callee.type === T.Super) out.push(e);
  }
  return out;
}

/**
 * Options set on the instance a call returns, by the row's setter methods: `const io = sio.listen(srv);
 * io.origins(fn)` (the last call of each setter counts).
 */
function instanceOptionsOf(
  call: Node,
  setters: readonly string[] | undefined,
  globalScope: Scope,
): { instanceOptions?: Readonly<Record<string, Node>> } {
  if (!setters || setters.length === 0) return {};
  const holder = call.parent;
  if (holder?.type !== T.VariableDeclarator || holder.init !== call || holder.id.type !== T.Identifier) return {};
  const variable = ASTUtils.findVariable(ASTUtils.getInnermostScope(globalScope, holder.id), holder.id);
  const out: Record<string, Node> = {};
  for (const ref of variable?.references ?? []) {
    const id = ref.identifier as Node;
    const member = id.parent;
    if (member?.type !== T.MemberExpression || member.object !== id) continue;
    const method = memberName(member);
    const setter = member.parent;
    if (!method || !setters.includes(method) || setter?.type !== T.CallExpression || setter.callee !== member) continue;
    const arg = setter.arguments[0];
    if (arg && arg.type !== T.SpreadElement) out[method] = arg;
  }
  return Object.keys(out).length > 0 ? { instanceOptions: out } : {};
}

/** Whether the framework table has option sites for a package (or its name says it is a CORS middleware). */
export function isLibraryModule(name: string): boolean {
  return traceMapOf(name) !== undefined;
}

/**
 * Options sites of a library reached through the project's own modules: a call (or `register`) whose
 * callee resolves to the package's export (`const cors = require('./middleware/cors')` where that module
 * is `module.exports = require('cors')`, a barrel's `export { default as cors } from 'cors'`).
 */
export function packageOptionSites(call: TSESTree.CallExpression, resolver: ValueResolver): OptionSite[] {
  const register = calleeMethodName(call) === 'register' && call.arguments[0] ? call.arguments[0] : undefined;
  const target = register ?? call.callee;
  const values = resolver.resolve(target);
  const only = values.length === 1 ? values[0] : undefined;
  if (only?.kind !== 'package') return [];
  let node: TraceLeaf | undefined = traceMapOf(only.name);
  for (const key of only.path) node = node?.[key] as TraceLeaf | undefined;
  const { CALL, READ } = ASTUtils.ReferenceTracker;
  const spec = node?.[register ? READ : CALL] as (ModuleOptionSite & { assumedPackage?: string }) | undefined;
  if (!spec) return [];
  const site = optionSiteOf(spec.library, spec.kind, register ?? call, spec.optionsArg, spec.optionsPath);
  if (!site) return [];
  const library = adapterLibrary(spec.adapters, programOf(call) ?? (call as never)) ?? site.library;
  return [
    {
      ...site,
      library,
      ...(spec.onByDefault ? { onByDefault: true } : {}),
      ...(spec.assumedPackage ? { assumedPackage: spec.assumedPackage } : {}),
    },
  ];
}

/** The module a dynamic import names, when it is a literal. */
function moduleNameOf(source: Node): string | undefined {
  const s = unwrap(source);
  if (s.type === T.Literal && typeof s.value === 'string') return s.value;
  if (s.type === T.TemplateLiteral && s.expressions.length === 0) return s.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function propertyReferences(
  tracker: unknown,
  node: Node,
  traceMap: unknown,
): Iterable<{ node: unknown; info: unknown }> {
  // Present at run time; typescript-eslint's declaration of ReferenceTracker omits it.
  return (
    tracker as { iteratePropertyReferences(n: unknown, t: unknown): Iterable<{ node: unknown; info: unknown }> }
  ).iteratePropertyReferences(node, traceMap);
}

/**
 * Where a module value is read: the references of the variable an import specifier or
 * `const x = require('m')` declares, or the node itself (`register(require('m'))`).
 */
function readsOf(node: Node, globalScope: Scope): Node[] {
  let id: TSESTree.Identifier | undefined;
  if (
    node.type === T.ImportDefaultSpecifier ||
    node.type === T.ImportSpecifier ||
    node.type === T.ImportNamespaceSpecifier
  ) {
    id = node.local;
  } else if (
    node.parent?.type === T.VariableDeclarator &&
    node.parent.init === node &&
    node.parent.id.type === T.Identifier
  ) {
    id = node.parent.id;
  } else if (node.type === T.Property && node.parent?.type === T.ObjectPattern && node.value.type === T.Identifier) {
    // const { RestApplication } = require('@loopback/rest')
    id = node.value;
  }
  if (!id) return [node];
  const variable = ASTUtils.findVariable(ASTUtils.getInnermostScope(globalScope, id), id);
  return variable ? variable.references.filter((r) => r.isRead()).map((r) => r.identifier as Node) : [];
}

/**
 * `require('m')` calls by module name. ReferenceTracker's CommonJS mode needs `require` declared as a
 * global, which it is not when a CommonJS file is linted as a module (ESLint's default for `.js`).
 */
function requireCalls(globalScope: Scope): Map<string, TSESTree.CallExpression[]> {
  const out = new Map<string, TSESTree.CallExpression[]>();
  const refs = [...globalScope.through, ...(globalScope.set.get('require')?.references ?? [])];
  for (const ref of refs) {
    const id = ref.identifier as Node;
    if (id.type !== T.Identifier || id.name !== 'require') continue;
    const call = id.parent;
    if (call?.type !== T.CallExpression || call.callee !== id) continue;
    const mod = call.arguments[0];
    if (mod?.type !== T.Literal || typeof mod.value !== 'string' || !traceMapOf(mod.value)) continue;
    const list = out.get(mod.value);
    if (list) {
      if (!list.includes(call)) list.push(call);
    } else {
      out.set(mod.value, [call]);
    }
  }
  return out;
}

function optionSiteOf(
  library: LibraryId,
  kind: 'call' | 'construct' | 'register' | 'argument',
  node: Node,
  optionsArg: number | 'last' | 'none',
  path: readonly string[],
): OptionSite | undefined {
  let call: TSESTree.CallExpression | TSESTree.NewExpression;
  if (kind === 'register') {
    // fastify.register(cors, { ... })
    const parent = node.parent;
    if (parent?.type !== T.CallExpression || parent.arguments[0] !== node || calleeMethodName(parent) !== 'register') {
      return undefined;
    }
    call = parent;
  } else if (kind === 'argument') {
    // server.ext('onPreResponse', corsHeaders), server.ext({ type: 'onPreResponse', method: corsHeaders })
    const parent = node.parent;
    const holder =
      parent?.type === T.Property && parent.value === node && parent.parent?.type === T.ObjectExpression
        ? parent.parent
        : node;
    const outer = holder.parent;
    if (outer?.type !== T.CallExpression || !outer.arguments.includes(holder as never)) return undefined;
    call = outer;
  } else {
    if (node.type !== T.CallExpression && node.type !== T.NewExpression) return undefined;
    call = node;
  }
  const args = call.arguments;
  if (optionsArg === 'none') return { library, call, argument: undefined, path: [] };
  const argument =
    optionsArg === 'last'
      ? [...args].reverse().find((a) => unwrap(a).type === T.ObjectExpression || unwrap(a).type === T.Identifier)
      : args[optionsArg];
  if (
    optionsArg === 'last' &&
    argument &&
    args.length === 1 &&
    path.length > 0 &&
    unwrap(argument).type === T.Identifier
  ) {
    // io(httpServer): the only argument is the server, not options
    return undefined;
  }
  return { library, call, argument: argument as Node | undefined, path };
}

/** Options sites recognised by call shape (`app.enableCors(...)`, `server.route({ options: { cors } })`). */
export function shapeOptionSites(call: TSESTree.CallExpression): OptionSite[] {
  const method = calleeMethodName(call);
  const out: OptionSite[] = [];
  for (const base of SHAPE_OPTION_SITES) {
    if (base.method !== method) continue;
    const spec = { ...base, library: adapterLibrary(base.adapters, programOf(call)) ?? base.library };
    const arg = call.arguments[spec.optionsArg] as Node | undefined;
    if (spec.arrayOfObjects && arg && unwrap(arg).type === T.ArrayExpression) {
      for (const el of (unwrap(arg) as TSESTree.ArrayExpression).elements) {
        if (el && el.type !== T.SpreadElement) {
          out.push({
            library: spec.library,
            call,
            argument: el,
            path: spec.optionsPath,
            altPaths: spec.altPaths,
            onByDefault: spec.onByDefault,
            ...(spec.pathBefore ? { pathBefore: spec.pathBefore } : {}),
          });
        }
      }
    } else {
      out.push({
        library: spec.library,
        call,
        argument: arg,
        path: spec.optionsPath,
        altPaths: spec.altPaths,
        onByDefault: spec.onByDefault,
        ...(spec.pathBefore ? { pathBefore: spec.pathBefore } : {}),
      });
    }
  }
  return out;
}

function programOf(node: Node): TSESTree.Program | undefined {
  let n: Node | undefined = node;
  while (n && n.type !== T.Program) n = n.parent;
  return n;
}

const importedModules = new WeakMap<TSESTree.Program, ReadonlySet<string>>();

/** Modules a file imports or requires at its top level. */
function modulesOf(program: TSESTree.Program): ReadonlySet<string> {
  let set = importedModules.get(program);
  if (set) return set;
  const mods = new Set<string>();
  for (const stmt of program.body) {
    if (stmt.type === T.ImportDeclaration) mods.add(stmt.source.value);
    if (stmt.type !== T.VariableDeclaration) continue;
    for (const d of stmt.declarations) {
      let init = d.init ? unwrap(d.init) : undefined;
      while (init?.type === T.MemberExpression) init = unwrap(init.object);
      const arg = init?.type === T.CallExpression ? init.arguments[0] : undefined;
      if (
        init?.type === T.CallExpression &&
        init.callee.type === T.Identifier &&
        init.callee.name === 'require' &&
        arg?.type === T.Literal &&
        typeof arg.value === 'string'
      )
        mods.add(arg.value);
    }
  }
  importedModules.set(program, (set = mods));
  return set;
}

/** The library an adapter module makes the options follow, when the file imports it. */
function adapterLibrary(
  adapters: ModuleOptionSite['adapters'],
  program: TSESTree.Program | undefined,
): LibraryId | undefined {
  if (!adapters || !program) return undefined;
  const mods = modulesOf(program);
  return adapters.find((a) => mods.has(a.module))?.library;
}

/**
 * Options objects judged where they are defined, whoever consumes them (`config/corsOptions.js` exporting
 * `{ origin: (origin, callback) => ..., credentials: true }` for `cors(corsOptions)` in `server.js`): the
 * fix goes there, and that file may be linted without its consumer. Only shapes that leave no doubt
 * count (see `isDefinedCorsOptions`); they are read with the `cors` package's semantics, which NestJS,
 * socket.io and Apollo share.
 */
export function definedOptionSites(objects: readonly TSESTree.ObjectExpression[]): OptionSite[] {
  const out: OptionSite[] = [];
  for (const obj of objects) {
    // The `cors` of a Serverless Framework `http` event is read with that event (below), not as `cors`'s.
    const holder = obj.parent?.parent;
    if (holder?.type === T.ObjectExpression && obj.parent?.type === T.Property && isServerlessHttpEvent(holder))
      continue;
    const typed = typedOptionsOf(obj);
    if (typed) out.push({ library: typed.library, call: obj, argument: obj, path: typed.path });
    else if (isDefinedCorsOptions(obj))
      out.push({ library: definedLibraryOf(obj), call: obj, argument: obj, path: [] });
    else if (isServerlessHttpEvent(obj))
      out.push({ library: 'serverless-http', call: obj, argument: obj, path: ['cors'] });
  }
  return out;
}

/**
 * The library options judged where they are defined are read as: hapi for `routes: { cors: { ... } }` (hapi
 * server options, a glue manifest's `server`), else `cors`.
 */
export function definedLibraryOf(obj: TSESTree.ObjectExpression): LibraryId {
  const prop = obj.parent;
  if (prop?.type !== T.Property || prop.value !== obj || staticKeyName(prop.key, prop.computed) !== 'cors')
    return 'cors';
  const routes = prop.parent?.parent;
  return routes?.type === T.Property && staticKeyName(routes.key, routes.computed) === 'routes' ? 'hapi' : 'cors';
}

/**
 * The library whose options an object literal is, by definition: its option type (`CorsOptions` from
 * `cors`, `Manifest` from `@hapi/glue`), else `cors` when it is CORS options beyond doubt; undefined
 * otherwise. Options judged where they are defined are not judged again at a consumer that reads them
 * the same way.
 */
export function definedOptionsLibrary(obj: TSESTree.ObjectExpression): LibraryId | undefined {
  const typed = typedOptionsOf(obj);
  if (typed) return typed.path.length === 0 ? typed.library : undefined;
  return isDefinedCorsOptions(obj) ? definedLibraryOf(obj) : undefined;
}

/** The option-type row an object literal is annotated with, the type imported from the row's module. */
export function typedOptionsOf(obj: TSESTree.ObjectExpression): TypedOptionsRowMatch | undefined {
  const holder = holderOf(obj);
  const ref = holder?.typeRef;
  if (!ref) return undefined;
  const imports = typeImportsOf(programRoot(obj));
  let module: string | undefined;
  let type: string;
  if (ref.type === T.Identifier) {
    const imported = imports.get(ref.name);
    if (!imported) return undefined;
    module = imported.module;
    type = imported.name;
  } else {
    // cors.CorsOptions, with `import cors from 'cors'` / `import * as hapi from '@hapi/hapi'`
    if (ref.type !== T.TSQualifiedName || ref.left.type !== T.Identifier) return undefined;
    module = imports.get(ref.left.name)?.module;
    type = ref.right.name;
  }
  const row = TYPED_OPTIONS.find((r) => r.types.includes(type) && r.modules.includes(module!));
  return row ? { library: row.library, path: row.path } : undefined;
}

/**
 * An object literal that is CORS options beyond doubt: it has an `origin` property, is held somewhere
 * (a variable, an export, a class field, a property, a factory's return) rather than passed to a call,
 * and either its holder's name or type says CORS (`corsOptions`, `CorsOptions`), or its `origin` is a
 * `(origin, callback)` function, or it is exported with `credentials`.
 */
export function isDefinedCorsOptions(obj: TSESTree.ObjectExpression): boolean {
  const origin = findProperty(obj, 'origin');
  if (!origin) return false;
  const holder = holderOf(obj);
  if (!holder) return false;
  if (/cors/i.test(holder.name) || /cors/i.test(holder.type)) return true;
  const value = origin.value as Node;
  if (isFunction(value) && value.params.length >= 2) return true;
  return holder.exported && !!findProperty(obj, 'credentials');
}

interface TypedOptionsRowMatch {
  readonly library: LibraryId;
  readonly path: readonly string[];
}

const typeImportCache = new WeakMap<TSESTree.Program, Map<string, { module: string; name: string }>>();

/** Local names a program imports, with the module and the name each stands for. */
function typeImportsOf(program: TSESTree.Program): Map<string, { module: string; name: string }> {
  let map = typeImportCache.get(program);
  if (map) return map;
  map = new Map();
  for (const stmt of program.body) {
    if (stmt.type !== T.ImportDeclaration) continue;
    for (const spec of stmt.specifiers) {
      const name =
        spec.type === T.ImportSpecifier
          ? spec.imported.type === T.Identifier
            ? spec.imported.name
            : String(spec.imported.value)
          : '*';
      map.set(spec.local.name, { module: stmt.source.value, name });
    }
  }
  typeImportCache.set(program, map);
  return map;
}

interface Holder {
  readonly name: string;
  readonly type: string;
  /** The annotation's type name as written (`CorsOptions`, `cors.CorsOptions`). */
  readonly typeRef?: TSESTree.EntityName;
  readonly exported: boolean;
}

function holderOf(obj: TSESTree.ObjectExpression): Holder | undefined {
  let node: Node = obj;
  let type = '';
  let typeRef: TSESTree.EntityName | undefined;
  // `{ ... } as CorsOptions`, `{ ... } satisfies CorsOptions`
  while (node.parent?.type === 'TSAsExpression' || node.parent?.type === 'TSSatisfiesExpression') {
    type ||= typeNameOf(node.parent.typeAnnotation);
    typeRef ??= typeRefOf(node.parent.typeAnnotation);
    node = node.parent;
  }
  const h = holderAt(node, type);
  if (!h) return undefined;
  if (typeRef) return { ...h, typeRef };
  if (h.annotation) return { ...h, typeRef: typeRefOf(h.annotation) };
  return h;
}

function holderAt(node: Node, type: string): (Holder & { annotation?: TSESTree.TypeNode }) | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  switch (parent.type) {
    case 'VariableDeclarator': {
      if (parent.init !== node || parent.id.type !== 'Identifier') return undefined;
      const id = parent.id;
      const exported =
        parent.parent?.parent?.type === 'ExportNamedDeclaration' || isExportedName(programRoot(parent), id.name);
      return {
        name: id.name,
        type: type || typeNameOf(id.typeAnnotation?.typeAnnotation),
        exported,
        annotation: id.typeAnnotation?.typeAnnotation,
      };
    }
    case 'ExportDefaultDeclaration':
      return { name: 'default', type, exported: true };
    case 'AssignmentExpression': {
      if (parent.right !== node) return undefined;
      const left = parent.left;
      const name =
        left.type === 'MemberExpression' ? (memberName(left) ?? '') : left.type === 'Identifier' ? left.name : '';
      const exported = left.type === 'MemberExpression' && cjsExportsOf(programRoot(parent)) === node;
      return { name, type, exported: exported || /^exports$/.test(name) };
    }
    case 'PropertyDefinition':
      return parent.value === node
        ? { name: staticKeyName(parent.key, parent.computed) ?? '', type, exported: false }
        : undefined;
    case 'Property':
      // Nested in options handed straight to a call (`startStandaloneServer(server, { cors: {...} })`):
      // that call decides what they mean, not their name.
      return parent.value === node && parent.parent?.type === 'ObjectExpression' && !isCallArgument(parent.parent)
        ? { name: staticKeyName(parent.key, parent.computed) ?? '', type, exported: false }
        : undefined;
    case 'ReturnStatement':
    case 'ArrowFunctionExpression': {
      if (parent.type === 'ArrowFunctionExpression' && parent.body !== node) return undefined;
      const fn = parent.type === 'ArrowFunctionExpression' ? parent : enclosingFunctionOf(parent);
      const name = fn ? functionName(fn) : '';
      return name
        ? {
            name,
            type: type || typeNameOf(fn?.returnType?.typeAnnotation),
            exported: false,
            annotation: fn?.returnType?.typeAnnotation,
          }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** Whether an object literal is (inside) an argument of a call, through nested object literals. */
function isCallArgument(obj: TSESTree.ObjectExpression): boolean {
  let node: Node = obj;
  for (let i = 0; i < 8; i++) {
    const parent: Node | undefined = node.parent;
    if (!parent) return false;
    if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.callee !== node) return true;
    if (parent.type === 'Property' && parent.value === node && parent.parent?.type === 'ObjectExpression') {
      node = parent.parent;
      continue;
    }
    return false;
  }
  return false;
}

function programRoot(node: Node): TSESTree.Program {
  let n = node;
  while (n.parent) n = n.parent;
  return n as TSESTree.Program;
}

function isExportedName(program: TSESTree.Program, name: string): boolean {
  const assigned = cjsExportsOf(program);
  if (assigned?.type === 'Identifier' && assigned.name === name) return true;
  for (const stmt of program.body) {
    if (stmt.type === 'ExportDefaultDeclaration' && stmt.declaration.type === 'Identifier') {
      if (stmt.declaration.name === name) return true;
    }
    if (stmt.type === 'ExportNamedDeclaration' && !stmt.source) {
      for (const s of stmt.specifiers) if (s.local.type === 'Identifier' && s.local.name === name) return true;
    }
  }
  return false;
}

/** The type name an annotation refers to (`CorsOptions`, `cors.CorsOptions`), unwrapping `Partial<…>`. */
function typeRefOf(type: TSESTree.TypeNode | undefined): TSESTree.EntityName | undefined {
  if (type?.type !== 'TSTypeReference') return undefined;
  const name = type.typeName;
  if (name.type === 'Identifier' && (name.name === 'Partial' || name.name === 'Readonly')) {
    return typeRefOf(type.typeArguments?.params[0]);
  }
  return name.type === 'Identifier' || name.type === 'TSQualifiedName' ? name : undefined;
}

function typeNameOf(type: TSESTree.TypeNode | undefined): string {
  if (type?.type !== 'TSTypeReference') return '';
  const name = type.typeName;
  return name.type === 'Identifier' ? name.name : name.type === 'TSQualifiedName' ? name.right.name : '';
}

function enclosingFunctionOf(node: Node): TSESTree.FunctionLike | undefined {
  for (let n = node.parent; n; n = n.parent) if (isFunction(n)) return n;
  return undefined;
}

/** A call's function or method name (`registerAs(...)`, `config.registerAs(...)`). */
function calleeName(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrap(call.callee);
  return callee.type === T.Identifier ? callee.name : calleeMethodName(call);
}

function functionName(fn: TSESTree.FunctionLike): string {
  if ('id' in fn && fn.id?.type === 'Identifier') return fn.id.name;
  const parent = fn.parent;
  // NestJS config namespaces: registerAs('cors', () => ({ ... })) is what ConfigService.get('cors') returns.
  if (parent?.type === 'CallExpression' && parent.arguments[1] === fn && calleeName(parent) === 'registerAs') {
    const key = parent.arguments[0];
    if (key?.type === 'Literal' && typeof key.value === 'string') return key.value;
  }
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  // exports.corsOptionsFor = (origin) => ({ ... })
  if (parent?.type === 'AssignmentExpression' && parent.right === fn && parent.left.type === 'MemberExpression') {
    return memberName(parent.left) ?? '';
  }
  if ((parent?.type === 'Property' || parent?.type === 'MethodDefinition') && !parent.computed) {
    return staticKeyName(parent.key, false) ?? '';
  }
  return '';
}
