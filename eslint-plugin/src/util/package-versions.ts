/**
 * The version of a package a linted file's project runs, read from disk next to the file. Walking up from the
 * file's folder, the first folder that has the package installed (`node_modules/<name>/package.json`) or
 * declares it (`package.json` dependencies) answers: the installed version; else the version the project's
 * lockfile resolved the declared range to (`package-lock.json` v2/v3, `pnpm-lock.yaml`, `yarn.lock` v1 and
 * berry, `bun.lock`), looked up from the declaring folder upwards (a workspace's lockfile sits at its root);
 * else the declared range itself. Undefined when nothing says, or there is no disk (virtual files, browsers).
 *
 * Only asked for libraries whose behaviour changed between versions, and only once a file calls one, so
 * ordinary files never touch disk. Only regular files are read (never a FIFO or a device), lockfiles over
 * 20 MB are skipped, and every parsed file is cached by path and mtime.
 */
import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { READ_LIMITS } from '../analysis/budgets';
import { readText } from '../analysis/read-file';
import { workspaceOf, type Workspace } from '../analysis/values/workspaces';

const MAX_LEVELS = 40;
const MAX_PACKAGE_JSON_BYTES = READ_LIMITS.configBytes;
const MAX_LOCKFILE_BYTES = READ_LIMITS.lockfileBytes;

/** What a project says about one package's version. */
export interface PackageVersion {
  readonly name: string;
  /** The exact version that runs, when installed or locked. */
  readonly version?: string;
  /** The range package.json declares (also set when a lockfile or node_modules resolved it). */
  readonly range?: string;
  /** Where the answer came from. */
  readonly source: 'installed' | 'lockfile' | 'declared';
  /** The file that said it: node_modules/<name>/package.json, the lockfile, or the declaring package.json. */
  readonly file: string;
  /** The package.json that declares the dependency (for "open package.json at the dependency"). */
  readonly manifest?: string;
}

interface PackageJson {
  version?: unknown;
  dependencies?: Record<string, unknown>;
  devDependencies?: Record<string, unknown>;
  peerDependencies?: Record<string, unknown>;
  optionalDependencies?: Record<string, unknown>;
}

/** Locked versions of one lockfile: (declaring folder relative to the lockfile's, package, range) -> version. */
type Lookup = (relDir: string, name: string, range: string | undefined, member: boolean) => string | undefined;

const LOCKFILES: readonly { readonly file: string; readonly parse: (text: string) => Lookup | undefined }[] = [
  { file: 'package-lock.json', parse: npmLock },
  { file: 'npm-shrinkwrap.json', parse: npmLock },
  { file: 'pnpm-lock.yaml', parse: pnpmLock },
  { file: 'yarn.lock', parse: yarnLock },
  { file: 'bun.lock', parse: bunLock },
];

const cache = new Map<string, { mtimeMs: number; size: number; value: unknown }>();
let parsed = 0;

/** How many files this module has read and parsed (tests hold ordinary files to none). */
export function filesParsed(): number {
  return parsed;
}

/** A regular file's parsed content, cached by path and mtime; undefined when missing, not a file or too big. */
function readCached<T>(path: string, maxBytes: number, parse: (text: string) => T | undefined): T | undefined {
  let mtimeMs: number;
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return undefined;
    mtimeMs = st.mtimeMs;
    size = st.size;
  } catch {
    return undefined;
  }
  const hit = cache.get(path);
  if (hit && hit.mtimeMs === mtimeMs && hit.size === size) return hit.value as T | undefined;
  let value: T | undefined;
  if (size <= maxBytes) {
    try {
      parsed++;
      const text = readText(path, { maxBytes });
      value = text === undefined ? undefined : parse(text);
    } catch {
      value = undefined;
    }
  }
  if (cache.size > 500) cache.clear();
  cache.set(path, { mtimeMs, size, value });
  return value;
}

const readJson = (path: string) => readCached(path, MAX_PACKAGE_JSON_BYTES, (t) => JSON.parse(t) as PackageJson);

function declaredRange(pkg: PackageJson, name: string): string | undefined {
  for (const deps of [pkg.dependencies, pkg.devDependencies, pkg.optionalDependencies, pkg.peerDependencies]) {
    const range = deps?.[name];
    if (typeof range === 'string') return range;
  }
  return undefined;
}

/** What the project of `filename` says about package `name` (see the module comment). */
export function packageVersionNear(filename: string | undefined, name: string): PackageVersion | undefined {
  if (!filename || !isAbsolute(filename)) return undefined;
  const fileDir = dirname(filename);
  // In a workspace, Node finds a hoisted install at the workspace root: look for one up to there before
  // trusting a lockfile or a declared range (installed beats locked beats declared).
  const workspace = workspaceOf(fileDir);
  let declaring: { dir: string; range: string; manifest: string } | undefined;
  let dir = fileDir;
  for (let i = 0; i < MAX_LEVELS; i++) {
    const installedFile = join(dir, 'node_modules', name, 'package.json');
    const installed = readJson(installedFile);
    const manifestFile = join(dir, 'package.json');
    const pkg = readJson(manifestFile);
    const range = pkg ? declaredRange(pkg, name) : undefined;
    if (range !== undefined && !declaring) declaring = { dir, range, manifest: manifestFile };
    if (installed && typeof installed.version === 'string')
      return {
        name,
        version: installed.version,
        range: declaring?.range,
        source: 'installed',
        file: installedFile,
        manifest: declaring?.manifest,
      };
    if (declaring && (!workspace || dir === workspace.root)) break;
    if (workspace && dir === workspace.root) break;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (!declaring) return undefined;
  const locked = lockedVersion(declaring.dir, name, declaring.range, workspace);
  const manifest = declaring.manifest;
  if (locked)
    return { name, version: locked.version, range: declaring.range, source: 'lockfile', file: locked.file, manifest };
  return { name, range: declaring.range, source: 'declared', file: manifest, manifest };
}

/** The version the nearest lockfile at or above `projectDir` resolved `name@range` to. */
function lockedVersion(
  projectDir: string,
  name: string,
  range: string,
  workspace: Workspace | undefined,
): { version: string; file: string } | undefined {
  let dir = projectDir;
  for (let i = 0; i < MAX_LEVELS; i++) {
    for (const { file, parse } of LOCKFILES) {
      const path = join(dir, file);
      const lookup = readCached(path, MAX_LOCKFILE_BYTES, parse);
      if (!lookup) continue;
      const rel = relative(dir, projectDir).split(sep).join('/');
      // The lockfile at a workspace's root governs its members, whether or not the lockfile lists them.
      const member = workspace !== undefined && workspace.root === dir && workspace.isMember(projectDir);
      const version = lookup(rel, name, range, member);
      // The first lockfile found is the project's: don't look further up for this package.
      return version ? { version, file: path } : undefined;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** package-lock.json v2/v3: `packages["<dir>/node_modules/<name>"].version`, hoisted or not. */
function npmLock(text: string): Lookup | undefined {
  const lock = obj(JSON.parse(text));
  const packages = obj(lock?.packages);
  const v1 = obj(lock?.dependencies);
  if (!packages && !v1) return undefined;
  return (rel, name) => {
    // A folder below the lockfile's is one of its projects only when the lockfile lists it (a workspace).
    if (rel && packages && !packages[rel]) return undefined;
    const keys = rel ? [`${rel}/node_modules/${name}`, `node_modules/${name}`] : [`node_modules/${name}`];
    for (const key of keys) {
      const version = str(obj(packages?.[key])?.version);
      if (version) return version;
    }
    // lockfileVersion 1: `dependencies[name].version`.
    return str(obj(v1?.[name])?.version);
  };
}

/** pnpm-lock.yaml: `importers[<dir>].dependencies[<name>].version` (v6+), or the root's `dependencies` (v5). */
function pnpmLock(text: string): Lookup | undefined {
  // Required lazily: only a project with a pnpm lockfile pays for the YAML parser.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { load } = require('js-yaml') as typeof import('js-yaml');
  const lock = obj(load(text));
  if (!lock) return undefined;
  const clean = (v: string | undefined) => v?.replace(/\(.*$/, '').replace(/^.*@(?=\d)/, '');
  return (rel, name) => {
    const importer = obj(obj(lock.importers)?.[rel || '.']) ?? (rel || lock.importers ? undefined : lock);
    for (const group of ['dependencies', 'devDependencies', 'optionalDependencies']) {
      const entry = obj(importer?.[group])?.[name];
      const version = clean(str(entry) ?? str(obj(entry)?.version));
      if (version && /^\d/.test(version)) return version;
    }
    return undefined;
  };
}

/** yarn.lock, v1 and berry: the entry whose descriptor list holds `name@range` (`name@npm:range` in berry). */
function yarnLock(text: string): Lookup | undefined {
  // Required lazily too: only a project with a yarn lockfile pays for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseSyml } = require('@yarnpkg/parsers') as typeof import('@yarnpkg/parsers');
  const lock = obj(parseSyml(text));
  if (!lock) return undefined;
  const byDescriptor = new Map<string, string>();
  const workspaces = new Set<string>();
  for (const [key, entry] of Object.entries(lock)) {
    const version = str(obj(entry)?.version);
    if (!version) continue;
    for (const descriptor of key.split(',')) {
      const d = descriptor.trim().replace(/^"|"$/g, '');
      byDescriptor.set(d, version);
      const ws = /@workspace:(.*)$/.exec(d);
      if (ws) workspaces.add(ws[1]!);
    }
  }
  const berry = lock.__metadata !== undefined;
  return (rel, name, range, member) => {
    if (range === undefined) return undefined;
    // Berry lists its workspaces; a v1 lockfile above a folder is trusted for its own folder and for the
    // members of the workspace whose root it sits in (their descriptors share its entries).
    if (rel && !(berry && workspaces.has(rel)) && !member) return undefined;
    return byDescriptor.get(`${name}@${range}`) ?? byDescriptor.get(`${name}@npm:${range}`);
  };
}

/** bun.lock (JSONC): `packages[<name>][0]` is `"<name>@<version>"` (a workspace's own copy under `<ws>/<name>`). */
function bunLock(text: string): Lookup | undefined {
  const lock = obj(JSON.parse(jsoncToJson(text)));
  const packages = obj(lock?.packages);
  if (!packages) return undefined;
  const workspaces = obj(lock?.workspaces);
  return (rel, name) => {
    if (rel && !workspaces?.[rel]) return undefined;
    const entry = packages[name];
    const id = Array.isArray(entry) ? str(entry[0]) : undefined;
    if (!id?.startsWith(`${name}@`)) return undefined;
    const version = id.slice(name.length + 1);
    return /^\d/.test(version) ? version : undefined;
  };
}

/** JSON with comments and trailing commas (bun.lock's text format) as strict JSON. */
export function jsoncToJson(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === ',') {
      // A trailing comma: the next thing past blanks and comments closes the object or array.
      let j = i + 1;
      for (;;) {
        while (j < text.length && /\s/.test(text[j]!)) j++;
        if (text.startsWith('//', j)) j = text.indexOf('\n', j) < 0 ? text.length : text.indexOf('\n', j);
        else if (text.startsWith('/*', j))
          j = text.indexOf('*/', j + 2) < 0 ? text.length : text.indexOf('*/', j + 2) + 2;
        else break;
      }
      if (text[j] !== '}' && text[j] !== ']') out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * The packages a folder's package.json depends on (every dependency field), undefined when the folder has
 * no readable package.json. For conventions that a framework dependency marks (`sails`, `@strapi/strapi`).
 */
export function dependenciesAt(dir: string): ReadonlySet<string> | undefined {
  const pkg = readJson(join(dir, 'package.json'));
  if (!pkg) return undefined;
  const out = new Set<string>();
  for (const deps of [pkg.dependencies, pkg.devDependencies, pkg.peerDependencies, pkg.optionalDependencies]) {
    if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) out.add(name);
  }
  return out;
}
