/**
 * The module graph a policy needs: resolve an import, parse the module once, hand back its AST and
 * scopes. Nothing here runs unless a policy asks for a value from another module, so a file without CORS
 * code pays nothing. Everything is bounded (file size, modules and time per lint, hops) and cached per
 * process by path + size + mtime (or by the editor's buffer version). Nothing is ever executed.
 *
 * Resolution is enhanced-resolve's (TypeScript's extension rules through `extensionAlias`, `index` files,
 * package.json `imports`) after get-tsconfig's `paths` / `baseUrl` (with `extends`). Only modules
 * of the project are followed: relative specifiers, tsconfig paths and `#imports`, never `node_modules`
 * or a file outside the project root.
 */
import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import { ResolverFactory } from 'enhanced-resolve';
import { cachedStat, diskInput, fromDisk, listFolder, notRegular } from './disk-cache';
import { workspacePackageEntry, type WorkspaceEntry } from './workspaces';
import { createPathsMatcher, getTsconfig, type TsConfigResult } from 'get-tsconfig';
import type { TSESTree } from '@typescript-eslint/utils';
import { isVaryKey, type Node } from '../ast';
import type { Scope } from '../ast';
import { MODULE_LIMITS, READ_LIMITS } from '../budgets';
import { readBounded, readText } from '../read-file';

/** What a parser hands back for one module: the ESTree program and its scope manager. */
export interface ParsedModule {
  readonly ast: TSESTree.Program;
  readonly scopeManager: { acquire(node: unknown, inner?: boolean): unknown; globalScope: unknown };
}

/** Parses a module's text; undefined when it can't (no parser for the language, a syntax error). */
export type ModuleParser = (text: string, path: string) => ParsedModule | undefined;

/** Where module text comes from: the disk, or the editor's open buffers over it. */
export interface ModuleFileSystem {
  /** Size and modification stamp (or buffer version), undefined when the file does not exist. */
  stat(path: string): { size: number; stamp: string } | undefined;
  readFile(path: string): string | undefined;
  /** The path with symlinks resolved (undefined when unknown, e.g. a buffer only). */
  realpath(path: string): string | undefined;
  /** The fs-like object enhanced-resolve reads through (sync calls). */
  readonly resolverFs: unknown;
  /** Whether tsconfig files can be read from disk (not in virtual workspaces). */
  readonly tsconfigFromDisk: boolean;
  /** A folder's entries (to find who imports a module); absent or undefined when it can't be listed. */
  listDir?(dir: string): readonly { readonly name: string; readonly directory: boolean }[] | undefined;
  /** Where a bare specifier leads when it names a package of the importing file's workspace (disk only). */
  workspacePackage?(specifier: string, fromDir: string): WorkspaceEntry | undefined;
}

/** A module parsed on demand. Its AST nodes have `parent` set, like the linted file's. */
export interface LoadedModule {
  readonly path: string;
  readonly text: string;
  readonly program: TSESTree.Program;
  /** String literals naming a CORS header or `Vary` in this module (found while setting parents). */
  readonly headerNames: readonly Node[];
  /** Object literals with an `origin` property (candidates for options judged where defined). */
  readonly originObjects: readonly TSESTree.ObjectExpression[];
  getScope(node: Node): Scope;
}

export { MODULE_LIMITS };

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;
const SOURCE_EXT = new Set<string>(SOURCE_EXTENSIONS);

// ---------------------------------------------------------------------------------------------------------
// File systems

/**
 * Forgets what resolution read from disk (a file that was missing may exist now, and one that existed may
 * be gone or changed): the editor calls it after files change, instead of waiting out the cache's seconds.
 */
export { forgetDisk as forgetResolutions } from './disk-cache';

/** The disk, as ESLint sees it. */
export const DISK: ModuleFileSystem = {
  stat(path) {
    const s = cachedStat(path);
    return s?.isFile() ? { size: s.size, stamp: `${s.size}:${s.mtimeMs}` } : undefined;
  },
  readFile(path) {
    return readText(path, { maxBytes: READ_LIMITS.sourceBytes });
  },
  realpath(path) {
    try {
      return nodeFs.realpathSync.native(path);
    } catch {
      return undefined;
    }
  },
  resolverFs: diskInput,
  tsconfigFromDisk: true,
  workspacePackage: workspacePackageEntry,
  listDir: listFolder,
};

/**
 * A file system of open editor buffers over a base (the disk, or nothing in a virtual workspace): the
 * buffer wins. `version` changes whenever a buffer does.
 */
export function overlayFileSystem(
  buffers: ReadonlyMap<string, { text: string; version: number }>,
  base: ModuleFileSystem | undefined,
): ModuleFileSystem {
  const dirs = new Set<string>();
  for (const p of buffers.keys()) {
    for (let d = nodePath.dirname(p); !dirs.has(d); d = nodePath.dirname(d)) {
      dirs.add(d);
      if (nodePath.dirname(d) === d) break;
    }
  }
  const enoent = (p: string) => Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
  const baseFs = base?.resolverFs as Record<string, (...a: unknown[]) => unknown> | undefined;
  const statOf = (isFile: boolean, size: number) => ({
    isFile: () => isFile,
    isDirectory: () => !isFile,
    isSymbolicLink: () => false,
    size,
    mtimeMs: 0,
  });
  const sync =
    (name: string, local: (p: string) => unknown) =>
    (p: string, ...rest: unknown[]) => {
      const hit = local(String(p));
      if (hit !== undefined) return hit;
      if (baseFs?.[`${name}Sync`]) return baseFs[`${name}Sync`]!(p, ...rest);
      throw enoent(String(p));
    };
  const stat = (p: string) => {
    const b = buffers.get(p);
    if (b) return statOf(true, b.text.length);
    if (!baseFs && dirs.has(p)) return statOf(false, 0);
    return undefined;
  };
  const fsLike: Record<string, unknown> = {
    statSync: sync('stat', stat),
    lstatSync: sync('lstat', stat),
    readFileSync: sync('readFile', (p) => {
      const b = buffers.get(p);
      return b ? Buffer.from(b.text) : undefined;
    }),
    readdirSync: sync('readdir', () => undefined),
    readlinkSync: sync('readlink', (p) => (buffers.has(p) || (!baseFs && dirs.has(p)) ? enoentLink(p) : undefined)),
    realpathSync: sync('realpath', (p) => (buffers.has(p) || (!baseFs && dirs.has(p)) ? p : undefined)),
  };
  // Async forms (enhanced-resolve wraps them; with useSyncFileSystemCalls only the sync ones run).
  for (const name of ['stat', 'lstat', 'readFile', 'readdir', 'readlink', 'realpath']) {
    fsLike[name] = (p: string, ...rest: unknown[]) => {
      const cb = rest.pop() as (e: unknown, v?: unknown) => void;
      try {
        cb(null, (fsLike[`${name}Sync`] as (...a: unknown[]) => unknown)(p, ...rest));
      } catch (e) {
        cb(e);
      }
    };
  }
  return {
    stat(path) {
      const b = buffers.get(path);
      if (b) return { size: b.text.length, stamp: `buffer:${b.version}:${b.text.length}` };
      return base?.stat(path);
    },
    readFile(path) {
      const b = buffers.get(path);
      return b ? b.text : base?.readFile(path);
    },
    realpath(path) {
      return buffers.has(path) ? undefined : base?.realpath(path);
    },
    resolverFs: fsLike,
    tsconfigFromDisk: !!base?.tsconfigFromDisk,
    ...(base?.workspacePackage ? { workspacePackage: base.workspacePackage } : {}),
    ...(base?.listDir
      ? {
          // The folders on disk, with the open buffers that are not saved there yet.
          listDir(dir: string) {
            const entries = base.listDir!(dir);
            if (!entries) return entries;
            const names = new Set(entries.map((e) => e.name));
            const extra: { name: string; directory: boolean }[] = [];
            for (const p of buffers.keys()) {
              const name = nodePath.basename(p);
              if (nodePath.dirname(p) === dir && !names.has(name)) extra.push({ name, directory: false });
            }
            return extra.length > 0 ? [...entries, ...extra] : entries;
          },
        }
      : {}),
  };
}

function enoentLink(p: string): never {
  // Not a symlink: what readlink says about regular files.
  throw Object.assign(new Error(`EINVAL: ${p}`), { code: 'EINVAL' });
}

// ---------------------------------------------------------------------------------------------------------
// Resolution

type SyncResolver = { resolveSync(context: object, path: string, request: string): string | false };
const resolvers = new WeakMap<object, SyncResolver>();

function resolverFor(fs: ModuleFileSystem): SyncResolver {
  const key = fs.resolverFs as object;
  let r = resolvers.get(key);
  if (!r) {
    r = ResolverFactory.createResolver({
      fileSystem: fs.resolverFs as never,
      useSyncFileSystemCalls: true,
      extensions: [...SOURCE_EXTENSIONS],
      // TypeScript's rule: `./x.js` in source names `./x.ts` (and .mjs -> .mts, .cjs -> .cts).
      extensionAlias: {
        '.js': ['.ts', '.tsx', '.js', '.jsx'],
        '.jsx': ['.tsx', '.jsx'],
        '.mjs': ['.mts', '.mjs'],
        '.cjs': ['.cts', '.cjs'],
      },
      importsFields: ['imports'],
      exportsFields: [],
      conditionNames: ['node', 'import', 'require', 'default'],
      mainFields: [],
      mainFiles: ['index'],
      // Paths stay as written (they match the editor's file names); where a symlink leads is checked
      // separately (`resolveModule`).
      symlinks: false,
      // Only project files are followed; `modules` is never searched (see `resolveModule`).
      modules: [],
    }) as unknown as SyncResolver;
    resolvers.set(key, r);
  }
  return r;
}

/**
 * get-tsconfig's cache, which it asks before each file-system call (`readFileSync:<path>:utf8`): the read is
 * answered here, by the bounded reader, so get-tsconfig never opens anything itself; a FIFO, a device or an
 * oversized `tsconfig.json` is refused (and the tsconfig treated as broken: resolution goes on without it).
 */
class RegularFilesOnly extends Map<string, unknown> {
  override get(key: string): unknown {
    const hit = super.get(key);
    if (hit === undefined && key.startsWith('readFileSync:')) {
      const args = key.slice('readFileSync:'.length);
      const path = args.slice(0, args.lastIndexOf(':'));
      const read = readBounded(path, { maxBytes: READ_LIMITS.configBytes });
      if (!('text' in read)) throw notRegular(path);
      super.set(key, read.text);
      return read.text;
    }
    return hit;
  }
}
const tsconfigCache = new RegularFilesOnly();
const tsconfigByDir = new Map<string, TsConfigResult | null>();
const matcherCache = new WeakMap<TsConfigResult, ((s: string) => string[]) | null>();

/** The tsconfig's stamp when it was read: an edited tsconfig (in the editor, a long-lived worker) is read again. */
const tsconfigStamps = new Map<string, string>();

function pathsMatcherFor(dir: string): ((s: string) => string[]) | null {
  let config = tsconfigByDir.get(dir);
  if (config && DISK.stat(config.path)?.stamp !== tsconfigStamps.get(config.path)) {
    tsconfigCache.clear();
    tsconfigByDir.clear();
    config = undefined;
  }
  if (config === undefined) {
    try {
      config = getTsconfig(dir, 'tsconfig.json', tsconfigCache) ?? getTsconfig(dir, 'jsconfig.json', tsconfigCache);
    } catch {
      config = null; // a broken tsconfig: resolve without it
    }
    if (tsconfigByDir.size > 2000) tsconfigByDir.clear();
    tsconfigByDir.set(dir, config);
    if (config) tsconfigStamps.set(config.path, DISK.stat(config.path)?.stamp ?? '');
  }
  if (!config) return null;
  let matcher = matcherCache.get(config);
  if (matcher === undefined) {
    try {
      matcher = createPathsMatcher(config);
    } catch {
      matcher = null;
    }
    matcherCache.set(config, matcher);
  }
  return matcher;
}

/**
 * The file a specifier names, from the importing file, if it is a source file of the project (inside
 * `root`, outside `node_modules`); undefined otherwise (packages, missing files, paths outside).
 */
export function resolveModule(
  specifier: string,
  fromFile: string,
  root: string,
  fs: ModuleFileSystem = DISK,
): string | undefined {
  // The disk's answers are shared by every lint of the window (disk-cache.ts); the editor's buffers change
  // with every keystroke and are asked afresh.
  if (fs !== DISK) return resolveUncached(specifier, fromFile, root, fs);
  return fromDisk(`resolve\0${root}\0${nodePath.dirname(fromFile)}\0${specifier}`, () =>
    resolveUncached(specifier, fromFile, root, fs),
  );
}

function resolveUncached(specifier: string, fromFile: string, root: string, fs: ModuleFileSystem): string | undefined {
  const dir = nodePath.dirname(fromFile);
  const resolver = resolverFor(fs);
  const attempt = (request: string, context = dir): string | undefined => {
    try {
      const r = resolver.resolveSync({}, context, request);
      return typeof r === 'string' ? r : undefined;
    } catch {
      return undefined;
    }
  };
  let found: string | undefined;
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
    found = attempt(specifier);
  } else if (specifier.startsWith('#')) {
    found = attempt(specifier);
  } else if (!specifier.startsWith('node:') && !/^[a-z][a-z0-9+.-]*:/i.test(specifier)) {
    const matcher = fs.tsconfigFromDisk ? pathsMatcherFor(dir) : null;
    for (const candidate of matcher?.(specifier) ?? []) {
      found = attempt(candidate);
      if (found) break;
    }
    if (!found && fs.tsconfigFromDisk && fs.workspacePackage) {
      // A package of the project's own workspace, imported by name: its folder, installed or not.
      const entry = fs.workspacePackage(specifier, dir);
      if (entry) {
        for (const candidate of entry.candidates) {
          found = attempt(candidate);
          if (found) break;
        }
        if (found) root = entry.root;
      }
    }
  }
  if (!found || !isProjectSource(found, root)) return undefined;
  // A symlink must not lead out of the project either.
  const real = fs.realpath(found);
  if (real && real !== found && !isProjectSource(real, realRootOf(root, fs))) return undefined;
  return found;
}

const realRoots = new Map<string, string>();
function realRootOf(root: string, fs: ModuleFileSystem): string {
  let r = realRoots.get(root);
  if (r === undefined) {
    r = fs.realpath(root) ?? root;
    if (realRoots.size > 100) realRoots.clear();
    realRoots.set(root, r);
  }
  return r;
}

function isProjectSource(file: string, root: string): boolean {
  const ext = nodePath.extname(file).toLowerCase();
  // JSON only when named with its extension (`require('./config/settings.json')`): resolution adds none.
  if (!SOURCE_EXT.has(ext) && ext !== '.json') return false;
  if (file.endsWith('.d.ts') || file.endsWith('.d.mts') || file.endsWith('.d.cts')) return false;
  const rel = nodePath.relative(root, file);
  if (rel === '' || rel.startsWith('..') || nodePath.isAbsolute(rel)) return false;
  return !rel.split(nodePath.sep).includes('node_modules');
}

// ---------------------------------------------------------------------------------------------------------
// Loading: parse once per path + stamp, bounded per lint

interface CacheEntry {
  readonly stamp: string;
  readonly module: LoadedModule | null;
}

const moduleCache = new Map<string, CacheEntry>();
const loadedByProgram = new WeakMap<TSESTree.Program, LoadedModule>();

/** The module a foreign AST belongs to (undefined for the linted file's own AST). */
export function moduleOfProgram(program: TSESTree.Program): LoadedModule | undefined {
  return loadedByProgram.get(program);
}

/** Per-lint state: what this lint has loaded, how much time it spent, how deep it went. */
export class ModuleSession {
  private loaded = 0;
  private bytes = 0;
  private resolved = 0;
  /** What each specifier resolved to in this lint, by importing folder. */
  private readonly resolutions = new Map<string, string | undefined>();
  /** Whether any module was loaded (until then, every node is the linted file's). */
  used = false;
  /** Import hops from the linted file, per loaded module path. */
  readonly depthOf = new Map<string, number>();
  /** Why something was not followed (for the status item and tests). */
  readonly skipped: string[] = [];

  constructor(
    readonly linted: string,
    readonly root: string,
    readonly parse: ModuleParser,
    readonly fs: ModuleFileSystem = DISK,
  ) {
    this.depthOf.set(linted, 0);
  }

  /** Loads a project file found by path (an importer of the linted file), one hop away, within bounds. */
  loadFile(path: string): LoadedModule | undefined {
    if (path === this.linted) return undefined;
    if (!this.depthOf.has(path)) this.depthOf.set(path, 1);
    return this.loadPath(path);
  }

  /** Resolves `specifier` from `fromFile` and loads it, within this lint's bounds. */
  load(specifier: string, fromFile: string): LoadedModule | undefined {
    const fromDepth = this.depthOf.get(fromFile) ?? MODULE_LIMITS.maxDepth;
    if (fromDepth >= MODULE_LIMITS.maxDepth) return this.skip(`depth: ${specifier}`);
    // One lint resolves the same specifier from the same folder many times (every member read of a
    // required module): the first answer stands for the lint, and only a new question counts against the budget.
    const key = `${nodePath.dirname(fromFile)}\0${specifier}`;
    let path = this.resolutions.get(key);
    if (path === undefined && !this.resolutions.has(key)) {
      if (++this.resolved > MODULE_LIMITS.maxResolutionsPerLint) return this.skip(`resolutions: ${specifier}`);
      path = resolveModule(specifier, fromFile, this.root, this.fs);
      this.resolutions.set(key, path);
    }
    if (!path || path === this.linted) return undefined;
    const known = this.depthOf.get(path);
    if (known === undefined || known > fromDepth + 1) this.depthOf.set(path, fromDepth + 1);
    return this.loadPath(path);
  }

  /**
   * Loads a data file of the project (JSON) by path, as the CommonJS module Node makes of it (see
   * `parseModule`). Undefined outside the project or when it is missing or malformed.
   */
  loadData(path: string): LoadedModule | undefined {
    const rel = nodePath.relative(this.root, path);
    if (rel === '' || rel.startsWith('..') || nodePath.isAbsolute(rel)) return undefined;
    if (rel.split(nodePath.sep).includes('node_modules') || !/\.json$/i.test(path)) return undefined;
    return this.loadPath(path);
  }

  private loadPath(path: string): LoadedModule | undefined {
    const stat = this.fs.stat(path);
    if (!stat) return undefined;
    if (stat.size > MODULE_LIMITS.maxBytes) return this.skip(`size: ${path}`);
    const hit = moduleCache.get(path);
    if (hit && hit.stamp === stat.stamp) {
      // LRU: most recently used last
      moduleCache.delete(path);
      moduleCache.set(path, hit);
      if (hit.module) this.used = true;
      return hit.module ?? undefined;
    }
    if (++this.loaded > MODULE_LIMITS.maxModulesPerLint) return this.skip(`modules: ${path}`);
    if (this.bytes + stat.size > MODULE_LIMITS.maxBytesPerLint) return this.skip(`bytes: ${path}`);
    this.bytes += stat.size;
    let module: LoadedModule | null = null;
    try {
      const text = this.fs.readFile(path);
      if (text !== undefined && text.length <= MODULE_LIMITS.maxBytes && !looksMinified(text)) {
        module = parseModule(path, text, this.parse) ?? null;
      }
    } catch {
      module = null;
    }
    moduleCache.set(path, { stamp: stat.stamp, module });
    if (moduleCache.size > MODULE_LIMITS.cacheEntries) moduleCache.delete(moduleCache.keys().next().value!);
    if (module) this.used = true;
    return module ?? undefined;
  }

  private skip(why: string): undefined {
    if (this.skipped.length < 20) this.skipped.push(why);
    return undefined;
  }
}

function looksMinified(text: string): boolean {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > MODULE_LIMITS.maxLineLength) return true;
    start = end + 1;
  }
  return false;
}

/**
 * A JSON module as the CommonJS module Node makes of it: `module.exports = <the JSON>`, on the same line
 * so that line numbers in findings stay the file's own.
 */
const JSON_MODULE_PREFIX = 'module.exports = ';

function parseModule(path: string, fileText: string, parse: ModuleParser): LoadedModule | undefined {
  const isJson = path.toLowerCase().endsWith('.json');
  const text = isJson ? `${JSON_MODULE_PREFIX}${fileText}` : fileText;
  const parsed = parse(text, isJson ? `${path}.cjs` : path);
  if (!parsed) return undefined;
  const program = parsed.ast;
  const headerNames: Node[] = [];
  const originObjects: TSESTree.ObjectExpression[] = [];
  setParents(program, headerNames, originObjects);
  const manager = parsed.scopeManager;
  const globalScope = manager.globalScope as Scope;
  const module: LoadedModule = {
    path,
    text,
    program,
    headerNames,
    originObjects,
    getScope(node) {
      for (let n: Node | undefined = node; n; n = n.parent) {
        const s = manager.acquire(n, true) as Scope | null;
        if (s) return s.type === 'function-expression-name' ? (s.childScopes[0] ?? s) : s;
      }
      return globalScope;
    },
  };
  loadedByProgram.set(program, module);
  return module;
}

/**
 * A project file parsed as if it were the file being linted (placement.ts asks what its own lint would
 * find): parents set, not registered as a foreign module, so its nodes are "the linted file's" to the
 * analysis. Undefined when it cannot be read or parsed.
 */
export function parseAsLinted(
  path: string,
  session: ModuleSession,
): { program: TSESTree.Program; text: string; globalScope: Scope; getScope(node: Node): Scope } | undefined {
  if (/\.json$/i.test(path)) return undefined;
  const text = session.fs.readFile(path);
  if (text === undefined || text.length > MODULE_LIMITS.maxBytes) return undefined;
  let parsed: ParsedModule | undefined;
  try {
    parsed = session.parse(text, path);
  } catch {
    return undefined;
  }
  if (!parsed) return undefined;
  setParents(parsed.ast, [], []);
  const manager = parsed.scopeManager;
  const globalScope = manager.globalScope as Scope;
  return {
    program: parsed.ast,
    text,
    globalScope,
    getScope(node) {
      for (let n: Node | undefined = node; n; n = n.parent) {
        const s = manager.acquire(n, true) as Scope | null;
        if (s) return s.type === 'function-expression-name' ? (s.childScopes[0] ?? s) : s;
      }
      return globalScope;
    },
  };
}

/** Header-name test, injected by the model (headers.ts) to keep this module free of CORS knowledge. */
let isHeaderName: (s: string) => boolean = () => false;
export function setHeaderNameTest(test: (s: string) => boolean): void {
  isHeaderName = test;
}

const SKIP_KEYS = new Set(['parent', 'loc', 'range', 'tokens', 'comments', 'typeAnnotation', 'returnType']);

/** Sets `parent` on every node (ESLint does it while traversing; a parsed module needs it done). */
function setParents(root: Node, headerNames: Node[], originObjects: TSESTree.ObjectExpression[]): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'Literal' && typeof node.value === 'string' && isHeaderName(node.value)) {
      headerNames.push(node);
    } else if (node.type === 'TemplateLiteral' && node.expressions.length === 0) {
      if (isHeaderName(node.quasis[0]?.value.cooked ?? '')) headerNames.push(node);
    } else if (node.type === 'ObjectExpression') {
      for (const p of node.properties) if (isVaryKey(p)) headerNames.push(p.key);
      if (node.properties.some((p) => p.type === 'Property' && !p.computed && keyIs(p.key, 'origin'))) {
        originObjects.push(node);
      }
    }
    for (const key in node) {
      if (SKIP_KEYS.has(key)) continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const c of child) {
          if (c && typeof c === 'object' && typeof (c as Node).type === 'string') {
            (c as { parent?: Node }).parent = node;
            stack.push(c as Node);
          }
        }
      } else if (child && typeof child === 'object' && typeof (child as Node).type === 'string') {
        (child as { parent?: Node }).parent = node;
        stack.push(child as Node);
      }
    }
  }
  headerNames.sort((a, b) => a.range[0] - b.range[0]);
}

function keyIs(key: Node, name: string): boolean {
  return (key.type === 'Identifier' && key.name === name) || (key.type === 'Literal' && key.value === name);
}
