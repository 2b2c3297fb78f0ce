/**
 * Workspaces as package managers find them: from a folder, the workspace root is the nearest folder at or
 * above it whose package.json has `workspaces` (npm, yarn, bun) or that has a `pnpm-workspace.yaml`, never
 * above the repository root (the nearest folder holding `.git`). Its member packages are the folders its
 * globs match that hold a package.json, found without anything installed, so a workspace package imported by
 * name (`@acme/config`) resolves to its folder on a fresh clone too.
 *
 * Bounded: 40 levels up, globs expanded to at most `MAX_PACKAGES` folders over at most `MAX_DIRS_LISTED`
 * directory listings, `**` at most `MAX_GLOB_DEPTH` levels deep. Only regular files are read. Everything is
 * cached per folder with the stamps of the files it was read from.
 */
import { readFileSync } from 'node:fs';
import { cachedStat, listFolder } from './disk-cache';
import { dirname, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';

const MAX_LEVELS = 40;
const MAX_PACKAGES = 500;
const MAX_DIRS_LISTED = 2000;
const MAX_GLOB_DEPTH = 4;
const MAX_MANIFEST_BYTES = 2 * 1024 * 1024;
/** Folders a workspace glob never descends into. */
const NEVER = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', '.next', '.turbo', '.nx']);

export interface WorkspacePackage {
  readonly name: string;
  readonly dir: string;
  readonly manifest: Manifest;
}

export interface Workspace {
  /** The folder whose package.json (or pnpm-workspace.yaml) declares the workspace. */
  readonly root: string;
  readonly tool: 'npm' | 'pnpm';
  /** The member globs, relative to the root. */
  readonly globs: readonly string[];
  /** Whether a folder (absolute) is the root or one of its members. */
  isMember(dir: string): boolean;
  /** Member packages by name (found lazily, once). */
  packages(): ReadonlyMap<string, WorkspacePackage>;
}

export interface Manifest {
  readonly name?: unknown;
  readonly version?: unknown;
  readonly main?: unknown;
  readonly module?: unknown;
  readonly types?: unknown;
  readonly typings?: unknown;
  readonly exports?: unknown;
  readonly workspaces?: unknown;
  readonly dependencies?: Record<string, unknown>;
  readonly devDependencies?: Record<string, unknown>;
  readonly peerDependencies?: Record<string, unknown>;
  readonly optionalDependencies?: Record<string, unknown>;
}

function statOf(path: string): { file: boolean; dir: boolean; stamp: string } | undefined {
  const st = cachedStat(path);
  return st && { file: st.isFile(), dir: st.isDirectory(), stamp: `${st.mtimeMs}:${st.size}` };
}

function readRegular(path: string, maxBytes = MAX_MANIFEST_BYTES): string | undefined {
  const st = statOf(path);
  if (!st?.file) return undefined;
  try {
    const text = readFileSync(path, 'utf8');
    if (text.length > maxBytes) return undefined;
    // A byte-order mark is legal in package.json (Node strips it).
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

const manifests = new Map<string, { stamp: string; value: Manifest | undefined }>();

/** The package.json in `dir`, parsed (undefined when missing, not a regular file, too big or broken). */
export function manifestAt(dir: string): Manifest | undefined {
  const path = join(dir, 'package.json');
  const st = statOf(path);
  if (!st?.file) return undefined;
  const hit = manifests.get(path);
  if (hit && hit.stamp === st.stamp) return hit.value;
  let value: Manifest | undefined;
  try {
    const text = readRegular(path);
    const parsed: unknown = text === undefined ? undefined : JSON.parse(text);
    value = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Manifest) : undefined;
  } catch {
    value = undefined;
  }
  if (manifests.size > 2000) manifests.clear();
  manifests.set(path, { stamp: st.stamp, value });
  return value;
}

/** The globs a root declares: package.json `workspaces` (array or `{ packages }`), or pnpm-workspace.yaml. */
function declaredGlobs(dir: string): { tool: Workspace['tool']; globs: string[] } | undefined {
  const pnpm = readRegular(join(dir, 'pnpm-workspace.yaml'));
  if (pnpm !== undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { load } = require('js-yaml') as typeof import('js-yaml');
      const doc = load(pnpm) as { packages?: unknown } | undefined;
      const globs = Array.isArray(doc?.packages) ? doc.packages.filter((g) => typeof g === 'string') : [];
      return { tool: 'pnpm', globs };
    } catch {
      return { tool: 'pnpm', globs: [] };
    }
  }
  const ws = manifestAt(dir)?.workspaces;
  const list = Array.isArray(ws)
    ? ws
    : ws && typeof ws === 'object' && Array.isArray((ws as { packages?: unknown }).packages)
      ? ((ws as { packages: unknown[] }).packages as unknown[])
      : undefined;
  if (!list) return undefined;
  return { tool: 'npm', globs: list.filter((g): g is string => typeof g === 'string') };
}

const toPosix = (p: string) => p.split(sep).join('/');
const clean = (g: string) => g.replace(/^\.\//, '').replace(/\/+$/, '');

function makeWorkspace(root: string, tool: Workspace['tool'], globs: readonly string[]): Workspace {
  const positive = globs.filter((g) => !g.startsWith('!')).map(clean);
  const negative = globs.filter((g) => g.startsWith('!')).map((g) => clean(g.slice(1)));
  const isMatch = picomatch(positive.length > 0 ? positive : ['\0'], { ignore: negative, dot: false });
  let found: Map<string, WorkspacePackage> | undefined;
  return {
    root,
    tool,
    globs,
    isMember(dir) {
      const rel = toPosix(relative(root, dir));
      if (rel === '') return true;
      if (rel.startsWith('..')) return false;
      return isMatch(rel);
    },
    packages() {
      if (!found) found = expand(root, positive, isMatch);
      return found;
    },
  };
}

/** Member folders of a workspace: each glob walked from its literal prefix, within the bounds above. */
function expand(
  root: string,
  globs: readonly string[],
  isMatch: (rel: string) => boolean,
): Map<string, WorkspacePackage> {
  const out = new Map<string, WorkspacePackage>();
  let listed = 0;
  /** Records `dir` when it matches, then walks `remaining` more levels down. */
  const visit = (dir: string, remaining: number): void => {
    if (out.size >= MAX_PACKAGES) return;
    const rel = toPosix(relative(root, dir));
    if (rel && isMatch(rel)) {
      const manifest = manifestAt(dir);
      if (manifest && typeof manifest.name === 'string' && !out.has(manifest.name))
        out.set(manifest.name, { name: manifest.name, dir, manifest });
    }
    if (remaining <= 0 || listed >= MAX_DIRS_LISTED) return;
    listed++;
    for (const e of listFolder(dir) ?? []) {
      if (!e.directory || NEVER.has(e.name) || e.name.startsWith('.')) continue;
      visit(join(dir, e.name), remaining - 1);
    }
  };
  for (const glob of globs) {
    // Only the folder before the first glob character is walked, as deep as the glob reaches.
    const parts = glob.split('/');
    const literal: string[] = [];
    for (const part of parts) {
      if (/[*?[\]{}()!+@]/.test(part)) break;
      literal.push(part);
    }
    const start = join(root, ...literal);
    if (!statOf(start)?.dir) continue;
    visit(start, parts.includes('**') ? MAX_GLOB_DEPTH : parts.length - literal.length);
  }
  return out;
}

const workspaceByDir = new Map<string, { stamps: string; value: Workspace | undefined }>();

/** The stamps of the files that decide whether `dir` is a workspace root. */
function rootStamps(dir: string): string {
  return [join(dir, 'package.json'), join(dir, 'pnpm-workspace.yaml')].map((p) => statOf(p)?.stamp ?? '-').join('|');
}

/** The workspace whose root is at or above `dir` and that counts `dir` as a member (or its root). */
export function workspaceOf(startDir: string): Workspace | undefined {
  let dir = startDir;
  for (let i = 0; i < MAX_LEVELS; i++) {
    const stamps = rootStamps(dir);
    let hit = workspaceByDir.get(dir);
    if (!hit || hit.stamps !== stamps) {
      const declared = stamps === '-|-' ? undefined : declaredGlobs(dir);
      hit = { stamps, value: declared ? makeWorkspace(dir, declared.tool, declared.globs) : undefined };
      if (workspaceByDir.size > 2000) workspaceByDir.clear();
      workspaceByDir.set(dir, hit);
    }
    if (hit.value) return hit.value.isMember(packageDirOf(startDir, dir) ?? startDir) ? hit.value : undefined;
    // Never above the repository root.
    if (statOf(join(dir, '.git'))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/** The nearest folder at or above `dir` (and not above `limit`) holding a package.json. */
export function packageDirOf(dir: string, limit?: string): string | undefined {
  let d = dir;
  for (let i = 0; i < MAX_LEVELS; i++) {
    if (statOf(join(d, 'package.json'))?.file) return d;
    if (d === limit) return undefined;
    const parent = dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
  return undefined;
}

/** Where a specifier that names a workspace package leads: the files to try, in order. */
export interface WorkspaceEntry {
  /** The workspace root: the resolved file must lie inside it. */
  readonly root: string;
  readonly candidates: readonly string[];
}

/** Export conditions in the order a source-reading tool prefers them. */
const CONDITIONS = ['source', 'development', 'import', 'require', 'node', 'default', 'types'];
/** Build output folders whose sources sit in `src/` before a build. */
const BUILD_DIR = /^(?:\.\/)?(?:dist|build|lib|out)\//;

function exportTarget(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') return value;
  if (depth > 4 || !value || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const v of value) {
      const t = exportTarget(v, depth + 1);
      if (t) return t;
    }
    return undefined;
  }
  const conditions = value as Record<string, unknown>;
  for (const c of CONDITIONS) {
    const t = c in conditions ? exportTarget(conditions[c], depth + 1) : undefined;
    if (t) return t;
  }
  return undefined;
}

/**
 * The files a bare specifier (`@acme/config`, `@acme/config/cors`) may mean when it names a package of the
 * workspace `fromDir` belongs to: its `exports`, `main`, `module`, `types`, its `index`, and for an entry in
 * an unbuilt `dist/` (or `build/`, `lib/`, `out/`) the same path under `src/`. Undefined when it names none.
 */
export function workspacePackageEntry(specifier: string, fromDir: string): WorkspaceEntry | undefined {
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  if (parts.length < nameLength || parts.some((p) => p === '' || p === '.' || p === '..')) return undefined;
  const workspace = workspaceOf(fromDir);
  const pkg = workspace?.packages().get(parts.slice(0, nameLength).join('/'));
  if (!workspace || !pkg) return undefined;
  const subpath = parts.slice(nameLength).join('/');
  const m = pkg.manifest;
  const targets: string[] = [];
  const exportsField = m.exports;
  if (exportsField !== undefined) {
    const map =
      exportsField &&
      typeof exportsField === 'object' &&
      !Array.isArray(exportsField) &&
      Object.keys(exportsField).some((k) => k.startsWith('.'))
        ? (exportsField as Record<string, unknown>)
        : { '.': exportsField };
    const t = exportTarget(map[subpath ? `./${subpath}` : '.']);
    if (t) targets.push(t);
  }
  if (subpath) targets.push(subpath);
  else for (const field of [m.main, m.module, m.types, m.typings]) if (typeof field === 'string') targets.push(field);
  if (!subpath) targets.push('index');
  const candidates: string[] = [];
  for (const t of targets) {
    candidates.push(join(pkg.dir, t));
    if (BUILD_DIR.test(t)) {
      const inSrc = t.replace(BUILD_DIR, 'src/').replace(/\.d\.[cm]?ts$|\.[cm]?js$/, '');
      candidates.push(join(pkg.dir, inSrc));
    }
  }
  if (!subpath) candidates.push(join(pkg.dir, 'src', 'index'));
  return { root: workspace.root, candidates: [...new Set(candidates)] };
}

/** The workspace package a file belongs to: its name and folder (relative to the workspace root, `/`). */
export interface MemberPackage {
  /** The package.json `name`, else the folder. */
  readonly name: string;
  /** `.` for the workspace root itself. */
  readonly folder: string;
}

/** A file's workspace package, with the workspace root it is relative to. */
export interface MemberOf {
  readonly member: MemberPackage;
  readonly root: string;
}

/**
 * The workspace member (or the root) that holds `file`, when the file lies in a workspace; undefined in a
 * project of one package (grouping by package would say nothing there).
 */
export function memberPackageOf(file: string): MemberOf | undefined {
  const dir = dirname(file);
  const workspace = workspaceOf(dir);
  if (!workspace) return undefined;
  const packageDir = packageDirOf(dir, workspace.root) ?? workspace.root;
  const folder = relative(workspace.root, packageDir).split(sep).join('/') || '.';
  const name = manifestAt(packageDir)?.name;
  return {
    member: { name: typeof name === 'string' && name.length > 0 ? name : folder, folder },
    root: workspace.root,
  };
}
