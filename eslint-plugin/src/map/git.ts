/**
 * The source files of a project at a git ref, read from the object store (`git ls-tree`, then one
 * `git cat-file --batch` for their contents): no checkout, the working tree is left alone. The map of a
 * ref lints these texts, and modules imported from them are read from the same tree (a module overlay).
 */
import { execFileSync } from 'node:child_process';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { MODULE_LIMITS, SOURCE_EXTENSIONS } from '../analysis/values/modules';
import { deploymentFileOf } from '../analysis/sites/deployment-files';

export interface RefTree {
  /** The commit the ref names. */
  readonly commit: string;
  /** Absolute path → text, for every tracked JavaScript/TypeScript (and JSON module) file under the folder. */
  readonly files: ReadonlyMap<string, string>;
}

function git(cwd: string, args: readonly string[], input?: string): Buffer {
  return execFileSync('git', [...args], {
    cwd,
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(input !== undefined ? { input } : {}),
  });
}

function topOf(cwd: string): string {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch {
    throw new Error(`${cwd} is not in a git repository`);
  }
}

/** The commit a ref names; throws a one-line error when `cwd` is not in a repository or `ref` names none. */
export function commitOf(cwd: string, ref: string): string {
  topOf(cwd);
  try {
    return git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
      .toString('utf8')
      .trim();
  } catch {
    throw new Error(`not a commit: ${ref}`);
  }
}

export function readRefTree(cwd: string, ref: string): RefTree {
  const top = topOf(cwd);
  const commit = commitOf(cwd, ref);
  const exts = new Set<string>(SOURCE_EXTENSIONS);
  // `-l`: with sizes (JSON modules larger than a module may be are left out).
  const listing = git(top, ['ls-tree', '-r', '-l', '-z', '--full-tree', commit]).toString('utf8');
  const wanted: { path: string; sha: string }[] = [];
  const here = resolve(cwd);
  for (const row of listing.split('\0')) {
    const tab = row.indexOf('\t');
    if (tab < 0) continue;
    const [, type, sha, size] = row.slice(0, tab).split(/ +/);
    const path = row.slice(tab + 1);
    if (type !== 'blob' || !sha) continue;
    const ext = path.slice(path.lastIndexOf('.'));
    const json = ext === '.json' && Number(size) <= MODULE_LIMITS.maxBytes;
    if (!exts.has(ext) && !json) continue;
    const abs = join(top, ...path.split('/'));
    const rel = relative(here, abs);
    if (rel.startsWith('..') || isAbsolute(rel)) continue;
    wanted.push({ path: abs, sha });
  }
  const files = new Map<string, string>();
  if (wanted.length === 0) return { commit, files };
  // One process for every blob: `<sha> blob <size>\n<content>\n` per request.
  const out = git(top, ['cat-file', '--batch'], `${wanted.map((w) => w.sha).join('\n')}\n`);
  let at = 0;
  for (const w of wanted) {
    const nl = out.indexOf(10, at);
    const header = out.subarray(at, nl).toString('utf8').split(' ');
    const size = Number(header[2]);
    if (header[1] !== 'blob' || !Number.isFinite(size)) throw new Error(`git cat-file: unexpected ${header.join(' ')}`);
    files.set(w.path, out.subarray(nl + 1, nl + 1 + size).toString('utf8'));
    at = nl + 1 + size + 1;
  }
  return { commit, files };
}

/** The source files of the tree under `paths` (relative to `cwd`; a file or a folder each), sorted. */
export function filesUnder(tree: RefTree, cwd: string, paths: readonly string[]): string[] {
  const roots = (paths.length > 0 ? paths : ['.']).map((p) => resolve(cwd, p));
  const exts = new Set<string>(SOURCE_EXTENSIONS);
  return [...tree.files.keys()]
    .filter((f) => exts.has(f.slice(f.lastIndexOf('.'))) || deploymentFileOf(f) !== undefined)
    .filter((f) => roots.some((r) => f === r || f.startsWith(r.endsWith(sep) ? r : r + sep)))
    .sort();
}
