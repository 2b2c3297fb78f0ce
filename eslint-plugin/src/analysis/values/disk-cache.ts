/**
 * What the analysis asks the disk about other files (stats, the files enhanced-resolve reads), cached for a
 * few seconds as enhanced-resolve caches its own reads: linting a project walks the same folders for every
 * file (the workspace root above it, the package.json beside it), and an uncached walk was a measurable
 * share of the rules' cost on real code. Nothing here changes a verdict while the disk stays still; a
 * long-lived host that sees files change says so with `forgetDisk` (the editor does on every change it
 * watches), and a short-lived `eslint` process never outlives the window.
 */
import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import { CachedInputFileSystem } from 'enhanced-resolve';
import { READ_LIMITS } from '../budgets';
import { readText } from '../read-file';

/** How long a stat or a read stays trusted, in milliseconds (enhanced-resolve's own default is 4 s too). */
const CACHE_MS = 4000;

export function notRegular(path: string): Error {
  return Object.assign(new Error(`not a regular file: ${path}`), { code: 'ENOENT' });
}

/**
 * A file enhanced-resolve may read (package.json files, for `imports`): a regular file under the config cap,
 * read once, its byte-order mark dropped (Node's own resolution ignores it); a package.json that does not
 * parse would fail every resolution beneath it, so it is read as absent instead.
 */
function readForResolver(path: string, encoding: unknown): string | Buffer {
  const text = readText(path, { maxBytes: READ_LIMITS.configBytes });
  if (text === undefined) throw notRegular(path);
  if (nodePath.basename(path) === 'package.json') {
    try {
      JSON.parse(text);
    } catch {
      throw notRegular(path);
    }
  }
  const enc = typeof encoding === 'string' ? encoding : (encoding as { encoding?: string } | undefined)?.encoding;
  return enc ? text : Buffer.from(text);
}

/** Node's fs for enhanced-resolve, reading only through `readForResolver`. */
const regularFs = {
  ...nodeFs,
  readFileSync: ((path: nodeFs.PathOrFileDescriptor, options?: unknown) =>
    typeof path === 'number'
      ? nodeFs.readFileSync(path, options as never)
      : readForResolver(String(path), options)) as typeof nodeFs.readFileSync,
  readFile: ((path: string, ...rest: unknown[]) => {
    const cb = rest.pop() as (e: unknown, v?: unknown) => void;
    let content: string | Buffer;
    try {
      content = readForResolver(String(path), rest[0]);
    } catch (e) {
      cb(e);
      return;
    }
    cb(null, content);
  }) as typeof nodeFs.readFile,
};

/** The disk as resolution and the stat helpers below read it. */
export const diskInput = new CachedInputFileSystem(regularFs as typeof nodeFs, CACHE_MS);

/** A path's stat (following links), from the cache; undefined when it does not exist or can't be read. */
export function cachedStat(path: string): nodeFs.Stats | undefined {
  try {
    return diskInput.statSync(path) as nodeFs.Stats;
  } catch {
    return undefined;
  }
}

/** A folder entry: a regular file or a folder (links, FIFOs, sockets and devices are left out). */
export interface FolderEntry {
  readonly name: string;
  readonly directory: boolean;
}

const listings = new Map<string, { readonly stamp: string; readonly entries: readonly FolderEntry[] }>();
const MAX_LISTINGS = 10_000;

/**
 * A folder's files and subfolders; undefined when it is not a folder or can't be read. A folder's entries change
 * only with its modification time, so a listing is read again only then (its stat comes from the cache above).
 */
export function listFolder(dir: string): readonly FolderEntry[] | undefined {
  const st = cachedStat(dir);
  if (!st?.isDirectory()) return undefined;
  const stamp = `${st.mtimeMs}:${st.ino}`;
  const hit = listings.get(dir);
  if (hit?.stamp === stamp) return hit.entries;
  try {
    const entries = nodeFs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() || e.isDirectory())
      .map((e) => ({ name: e.name, directory: e.isDirectory() }));
    if (listings.size >= MAX_LISTINGS) listings.clear();
    listings.set(dir, { stamp, entries });
    return entries;
  } catch {
    return undefined;
  }
}

/**
 * Forgets what was read from disk (a file that was missing may exist now, one that existed may be gone or
 * changed): the editor calls it when its watcher reports a change, instead of waiting out the window.
 */
export function forgetDisk(): void {
  diskInput.purge();
  listings.clear();
  answers.clear();
}

const answers = new Map<string, { readonly at: number; readonly value: unknown }>();
const MAX_ANSWERS = 20_000;

/**
 * An answer computed from the disk alone (where an import resolves), kept as long as the reads behind it:
 * `CACHE_MS`, or until `forgetDisk`. The key must name everything the answer depends on besides the disk.
 */
export function fromDisk<T>(key: string, compute: () => T): T {
  const now = Date.now();
  const hit = answers.get(key);
  if (hit && now - hit.at < CACHE_MS) return hit.value as T;
  const value = compute();
  if (answers.size >= MAX_ANSWERS) answers.clear();
  answers.set(key, { at: now, value });
  return value;
}
