/**
 * Helpers judged where they live. A function that sets Access-Control-Allow-Origin from one of its
 * parameters (`setCors(res, origin)`, `corsHeaders(origin)`) holds the check, and the fix, for every
 * caller: when its own file is linted, the parameter is bound to what the callers in other modules pass
 * (found through the reverse import index, importers.ts), so the check inside is judged on the request's
 * Origin and reported there, with the callers as related locations.
 *
 * Precision: the parameter is judged as the request's Origin only when that is grounded.
 * - `callers`: a caller passes request data (its argument resolves to the Origin or other request data);
 *   the parameter is then bound to every caller's argument, so a caller's own exact check still counts.
 * - `name`: no caller says what it passes (none found, or their arguments are unknown), and the parameter
 *   is named for an origin and tested by a pattern check that names a host (`origin.endsWith('example.com')`):
 *   only those checked origins are judged; an unchecked one says nothing (a config helper
 *   `setAllowOrigin(res, url)` is not a finding).
 * - Callers that all pass known values (`setCors(res, 'https://a.example')`) bind the parameter to them.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { stringLiteralValue, type FunctionNode, type Node } from './ast';
import { isPatternCheck } from './checks/checks';
import { ACAO } from './headers/header-names';
import { importersOf } from './values/importers';
import { foreignModuleOf, programOf } from './values/locations';
import type { LoadedModule, ModuleSession } from './values/modules';
import { resolveModule } from './values/modules';
import { cjsExportsOf, exportName, isExportsObject } from './values/syntax';
import { isRequestControlled, type Value, type ValueResolver } from './values/values';
import type { HelperJudgement, OriginSpec, Policy, PolicyBuilder } from './policy';
import type { HeaderSite, OptionSite } from './sites/sites';

const ORIGIN_NAME = /origin/i;

/** A call of the helper in another module, with what it passes. */
interface Caller {
  readonly call: TSESTree.CallExpression;
  readonly args: readonly (readonly Value[] | undefined)[];
}

/** Parameters (by index) whose value reaches Access-Control-Allow-Origin in `sites`. */
export function originParameters(fn: FunctionNode, sites: readonly HeaderSite[], resolver: ValueResolver): number[] {
  const acao = sites.filter((s) => s.header === ACAO && s.value);
  if (acao.length === 0) return [];
  const out: number[] = [];
  fn.params.forEach((p, i) => {
    const id = p.type === T.AssignmentPattern ? p.left : p;
    if (id.type !== T.Identifier) return;
    const marker: Value = { kind: 'origin', what: id.name, node: id, sites: [id] };
    const b = resolver.bind(
      fn,
      fn.params.map((_, j) => (j === i ? [marker] : undefined)),
    );
    if (acao.some((s) => resolver.resolve(s.value!, b).some((v) => v.node === id))) out.push(i);
  });
  return out;
}

/** Whether the linted file (`self`) exports `fn` under `name`, as its importers would read it. */
function exportsFunction(
  resolver: ValueResolver,
  self: LoadedModule,
  name: string,
  fn: FunctionNode,
  at: Node,
): boolean {
  return resolver.exportOf(self, name, 0, at).some((v) => v.kind === 'function' && v.fn === fn);
}

/** Whether `node` is `require('<spec>')` naming the module at `target`. */
function requiredFile(node: Node | null | undefined, from: string, target: string, session: ModuleSession): boolean {
  if (node?.type !== T.CallExpression) return false;
  const callee = node.callee;
  if (callee.type !== T.Identifier || callee.name !== 'require' || node.arguments.length !== 1) return false;
  const spec = stringLiteralValue(node.arguments[0] as Node);
  return spec !== undefined && resolveModule(spec, from, session.root, session.fs) === target;
}

/**
 * A module the helper's callers may import it from: the helper's own module, or a barrel that re-exports
 * it (`export * from './cors'`, `export { corsHeaders as buildCors } from './cors'`, `module.exports =
 * require('./cors')`), with the helper module's export name for each name the barrel exports.
 */
interface ExportRoute {
  readonly path: string;
  readonly original: (name: string) => string | undefined;
}

/** Text a barrel has: `export * from`, `export { … }`, `module.exports = require(`. */
const REEXPORT = /\bexport\s*(?:\*|\{)|\bmodule\.exports\s*=\s*require\s*\(/;

/** Barrels followed from the helper's module: hops, and routes in all (each costs an importer search). */
export const BARREL_LIMITS = { maxHops: 3, maxRoutes: 8 } as const;

/**
 * The routes to the module at `target`: itself, then the project's barrels that re-export from it (found
 * among its importers, breadth first, within `BARREL_LIMITS`). The linted file is never loaded as one.
 */
function exportRoutes(target: string, session: ModuleSession): ExportRoute[] {
  const routes: (ExportRoute & { hops: number })[] = [{ path: target, original: (n) => n, hops: 0 }];
  const seen = new Set([target]);
  for (let i = 0; i < routes.length; i++) {
    const route = routes[i]!;
    if (route.hops >= BARREL_LIMITS.maxHops) continue;
    for (const path of importersOf(route.path, session.root, session.fs)) {
      if (seen.has(path) || routes.length >= BARREL_LIMITS.maxRoutes) continue;
      // Only a file that re-exports anything is parsed (and becomes a dependency of this lint).
      if (!REEXPORT.test(session.fs.readFile(path) ?? '')) continue;
      const module = session.loadFile(path);
      const names = module ? reexportsOf(module, route, session) : undefined;
      if (!names) continue;
      seen.add(path);
      routes.push({ path, original: names, hops: route.hops + 1 });
    }
  }
  return routes;
}

/** What a module re-exports from `route` (its name -> the helper module's), or undefined if nothing. */
function reexportsOf(
  module: LoadedModule,
  route: ExportRoute,
  session: ModuleSession,
): ((name: string) => string | undefined) | undefined {
  const names = (spec: Node) => {
    const s = stringLiteralValue(spec);
    return s !== undefined && resolveModule(s, module.path, session.root, session.fs) === route.path;
  };
  let star = false;
  const named = new Map<string, string>();
  /** Local names bound by `import ... from` the route: local -> the name imported. */
  const imported = new Map<string, string>();
  for (const stmt of module.program.body) {
    if (stmt.type === T.ImportDeclaration && stmt.importKind !== 'type' && names(stmt.source)) {
      for (const s of stmt.specifiers) {
        if (s.type === T.ImportSpecifier) imported.set(s.local.name, exportName(s.imported));
        else if (s.type === T.ImportDefaultSpecifier) imported.set(s.local.name, 'default');
      }
    }
  }
  for (const stmt of module.program.body) {
    if (stmt.type === T.ExportAllDeclaration && stmt.exportKind !== 'type' && !stmt.exported && names(stmt.source)) {
      star = true;
    } else if (stmt.type === T.ExportNamedDeclaration && stmt.exportKind !== 'type') {
      for (const s of stmt.specifiers) {
        if (s.type !== T.ExportSpecifier || s.exportKind === 'type') continue;
        const local = exportName(s.local);
        const from = stmt.source ? (names(stmt.source) ? local : undefined) : imported.get(local);
        if (from !== undefined) named.set(exportName(s.exported), from);
      }
    } else if (stmt.type === T.ExportDefaultDeclaration && stmt.declaration.type === T.Identifier) {
      const from = imported.get(stmt.declaration.name);
      if (from !== undefined) named.set('default', from);
    }
  }
  // module.exports = require('./cors')
  const assigned = cjsExportsOf(module.program);
  if (assigned && requiredFile(assigned, module.path, route.path, session)) star = true;
  if (!star && named.size === 0) return undefined;
  return (name) => {
    const own = named.get(name) ?? (star && name !== 'default' ? name : undefined);
    return own === undefined ? undefined : route.original(own);
  };
}

/** Calls of the linted file's `fn` in `importer` (named, default, namespace and `require` imports). */
function callsIn(
  importer: LoadedModule,
  fn: FunctionNode,
  self: LoadedModule,
  route: ExportRoute,
  session: ModuleSession,
  resolver: ValueResolver,
): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const exports = (name: string, at: Node) => {
    const original = route.original(name);
    return original !== undefined && exportsFunction(resolver, self, original, fn, at);
  };
  /** A local binding of the module (`ns`) or of one export (`name`), and the calls through it. */
  const follow = (id: TSESTree.Identifier, name: string | undefined) => {
    const variable = resolver.variableOf(id);
    for (const ref of variable?.references ?? []) {
      const r = ref.identifier as Node;
      const parent = r.parent;
      if (name !== undefined && parent?.type === T.CallExpression && parent.callee === r) {
        if (exports(name, r)) calls.push(parent);
      } else if (
        name === undefined &&
        parent?.type === T.MemberExpression &&
        parent.object === r &&
        !parent.computed &&
        parent.property.type === T.Identifier &&
        parent.parent?.type === T.CallExpression &&
        parent.parent.callee === parent
      ) {
        if (exports(parent.property.name, r)) calls.push(parent.parent);
      } else if (name === 'default' && parent?.type === T.MemberExpression && parent.object === r) {
        // `const lib = require('./cors'); lib.setCors(...)`: `module.exports = { setCors }`
        const p = parent.property;
        if (!parent.computed && p.type === T.Identifier && parent.parent?.type === T.CallExpression) {
          if (parent.parent.callee === parent && exports(p.name, r)) calls.push(parent.parent);
        }
      }
    }
  };
  const stack: Node[] = [importer.program];
  let visited = 0;
  while (stack.length > 0 && visited++ < 200_000) {
    const node = stack.pop()!;
    if (node.type === T.ImportDeclaration) {
      if (node.importKind === 'type') continue;
      const spec = stringLiteralValue(node.source);
      if (spec === undefined || resolveModule(spec, importer.path, session.root, session.fs) !== route.path) continue;
      for (const s of node.specifiers) {
        if (s.type === T.ImportSpecifier) {
          const imported = s.imported.type === T.Identifier ? s.imported.name : s.imported.value;
          follow(s.local, imported);
        } else if (s.type === T.ImportDefaultSpecifier) follow(s.local, 'default');
        else follow(s.local, undefined);
      }
      continue;
    }
    if (node.type === T.VariableDeclarator && requiredFile(node.init, importer.path, route.path, session)) {
      if (node.id.type === T.Identifier) follow(node.id, 'default');
      else if (node.id.type === T.ObjectPattern) {
        for (const p of node.id.properties) {
          if (p.type !== T.Property || p.computed || p.key.type !== T.Identifier) continue;
          if (p.value.type === T.Identifier) follow(p.value, p.key.name);
        }
      }
      continue;
    }
    for (const key in node) {
      if (key === 'parent' || key === 'loc' || key === 'range') continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c === 'object' && typeof (c as Node).type === 'string') stack.push(c);
      } else if (child && typeof child === 'object' && typeof (child as Node).type === 'string') {
        stack.push(child as Node);
      }
    }
  }
  return calls;
}

/** The linted file as a module (for `exportOf`), without registering it as a foreign one. */
function selfModule(program: TSESTree.Program, session: ModuleSession): LoadedModule {
  return {
    path: session.linted,
    text: '',
    program,
    headerNames: [],
    originObjects: [],
    getScope: () => {
      throw new Error('the linted file has its own scopes');
    },
  };
}

/** Each lint's answers of `foreignCallers`, per function and resolver (a helper is asked about up to three times). */
const callersMemo = new WeakMap<ModuleSession, WeakMap<FunctionNode, { resolver: ValueResolver; callers: Caller[] }>>();

/** The calls of `fn` (declared in the linted file) in the project's other modules, with their arguments. */
function foreignCallers(fn: FunctionNode, resolver: ValueResolver, session: ModuleSession): Caller[] {
  let memo = callersMemo.get(session);
  if (!memo) callersMemo.set(session, (memo = new WeakMap()));
  const hit = memo.get(fn);
  if (hit?.resolver === resolver) return hit.callers;
  const callers = findForeignCallers(fn, resolver, session);
  memo.set(fn, { resolver, callers });
  return callers;
}

/** Whether `id` is what a call or `new` calls (`f(...)`, `f?.(...)`, `new F(...)`). */
function isCallee(id: Node): boolean {
  const p = id.parent;
  return (p?.type === T.CallExpression || p?.type === T.NewExpression) && p.callee === id;
}

/** `exports`, `module` or `module.exports`, handed to a call (`Object.defineProperty(exports, 'f', ...)`). */
function isExportsArgument(arg: Node): boolean {
  if (arg.type === T.Identifier) return arg.name === 'exports' || arg.name === 'module';
  return isExportsObject(arg);
}

/**
 * Whether another module may reach `fn`: false only when no way up from it is open, so that the search
 * for its callers in other modules (a reverse import index, a resolution per candidate) is spent on
 * functions that can have some. Open: an `export` or `module.exports`/`exports.x` on the way up, a call
 * handed `exports`, an assignment to a member, a destructuring, and any binding on the way up that is read
 * other than by calling it (passed, aliased, exported, returned); `fn`'s own name may be called here.
 */
function mayBeImported(fn: FunctionNode, resolver: ValueResolver): boolean {
  const escapes = (id: TSESTree.Identifier, direct: boolean) => {
    const variable = resolver.variableOf(id);
    if (!variable) return true;
    return variable.references.some((r) => r.isRead() && !(direct && isCallee(r.identifier as Node)));
  };
  if (fn.type === T.FunctionDeclaration && fn.id && escapes(fn.id, true)) return true;
  let child: Node = fn;
  for (let n: Node | undefined = fn.parent; n && n.type !== T.Program; child = n, n = n.parent) {
    switch (n.type) {
      case T.ExportNamedDeclaration:
      case T.ExportDefaultDeclaration:
      case T.TSExportAssignment:
        return true;
      case T.AssignmentExpression:
        if (n.right !== child) break;
        if (n.left.type !== T.Identifier || escapes(n.left, child === fn)) return true;
        break;
      case T.VariableDeclarator:
        if (n.init !== child) break;
        if (n.id.type !== T.Identifier || escapes(n.id, child === fn)) return true;
        break;
      case T.FunctionDeclaration:
      case T.ClassDeclaration:
        if (n.id && escapes(n.id, false)) return true;
        break;
      case T.CallExpression:
      case T.NewExpression:
        if (n.arguments.some((a) => isExportsArgument(a as Node))) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

function findForeignCallers(fn: FunctionNode, resolver: ValueResolver, session: ModuleSession): Caller[] {
  if (!mayBeImported(fn, resolver)) return [];
  const program = programOf(fn);
  const self = selfModule(program, session);
  const out: Caller[] = [];
  const seen = new Set<Node>();
  for (const route of exportRoutes(session.linted, session)) {
    for (const path of importersOf(route.path, session.root, session.fs)) {
      const importer = session.loadFile(path);
      if (!importer) continue;
      for (const call of callsIn(importer, fn, self, route, session, resolver)) {
        if (seen.has(call)) continue;
        seen.add(call);
        const args = call.arguments.map((a) => (a.type === T.SpreadElement ? undefined : resolver.resolve(a)));
        out.push({ call, args });
      }
    }
  }
  return out;
}

/** The calls of `fn` (declared in the linted file and exported) in the project's other modules. */
export function callersOf(
  fn: FunctionNode,
  resolver: ValueResolver,
  session: ModuleSession,
): TSESTree.CallExpression[] {
  return foreignCallers(fn, resolver, session).map((c) => c.call);
}

/**
 * Whether a reflected origin is decided by a check of another module than the helper's (a caller's own
 * check); `if (origin)` and the like decide nothing. The caller's side keeps exactly these.
 */
function decidedByCaller(spec: OriginSpec, helperProgram: TSESTree.Program): boolean {
  return (
    spec.type === 'reflect' &&
    spec.guard.all.some((c) => c.kind !== 'useless' && c.kind !== 'absent' && programOf(c.node) !== helperProgram)
  );
}

/**
 * The policies of a helper of the linted file that no call in the file judges: its origin parameters
 * bound to what the callers in other modules pass, or, with no caller to tell, taken as the request's
 * Origin when the name and a host check say so. Undefined when nothing grounds a judgement (the helper is
 * then judged as written).
 */
export function helperPolicies(
  fn: FunctionNode,
  sites: readonly HeaderSite[],
  varyCalls: readonly TSESTree.CallExpression[],
  resolver: ValueResolver,
  builder: PolicyBuilder,
  session: ModuleSession,
): Policy[] | undefined {
  const params = originParameters(fn, sites, resolver);
  if (params.length === 0) return undefined;
  const callers = foreignCallers(fn, resolver, session);
  const passesRequest = (c: Caller) => params.some((i) => c.args[i]?.some(isRequestControlled));
  const requestCallers = callers.filter(passesRequest);
  const allKnown =
    callers.length > 0 && callers.every((c) => params.every((i) => c.args[i]?.every((v) => v.kind !== 'unknown')));
  if (requestCallers.length > 0 || allKnown) {
    // Some callers pass known values that are not request data, others pass the request's: the helper is
    // safe as its other callers use it, and each request-passing call is its own fix location, reported
    // there (placement.ts). The helper is judged for the others.
    const knownOther = callers.filter(
      (c) => !passesRequest(c) && params.every((i) => c.args[i]?.every((v) => v.kind !== 'unknown')),
    );
    const judgedFor = requestCallers.length > 0 && knownOther.length > 0 ? knownOther : callers;
    // Every caller's arguments, together: each value keeps its own flow, so a caller's guard still applies.
    const args = fn.params.map((_, i) => {
      const all = judgedFor.flatMap((c) => c.args[i] ?? []);
      return all.length > 0 ? all : undefined;
    });
    const b = resolver.bind(fn, args);
    const first = fn.params[params[0]!]!;
    const id = first.type === T.AssignmentPattern ? first.left : first;
    const parameter = id.type === T.Identifier ? id.name : 'origin';
    return builder.headerPolicies(sites, varyCalls, b).map((p) => {
      const origins = p.origins.filter((s) => !decidedByCaller(s, programOf(fn)));
      // The callers named: those whose request data is still judged here (not decided by their own check).
      const reflected = new Set(origins.flatMap((s) => (s.type === 'reflect' ? [programOf(s.source ?? s.node)] : [])));
      const named = requestCallers.filter((c) => reflected.has(programOf(c.call))).map((c) => c.call);
      const helper: HelperJudgement | undefined =
        named.length > 0 ? { parameter, grounds: 'callers', callers: named } : undefined;
      return { ...p, origins, ...(helper ? { helper } : {}) };
    });
  }
  // Nothing known of the callers: the parameter's name and a host check inside say it is an origin.
  const named = params.filter((i) => {
    const p = fn.params[i]!;
    const id = p.type === T.AssignmentPattern ? p.left : p;
    return id.type === T.Identifier && ORIGIN_NAME.test(id.name);
  });
  if (named.length === 0) return undefined;
  const markers = fn.params.map((p, i): Value[] | undefined => {
    const id = p.type === T.AssignmentPattern ? p.left : p;
    return named.includes(i) && id.type === T.Identifier
      ? [{ kind: 'origin', what: id.name, node: id, sites: [id] }]
      : undefined;
  });
  const b = resolver.bind(fn, markers);
  const param = fn.params[named[0]!]!;
  const id = (param.type === T.AssignmentPattern ? param.left : param) as TSESTree.Identifier;
  const helper: HelperJudgement = { parameter: id.name, grounds: 'name', callers: [] };
  // Judged: origins tested by a pattern check that names a host (the finding), or by an exact one (the
  // safe look-alike, for the map); an unchecked or otherwise checked one is left as written.
  const judged = (s: OriginSpec) =>
    s.type === 'reflect' &&
    (s.guard.strength === 'exact' ||
      s.guard.all.some((c) => isPatternCheck(c) && c.verdict.kind !== 'inconclusive' && c.verdict.hosts.length > 0));
  const policies = builder
    .headerPolicies(sites, varyCalls, b)
    .map((p) => ({ ...p, origins: p.origins.filter((s) => s.type !== 'reflect' || judged(s)), helper }))
    .filter((p) => p.origins.some(judged));
  return policies.length > 0 ? policies : undefined;
}

/** A value a caller passes that says what a check compares against: a string, a pattern, a list of them. */
function checkData(v: Value, depth = 0): boolean {
  if (v.kind === 'regexp') return true;
  if (v.kind === 'literal') return typeof v.value === 'string';
  if ((v.kind === 'array' || v.kind === 'set') && depth === 0)
    return v.elements.length > 0 && v.elements.every((e) => checkData(e, 1));
  return false;
}

/** The name `id` (in another module) imports from the linted file, when it is such an import. */
function importedFromLinted(id: TSESTree.Identifier, session: ModuleSession): string | undefined {
  const program = programOf(id);
  const from = foreignModuleOf(id)?.path;
  if (!from) return undefined;
  for (const statement of program.body) {
    if (statement.type !== T.ImportDeclaration || typeof statement.source.value !== 'string') continue;
    const spec = statement.specifiers.find((s) => s.type === T.ImportSpecifier && s.local.name === id.name);
    if (spec?.type !== T.ImportSpecifier) continue;
    if (resolveModule(statement.source.value, from, session.root, session.fs) !== session.linted) return undefined;
    return spec.imported.type === T.Identifier ? spec.imported.name : String(spec.imported.value);
  }
  return undefined;
}

/**
 * The policies of a helper of the linted file that reads the request's Origin itself and checks it
 * against what its callers pass (`applyCors(req, res, ALLOWED_ORIGINS)`, `withCors(request, response,
 * patterns)`): the parameters every caller in other modules fills with strings, patterns or lists of them
 * are bound to all those arguments, so the check is judged here, once, with the callers listed.
 * Undefined when no caller passes such data (the helper is then judged as written).
 */
export function listParameterPolicies(
  fn: FunctionNode,
  sites: readonly HeaderSite[],
  varyCalls: readonly TSESTree.CallExpression[],
  resolver: ValueResolver,
  builder: PolicyBuilder,
  session: ModuleSession,
): Policy[] | undefined {
  // Only a helper that sends the request's Origin has a check for its callers' lists to decide; the
  // search for callers is not spent on the others.
  const reflects = sites.some(
    (s) => s.header === ACAO && s.value && resolver.resolve(s.value).some(isRequestControlled),
  );
  if (!reflects) return undefined;
  const data = callersData(fn, resolver, session);
  if (!data) return undefined;
  return builder
    .headerPolicies(sites, varyCalls, resolver.bind(fn, data.bound))
    .map((p) => ({ ...p, callers: data.calls }));
}

/**
 * The policies of a library call inside such a helper (`function corsFor(list) { return cors({ origin: list,
 * credentials: true }); }`, called as `corsFor([/^https:\/\/a\.example\.com$/])` in other modules): the options
 * judged with the parameters bound to everything the callers pass, once, here, with the callers listed.
 * Undefined when the call is not in such a helper (it is then judged as written).
 */
export function listParameterOptionPolicies(
  site: OptionSite,
  resolver: ValueResolver,
  builder: PolicyBuilder,
  session: ModuleSession,
): Policy[] | undefined {
  let fn: FunctionNode | undefined;
  for (let n: Node | undefined = site.call.parent; n && !fn; n = n.parent)
    if (n.type === T.ArrowFunctionExpression || n.type === T.FunctionExpression || n.type === T.FunctionDeclaration)
      fn = n;
  if (!fn || fn.params.length === 0 || localCallsOf(fn, resolver).length > 0) return undefined;
  // Only parameters the options read (`origin: list`, a callback testing `list`): a helper that takes the app or a
  // name is judged as written.
  const within = site.argument ?? site.call;
  const read = fn.params.map((p) => {
    const id = p.type === T.AssignmentPattern ? p.left : p;
    const variable = id.type === T.Identifier ? resolver.variableOf(id) : undefined;
    return !!variable?.references.some(
      (r) => r.identifier.range[0] >= within.range[0] && r.identifier.range[1] <= within.range[1],
    );
  });
  if (!read.some(Boolean)) return undefined;
  const data = callersData(fn, resolver, session);
  if (!data || !data.bound.some((b, i) => b !== undefined && read[i])) return undefined;
  return builder.optionPolicies(site, resolver.bind(fn, data.bound)).map((p) => ({ ...p, callers: data.calls }));
}

/**
 * What every caller in other modules passes to `fn`, per parameter, where all of them pass strings, patterns or
 * lists of them (the data an origin check is made of); undefined when no parameter is filled that way.
 */
function callersData(
  fn: FunctionNode,
  resolver: ValueResolver,
  session: ModuleSession,
): { bound: (Value[] | undefined)[]; calls: TSESTree.CallExpression[] } | undefined {
  const callers = foreignCallers(fn, resolver, session);
  if (callers.length === 0) return undefined;
  const self = selfModule(programOf(fn), session);
  const bound = fn.params.map((_, i) => {
    const all = callers.map((c) => {
      const arg = c.call.arguments[i];
      // A list the caller imports from this very file (`import { allowedOrigins, withCors } from './cors'`).
      const name = arg?.type === T.Identifier ? importedFromLinted(arg, session) : undefined;
      return name !== undefined ? resolver.exportOf(self, name, 0, arg!) : c.args[i];
    });
    return all.every((a) => a && a.length > 0 && a.every((v) => checkData(v))) ? all.flatMap((a) => a!) : undefined;
  });
  if (bound.every((a) => a === undefined)) return undefined;
  return { bound, calls: callers.map((c) => c.call) };
}

/**
 * The function an object literal is what it returns (`(origin) => ({ origin, credentials: true })`,
 * `function corsOptions(origin) { return { ... }; }`), through `as` and `satisfies`.
 */
export function returningFunction(obj: TSESTree.ObjectExpression): FunctionNode | undefined {
  let node: Node = obj;
  while (node.parent?.type === T.TSAsExpression || node.parent?.type === T.TSSatisfiesExpression) node = node.parent;
  const parent = node.parent;
  if (parent?.type === T.ArrowFunctionExpression && parent.body === node) return parent;
  if (parent?.type !== T.ReturnStatement) return undefined;
  for (let n: Node | undefined = parent.parent; n; n = n.parent) {
    if (n.type === T.ArrowFunctionExpression || n.type === T.FunctionExpression || n.type === T.FunctionDeclaration)
      return n;
  }
  return undefined;
}

/**
 * The policies of options returned by a factory of the linted file that no call in the file judges
 * (`export const corsOptionsFor = (origin) => ({ origin, credentials: true })`, consumed as
 * `cors((req, cb) => cb(null, corsOptionsFor(req.header('Origin'))))` in another module): its parameters
 * bound to what the callers pass, when one of them passes request data. Undefined otherwise (the options
 * are then judged as written).
 */
export function optionsFactoryPolicies(
  site: OptionSite,
  fn: FunctionNode,
  resolver: ValueResolver,
  builder: PolicyBuilder,
  session: ModuleSession,
): Policy[] | undefined {
  if (fn.params.length === 0) return undefined;
  const callers = foreignCallers(fn, resolver, session);
  const passing = fn.params.findIndex((_, i) => callers.some((c) => c.args[i]?.some(isRequestControlled)));
  if (passing < 0) return undefined;
  const args = fn.params.map((_, i) => {
    const all = callers.flatMap((c) => c.args[i] ?? []);
    return all.length > 0 ? all : undefined;
  });
  const param = fn.params[passing]!;
  const id = param.type === T.AssignmentPattern ? param.left : param;
  const named = callers.filter((c) => c.args[passing]?.some(isRequestControlled)).map((c) => c.call);
  const helper: HelperJudgement = {
    parameter: id.type === T.Identifier ? id.name : 'origin',
    grounds: 'callers',
    callers: named,
  };
  const home = programOf(fn);
  return builder.optionPolicies(site, resolver.bind(fn, args)).map((p) => {
    if (!p.origins.some((s) => s.type === 'reflect')) return p;
    // What a caller passes is reported where the factory writes it (the `origin` property), not at the call.
    const at = (p.originProperty?.value as Node | undefined) ?? p.node;
    const origins = p.origins.map((s) =>
      s.type === 'reflect' && programOf(s.node) !== home ? { ...s, node: at, what: helper.parameter } : s,
    );
    return { ...p, origins, helper };
  });
}

/** Calls of a function declared in the linted file, from the linted file (`function f(){}`, `const f = () => {}`). */
export function localCallsOf(fn: FunctionNode, resolver: ValueResolver): TSESTree.CallExpression[] {
  let id: TSESTree.Identifier | undefined;
  if (fn.type === 'FunctionDeclaration' && fn.id) id = fn.id;
  else if (fn.parent?.type === 'VariableDeclarator' && fn.parent.init === fn && fn.parent.id.type === 'Identifier') {
    id = fn.parent.id;
  }
  const variable = id ? resolver.variableOf(id) : undefined;
  if (!variable) return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const ref of variable.references) {
    const parent = ref.identifier.parent;
    if (parent?.type === 'CallExpression' && parent.callee === ref.identifier && !isInside(parent, fn)) {
      calls.push(parent);
    }
  }
  return calls;
}

function isInside(node: Node, ancestor: Node): boolean {
  return (
    node.range[0] >= ancestor.range[0] && node.range[1] <= ancestor.range[1] && programOf(node) === programOf(ancestor)
  );
}
