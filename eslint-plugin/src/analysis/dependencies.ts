/**
 * Which files a file's findings depend on, as the analysis reads them: the modules it imports (up to
 * `MODULE_LIMITS.maxDepth` hops), the files that import it (a helper is judged on its callers, one hop, as
 * many as `importersOf` returns) and what those import. A finding can change only when one of these
 * changes, so this is what a cache of findings must follow (`eslint --cache`), what a pre-commit check
 * must lint beside the changed files (`cors-guard check`) and what the editor re-lints when a file changes.
 *
 * Built without parsing: each file's text is screened (analysis/screen.ts) and its import specifiers read
 * with the reverse index's expression, both kept by path + stamp; only files that pass the screen can hold
 * a finding, so only theirs are followed. Bounded: the project listing (`IMPORTER_LIMITS.maxFiles`), hops,
 * and `DEPENDENCY_LIMITS` on the files followed; past a bound the answer says it is incomplete.
 */
import { createHash } from 'node:crypto';
import * as nodePath from 'node:path';
import { mayHoldCors } from './screen';
import { IMPORTER_LIMITS, projectFiles, specifiersIn } from './values/importers';
import { DISK, MODULE_LIMITS, resolveModule, type ModuleFileSystem } from './values/modules';

export const DEPENDENCY_LIMITS = {
  /** Files whose imports are resolved in one question (the closure of every CORS file of a project). */
  maxFollowed: 20_000,
} as const;

interface FileFacts {
  readonly stamp: string;
  /** Content hash (sha1, hex): what the cache key follows, so a checkout that only touches mtimes keeps it. */
  readonly hash: string;
  /** Whether the text passes the screen: only such a file can hold a finding. */
  readonly cors: boolean;
  readonly specifiers: readonly string[];
  /** Resolved project imports, per root (resolution depends on the root). */
  readonly imports: Map<string, readonly string[]>;
}

const facts = new Map<string, FileFacts>();
const byFs = new WeakMap<object, Map<string, FileFacts>>();

function factsOf(file: string, fs: ModuleFileSystem): FileFacts | undefined {
  const cache = fs === DISK ? facts : (byFs.get(fs.resolverFs as object) ?? new Map<string, FileFacts>());
  if (fs !== DISK) byFs.set(fs.resolverFs as object, cache);
  const stat = fs.stat(file);
  if (!stat) return undefined;
  const hit = cache.get(file);
  if (hit && hit.stamp === stat.stamp) return hit;
  if (stat.size > MODULE_LIMITS.maxBytes) {
    const big = { stamp: stat.stamp, hash: `size:${stat.stamp}`, cors: false, specifiers: [], imports: new Map() };
    cache.set(file, big);
    return big;
  }
  const text = fs.readFile(file) ?? '';
  const entry: FileFacts = {
    stamp: stat.stamp,
    hash: createHash('sha1').update(text).digest('hex'),
    cors: mayHoldCors(text),
    specifiers: specifiersIn(text),
    imports: new Map(),
  };
  if (cache.size > 50_000) cache.clear();
  cache.set(file, entry);
  return entry;
}

function importsOf(file: string, root: string, fs: ModuleFileSystem): readonly string[] {
  const f = factsOf(file, fs);
  if (!f) return [];
  let list = f.imports.get(root);
  if (!list) {
    const out = new Set<string>();
    for (const spec of f.specifiers) {
      // Packages are never followed (modules.ts); a bare name may still be a tsconfig path.
      const found = resolveModule(spec, file, root, fs);
      if (found && found !== file) out.add(found);
    }
    list = [...out].sort();
    f.imports.set(root, list);
  }
  return list;
}

/** What the dependencies of a set of files were computed from, and whether a bound cut them short. */
export interface Dependencies {
  /** Every file some analysed file's findings may read, other than that file itself. */
  readonly files: ReadonlySet<string>;
  /** Whether a bound was reached (the project listing, files followed): then `files` may miss some. */
  readonly incomplete: boolean;
}

/**
 * One question's walk over the project's imports: each file's resolved imports read once, and the reverse
 * (who imports a file) built from them for every listed file, in path order as `importersOf` lists them.
 */
class Walk {
  followed = 0;
  incomplete = false;
  private readonly imports = new Map<string, readonly string[]>();
  private reverse: Map<string, string[]> | undefined;
  constructor(
    readonly root: string,
    readonly fs: ModuleFileSystem,
  ) {}

  importsOf(file: string): readonly string[] {
    let list = this.imports.get(file);
    if (!list) {
      list = importsOf(file, this.root, this.fs);
      this.imports.set(file, list);
    }
    return list;
  }

  /**
   * The first `maxImporters` project files importing `file`, as the analysis reads them (helpers.ts through
   * `importersOf`, which finds the same files by name before resolving).
   */
  importersOf(file: string): readonly string[] {
    if (!this.reverse) {
      this.reverse = new Map();
      for (const f of projectFiles(this.root, this.fs)) {
        for (const target of this.importsOf(f)) {
          let list = this.reverse.get(target);
          if (!list) this.reverse.set(target, (list = []));
          if (list.length < IMPORTER_LIMITS.maxImporters) list.push(f);
        }
      }
    }
    return this.reverse.get(file) ?? [];
  }

  /** Files reached from `start` through imports, within `hops`. */
  forward(start: string, hops: number, into: Set<string>): void {
    let frontier = [start];
    for (let depth = 0; depth < hops && frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const file of frontier) {
        if (++this.followed > DEPENDENCY_LIMITS.maxFollowed) {
          this.incomplete = true;
          return;
        }
        for (const target of this.importsOf(file)) {
          if (into.has(target) || target === start) continue;
          into.add(target);
          next.push(target);
        }
      }
      frontier = next;
    }
  }

  /** What the analysis of `file` may read besides `file`. */
  readsOf(file: string): Set<string> {
    const out = new Set<string>();
    this.forward(file, MODULE_LIMITS.maxDepth, out);
    for (const importer of this.importersOf(file)) {
      out.add(importer);
      this.forward(importer, MODULE_LIMITS.maxDepth - 1, out);
    }
    out.delete(file);
    return out;
  }
}

/** The project's files that can hold a finding (they pass the text screen), sorted. */
export function corsFiles(root: string, fs: ModuleFileSystem = DISK): string[] {
  return projectFiles(root, fs).filter((f) => factsOf(f, fs)?.cors);
}

function listingIncomplete(root: string, fs: ModuleFileSystem): boolean {
  return projectFiles(root, fs).length >= IMPORTER_LIMITS.maxFiles;
}

/**
 * The CORS-relevant modules of a project: every file the analysis of some CORS file may read, other than
 * that file itself. A change anywhere else cannot change a finding in another file.
 */
export function corsDependencies(root: string, fs: ModuleFileSystem = DISK): Dependencies {
  const walk = new Walk(root, fs);
  const files = new Set<string>();
  for (const file of corsFiles(root, fs)) for (const d of walk.readsOf(file)) files.add(d);
  return { files, incomplete: walk.incomplete || listingIncomplete(root, fs) };
}

/**
 * The files to lint when `changed` changed, so that every finding the change makes or ends is seen: the
 * changed files, the project modules they reach (the fix may sit there), and every CORS file whose
 * analysis reads one of them. Sorted; files outside the project are kept as given.
 */
export function affectedBy(
  changed: readonly string[],
  root: string,
  fs: ModuleFileSystem = DISK,
): { files: string[]; incomplete: boolean } {
  const walk = new Walk(root, fs);
  const out = new Set(changed);
  const changedSet = new Set(changed);
  for (const file of changed) walk.forward(file, MODULE_LIMITS.maxDepth, out);
  for (const file of corsFiles(root, fs)) {
    if (out.has(file)) continue;
    for (const d of walk.readsOf(file)) {
      if (changedSet.has(d)) {
        out.add(file);
        break;
      }
    }
  }
  return { files: [...out].sort(), incomplete: walk.incomplete || listingIncomplete(root, fs) };
}

/** Project files besides sources that change what the analysis concludes: versions and module resolution. */
const PROJECT_FACTS = [
  'package.json',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'tsconfig.json',
  'jsconfig.json',
];

/**
 * A digest of the CORS-relevant modules' contents (and the project's package and tsconfig files): equal
 * whenever no finding of one file can have changed because of another file. `eslint --cache` keys its
 * results on it (the presets' settings), so a change there re-lints the project and a change elsewhere
 * keeps every cached result.
 */
export function corsDigest(root: string, fs: ModuleFileSystem = DISK): string {
  const deps = corsDependencies(root, fs);
  const h = createHash('sha1');
  const rel = (p: string) => nodePath.relative(root, p).split(nodePath.sep).join('/');
  for (const file of [...deps.files].sort()) h.update(`${rel(file)}\0${factsOf(file, fs)?.hash ?? '-'}\n`);
  for (const name of PROJECT_FACTS) {
    const f = factsOf(nodePath.join(root, name), fs);
    if (f) h.update(`${name}\0${f.hash}\n`);
  }
  // Past a bound the digest cannot follow every dependency: it then changes with every run (never stale).
  if (deps.incomplete) h.update(`incomplete\0${Date.now()}`);
  return h.digest('hex').slice(0, 16);
}
