/**
 * Framework conventions that load CORS settings by file name (`config/cors.ts`, `config/middlewares.js`,
 * `config/security.js`) or from data files a call loads (LoopBack 3 `middleware.json`): the rows of
 * `CONFIG_CONVENTIONS` and the `dataFiles` of `MODULE_OPTION_SITES`, turned into options sites.
 */
import * as nodePath from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { memberName, stringLiteralValue, unwrap, type Node } from '../ast';
import {
  AUTO_IMPORTED_OPTION_SITES,
  GLOBAL_CONSTRUCT_SITES,
  CONFIG_CONVENTIONS,
  ROUTE_RULES,
  type RouteRulesConvention,
  type ConfigConvention,
  type ConventionStep,
  type DataFiles,
  type Registration,
} from './frameworks';
import type { OptionSite } from './sites';
import { compareVersions, lowestVersion, type ProjectVersion } from './releases';
import type { LoadedModule, ModuleSession } from '../values/modules';
import { cjsExportsOf, type Scope, type Value, type ValueResolver } from '../values/values';

/** What conventions need to know about the linted file's project. */
export interface ConventionProject {
  /** The linted file (absolute path). */
  readonly file: string;
  /** The packages the package.json in `dir` depends on; undefined when `dir` has none. */
  dependenciesAt(dir: string): ReadonlySet<string> | undefined;
  /** The version of a package the project uses (installed, else locked, else the declared range). */
  packageVersion?(name: string): ProjectVersion | undefined;
}

/** Folders above a config file a convention may name (`config/env/production/middlewares.js`: 3). */
const MAX_CONVENTION_DEPTH = 4;

/** The rows whose file pattern matches the linted file, with the project root it is relative to. */
function matchingConventions(project: ConventionProject): { row: ConfigConvention; root: string }[] {
  const parts = project.file.split(/[\\/]/);
  const out: { row: ConfigConvention; root: string }[] = [];
  for (let k = 2; k <= Math.min(MAX_CONVENTION_DEPTH, parts.length - 1); k++) {
    const rel = parts.slice(parts.length - k).join('/');
    const rows = CONFIG_CONVENTIONS.filter((row) => row.file.test(rel));
    if (rows.length === 0) continue;
    // The root is the folder of the nearest package.json: a matching name below another package.json
    // (`src/config/cors.ts` of a package in `src/`) is not the convention.
    const root = parts.slice(0, parts.length - k).join('/') || '/';
    if (!project.dependenciesAt(root)) continue;
    if (nearerPackage(project, parts, k)) continue;
    for (const row of rows) out.push({ row, root });
  }
  return out;
}

function nearerPackage(project: ConventionProject, parts: readonly string[], k: number): boolean {
  for (let j = 1; j < k; j++) {
    if (project.dependenciesAt(parts.slice(0, parts.length - j).join('/'))) return true;
  }
  return false;
}

/** Modules the file imports (type-only imports included: `import type { CorsConfig }` marks AdonisJS 5). */
function importsOf(program: TSESTree.Program): Set<string> {
  const out = new Set<string>();
  for (const stmt of program.body) {
    if (stmt.type === T.ImportDeclaration) out.add(stmt.source.value);
  }
  return out;
}

function versionApplies(row: ConfigConvention, project: ConventionProject): boolean {
  const bound = row.versions;
  const version = bound ? lowestVersion(project.packageVersion?.(bound.package)) : undefined;
  if (!bound || version === undefined) return !bound?.from;
  if (bound.below && compareVersions(version, bound.below) >= 0) return false;
  return !bound.from || compareVersions(version, bound.from) >= 0;
}

/** Options sites of the conventions the linted file follows. */
export function conventionOptionSites(
  program: TSESTree.Program,
  project: ConventionProject,
  resolver: ValueResolver,
): OptionSite[] {
  const matches = matchingConventions(project);
  if (matches.length === 0) return [];
  const imports = importsOf(program);
  const out: OptionSite[] = [];
  for (const { row, root } of matches) {
    const deps = project.dependenciesAt(root)!;
    const marked = (row.dependencies ?? []).some((d) => deps.has(d)) || (row.imports ?? []).some((m) => imports.has(m));
    if (!marked || !versionApplies(row, project)) continue;
    const self: LoadedModule = {
      path: project.file,
      text: '',
      program,
      headerNames: [],
      originObjects: [],
      getScope: () => {
        throw new Error('unused');
      },
    };
    const exported = resolver.exportOf(self, row.exportName, 0, program);
    out.push(...sitesAlong(row.library, exported, row.path, resolver, program, undefined));
  }
  return out;
}

/**
 * Options sites of a call that loads data files (`boot(app, __dirname)`): each file in the folder the call
 * names is read (bounded like any module) and its options are judged; findings are placed at the call.
 */
export function dataFileSites(
  site: OptionSite & { readonly dataFiles: DataFiles },
  session: ModuleSession,
  resolver: ValueResolver,
): OptionSite[] {
  const files = site.dataFiles;
  const call = site.call;
  if (call.type !== T.CallExpression && call.type !== T.NewExpression) return [];
  const here = nodePath.dirname(session.linted);
  const dirArg = call.arguments[files.dirArg] as Node | undefined;
  let dir = here;
  if (dirArg) {
    const arg = unwrap(dirArg);
    const named = stringLiteralValue(arg);
    if (named !== undefined) dir = nodePath.resolve(here, named);
    else if (!(arg.type === T.Identifier && arg.name === '__dirname')) return [];
  }
  const out: OptionSite[] = [];
  for (const name of files.names) {
    const data = session.loadData(nodePath.join(dir, name));
    const root = data ? dataRoot(data) : undefined;
    if (!data || !root) continue;
    resolver.modules?.entries.note(data, call);
    out.push(...sitesAlong(site.library, resolver.resolve(root), files.path, resolver, call, call));
  }
  return out;
}

const AUTO_NAMES: ReadonlySet<string> = new Set(AUTO_IMPORTED_OPTION_SITES.flatMap((s) => s.names));
const GLOBALS: ReadonlySet<string> = new Set(GLOBAL_CONSTRUCT_SITES.map((s) => s.global));

/** The dependencies of the nearest package.json above the file. */
function nearestDependencies(project: ConventionProject): ReadonlySet<string> | undefined {
  let dir = nodePath.dirname(project.file);
  for (let i = 0; i < 40; i++) {
    const deps = project.dependenciesAt(dir);
    if (deps) return deps;
    const parent = nodePath.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/** `new sst.aws.ApiGatewayV2(...)` on an undeclared `sst`: the construct's options site (SST 3). */
function globalConstructSite(id: TSESTree.Identifier): OptionSite | undefined {
  for (const row of GLOBAL_CONSTRUCT_SITES) {
    if (id.name !== row.global) continue;
    let at: Node = id;
    let matched = true;
    for (const key of row.path) {
      const member: Node | undefined = at.parent;
      if (member?.type !== T.MemberExpression || member.object !== at || memberName(member) !== key) {
        matched = false;
        break;
      }
      at = member;
    }
    const call = at.parent;
    if (!matched || call?.type !== T.NewExpression || call.callee !== at) continue;
    const argument = call.arguments[row.optionsArg] as Node | undefined;
    return {
      library: row.library,
      call,
      argument,
      path: row.optionsPath,
      ...(row.onByDefault ? { onByDefault: true } : {}),
    };
  }
  return undefined;
}

/** Calls of functions a framework makes global (`handleCors(event, { ... })` in a Nitro route). */
export function autoImportedSites(globalScope: Scope, project: ConventionProject): OptionSite[] {
  const out: OptionSite[] = [];
  let deps: ReadonlySet<string> | undefined | null = null;
  for (const ref of globalScope.through) {
    const id = ref.identifier as Node;
    if (id.type === T.Identifier && GLOBALS.has(id.name)) {
      const site = globalConstructSite(id);
      if (site) out.push(site);
      continue;
    }
    if (id.type !== T.Identifier || !AUTO_NAMES.has(id.name)) continue;
    const call = id.parent;
    if (call?.type !== T.CallExpression || call.callee !== id) continue;
    if (deps === null) deps = nearestDependencies(project);
    if (!deps) return [];
    for (const row of AUTO_IMPORTED_OPTION_SITES) {
      if (!row.names.includes(id.name) || !row.dependencies.some((d) => deps!.has(d))) continue;
      const argument = call.arguments[row.optionsArg] as Node | undefined;
      if (argument) out.push({ library: row.library, call, argument, path: [] });
    }
  }
  return out;
}

/**
 * Whether the project runs the middleware the settings configure: false only when its package.json lacks
 * the package, or the registering file exists and does not mention the middleware.
 */
export function isRegistered(
  registration: Registration,
  project: ConventionProject,
  readFile: ((path: string) => string | undefined) | undefined,
): boolean {
  let dir = nodePath.dirname(project.file);
  for (let i = 0; i < 40; i++) {
    const deps = project.dependenciesAt(dir);
    if (deps) {
      if (!deps.has(registration.dependency)) return false;
      for (const file of registration.files) {
        const text = readFile?.(nodePath.join(dir, file));
        if (text !== undefined) return text.includes(registration.mentions);
      }
      return true;
    }
    const parent = nodePath.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return true;
}

/** The value a data file holds (a JSON module is `module.exports = <the JSON>`, see modules.ts). */
function dataRoot(m: LoadedModule): Node | undefined {
  return cjsExportsOf(m.program);
}

const MAX_VALUES = 16;

/**
 * Follows the steps from the exported values to the options and makes a site of each: an options value
 * (judged from `argument`), or the defaults where an entry names the middleware without options. The
 * site's call is `call` (the call that loads a data file) or else the options themselves.
 */
function sitesAlong(
  library: OptionSite['library'],
  start: readonly Value[],
  steps: readonly ConventionStep[],
  resolver: ValueResolver,
  at: Node,
  call: Node | undefined,
): OptionSite[] {
  // `module.exports = ({ env }) => [...]`: what the function returns
  let current: Value[] = [];
  for (const v of start) {
    if (v.kind === 'function') for (const r of resolver.returnsOf(v.fn)) current.push(...resolver.resolve(r));
    else current.push(v);
  }
  const defaults: Node[] = [];
  for (const step of steps) {
    const next: Value[] = [];
    for (const v of current) {
      if (typeof step === 'string') {
        for (const p of resolver.property(v, step, undefined, 0, at)) if (!isMissing(p)) next.push(p);
      } else if ('unless' in step) {
        const switches = v.kind === 'object' ? resolver.objectProperty(v.object, step.unless) : [];
        const off = switches.length > 0 && switches.every((x) => x.kind === 'literal' && x.value === step.is);
        if (!off) next.push(v);
      } else if ('anyKey' in step) {
        if (v.kind !== 'object') continue;
        for (const p of v.object.properties) {
          if (p.type !== T.Property || p.computed) continue;
          next.push(...resolver.resolve(p.value as Node));
        }
      } else if (v.kind === 'array') {
        for (const e of v.elements) {
          if (e.kind === 'literal' && e.value === step.entry) defaults.push(e.node);
          if (e.kind !== 'object') continue;
          const names = resolver.objectProperty(e.object, step.nameKey);
          if (!names.some((n) => n.kind === 'literal' && n.value === step.entry)) continue;
          const options = resolver.objectPropertyOrMissing(e.object, step.optionsKey);
          if (options) next.push(...options);
          else defaults.push(e.object);
        }
      }
    }
    current = next.slice(0, MAX_VALUES);
  }
  const out: OptionSite[] = [];
  for (const node of defaults) out.push({ library, call: call ?? node, argument: undefined, path: [] });
  for (const v of current) {
    // A value that is no options object (a reference CORS Guard cannot follow) is not guessed at.
    if (v.kind === 'object') out.push({ library, call: call ?? v.object, argument: v.object, path: [] });
  }
  return out;
}

function isMissing(v: Value): boolean {
  return v.kind === 'literal' && v.value === undefined;
}

/** One route rule of a framework config (`'/api/**': { cors: true, headers: { ... } }`). */
export interface RouteRule {
  readonly entry: TSESTree.ObjectExpression;
  /** `cors: true`, when the rule has it. */
  readonly corsTrue?: TSESTree.Property;
  readonly convention: RouteRulesConvention;
}

/** The route rules of a framework config file (by its name), written as object literals. */
export function routeRulesOf(program: TSESTree.Program, file: string | undefined): RouteRule[] {
  const base = file ? nodePath.basename(file) : '';
  const conventions = ROUTE_RULES.filter((c) => c.file.test(base));
  if (conventions.length === 0) return [];
  const out: RouteRule[] = [];
  const visit = (node: Node, depth: number) => {
    if (depth > 6) return;
    if (node.type === T.ObjectExpression) {
      for (const p of node.properties) {
        if (p.type !== T.Property || p.computed) continue;
        const key = p.key.type === T.Identifier ? p.key.name : p.key.type === T.Literal ? String(p.key.value) : '';
        const value = unwrap(p.value as Node);
        for (const convention of conventions) {
          if (key !== convention.property || value.type !== T.ObjectExpression) continue;
          for (const rule of value.properties) {
            const entry = rule.type === T.Property ? unwrap(rule.value as Node) : undefined;
            if (entry?.type !== T.ObjectExpression) continue;
            const corsTrue = entry.properties.find(
              (q): q is TSESTree.Property =>
                q.type === T.Property &&
                !q.computed &&
                ((q.key.type === T.Identifier && q.key.name === convention.corsKey) ||
                  (q.key.type === T.Literal && q.key.value === convention.corsKey)) &&
                q.value.type === T.Literal &&
                q.value.value === true,
            );
            out.push({ entry, convention, ...(corsTrue ? { corsTrue } : {}) });
          }
        }
        visit(value, depth + 1);
      }
    } else if (node.type === T.CallExpression || node.type === T.ExportDefaultDeclaration) {
      const args = node.type === T.CallExpression ? node.arguments : [node.declaration];
      for (const a of args) visit(unwrap(a as Node), depth + 1);
    } else if (node.type === T.ExpressionStatement) visit(unwrap(node.expression), depth + 1);
    else if (node.type === T.AssignmentExpression) visit(unwrap(node.right), depth + 1);
  };
  for (const stmt of program.body) visit(stmt as Node, 0);
  return out;
}
