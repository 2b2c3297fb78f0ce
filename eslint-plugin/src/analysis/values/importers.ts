/**
 * Who imports a module: the reverse of the import graph, for judging a helper where it lives (its callers
 * say what its parameters are). Built from the project's source files without parsing them: each file's
 * import specifiers are read with a regular expression and kept by path + stamp, and only the specifiers
 * that can name the target (by file or folder name, `#imports`) are resolved, with the same resolver
 * imports are followed with. Bounded: files listed per project, importers returned per module, and the
 * listing is read again only when it is older than a few seconds (the editor's files change).
 */
import * as nodePath from 'node:path';
import { DISK, resolveModule, SOURCE_EXTENSIONS, type ModuleFileSystem } from './modules';
import { mayName, namesOf, specifiersIn } from './specifiers';

export { specifiersIn };

export const IMPORTER_LIMITS = {
  /** Source files listed per project root; past it the rest of the project is not searched. */
  maxFiles: 4000,
  /** Importers returned per module (in path order): the callers a helper's judgement reads. */
  maxImporters: 12,
  /** Files larger than this are not read (as modules.ts does not parse them). */
  maxBytes: 512 * 1024,
  /** How long a listing is trusted before the folders are read again. */
  freshMs: 3000,
} as const;

const SKIP_DIRS = new Set(['node_modules', 'bower_components', 'jspm_packages', 'coverage']);
const SOURCE_EXT = new Set<string>(SOURCE_EXTENSIONS);

interface FileEntry {
  readonly stamp: string;
  readonly specifiers: readonly string[];
}

interface ProjectIndex {
  files: readonly string[];
  listedAt: number;
  readonly entries: Map<string, FileEntry>;
  /** Importers per target path, for the listing and stamps they were computed from. */
  readonly importers: Map<string, { readonly at: number; readonly list: readonly string[] }>;
}

const indexes = new Map<string, ProjectIndex>();
const byFs = new WeakMap<object, Map<string, ProjectIndex>>();

function indexFor(root: string, fs: ModuleFileSystem): ProjectIndex {
  const key = fs.resolverFs as object;
  let perFs = fs === DISK ? indexes : byFs.get(key);
  if (!perFs) byFs.set(key, (perFs = new Map()));
  let index = perFs.get(root);
  if (!index) {
    if (perFs.size > 20) perFs.clear();
    index = { files: [], listedAt: -Infinity, entries: new Map(), importers: new Map() };
    perFs.set(root, index);
  }
  return index;
}

/** The project's source files under `root` (sorted, node_modules and dot folders left out), at most `maxFiles`. */
export function projectFiles(root: string, fs: ModuleFileSystem = DISK): readonly string[] {
  if (!fs.listDir) return [];
  const index = indexFor(root, fs);
  if (Date.now() - index.listedAt > IMPORTER_LIMITS.freshMs) {
    index.files = list(root, fs);
    index.listedAt = Date.now();
    index.importers.clear();
  }
  return index.files;
}

function list(root: string, fs: ModuleFileSystem): string[] {
  const out: string[] = [];
  const dirs = [root];
  while (dirs.length > 0 && out.length < IMPORTER_LIMITS.maxFiles) {
    const dir = dirs.shift()!;
    const entries = fs.listDir?.(dir);
    if (!entries) continue;
    for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.name.startsWith('.')) continue;
      const p = nodePath.join(dir, e.name);
      if (e.directory) {
        if (!SKIP_DIRS.has(e.name)) dirs.push(p);
      } else if (SOURCE_EXT.has(nodePath.extname(e.name).toLowerCase()) && !/\.d\.[mc]?ts$/.test(e.name)) {
        out.push(p);
        if (out.length >= IMPORTER_LIMITS.maxFiles) break;
      }
    }
  }
  return out.sort();
}

function specifiersOf(file: string, index: ProjectIndex, fs: ModuleFileSystem): readonly string[] {
  const stat = fs.stat(file);
  if (!stat || stat.size > IMPORTER_LIMITS.maxBytes) return [];
  const hit = index.entries.get(file);
  if (hit && hit.stamp === stat.stamp) return hit.specifiers;
  const entry = { stamp: stat.stamp, specifiers: specifiersIn(fs.readFile(file) ?? '') };
  index.entries.set(file, entry);
  return entry.specifiers;
}

/**
 * The project files that import `target` (resolved as imports are followed), at most
 * `IMPORTER_LIMITS.maxImporters`, in path order; empty when the file system cannot list folders.
 */
export function importersOf(target: string, root: string, fs: ModuleFileSystem = DISK): readonly string[] {
  if (!fs.listDir) return [];
  // Imports are followed to project sources only (modules.ts): nothing can import a package's file here.
  const rel = nodePath.relative(root, target);
  if (!rel || rel.startsWith('..') || nodePath.isAbsolute(rel) || rel.split(nodePath.sep).includes('node_modules'))
    return [];
  const index = indexFor(root, fs);
  const now = Date.now();
  if (now - index.listedAt > IMPORTER_LIMITS.freshMs) {
    index.files = list(root, fs);
    index.listedAt = now;
    index.importers.clear();
  }
  const known = index.importers.get(target);
  if (known && known.at === index.listedAt) return known.list;
  const names = namesOf(target);
  const found: string[] = [];
  for (const file of index.files) {
    if (file === target) continue;
    for (const spec of specifiersOf(file, index, fs)) {
      if (!mayName(spec, names)) continue;
      if (resolveModule(spec, file, root, fs) === target) {
        found.push(file);
        break;
      }
    }
    if (found.length >= IMPORTER_LIMITS.maxImporters) break;
  }
  index.importers.set(target, { at: index.listedAt, list: found });
  return found;
}
