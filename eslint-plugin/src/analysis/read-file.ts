/**
 * The one way the analysis, the map and the extension read a file of the project. Code the user did not
 * write can hold anything under a source-looking name: a FIFO (a read never returns), a link to `/dev/zero`
 * (a read never ends), a socket, a sparse file of gigabytes, a link to a file outside the project. So a file
 * is read only when it is a regular file (checked before opening, and again on the open descriptor, so a
 * file swapped for a FIFO in between is caught), under a size cap, inside the project when a root is given;
 * it is opened without blocking and read once, up to the cap. Anything else is skipped with a reason a
 * report can show. A UTF-8 byte-order mark is dropped (Node does the same for package.json and sources).
 */
import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';

export type ReadOutcome = { readonly text: string } | { readonly skipped: string };

export interface ReadOptions {
  /** Largest size read, in bytes. */
  readonly maxBytes: number;
  /** When given, the file (after following links) must be inside this folder. */
  readonly root?: string;
}

const MB = 1024 * 1024;

function sizeWords(bytes: number): string {
  if (bytes >= 1024 * MB) return `${Math.round((bytes / (1024 * MB)) * 10) / 10} GB`;
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function kindOf(st: nodeFs.Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/** Whether `path` is `root` or below it (both absolute, links resolved). */
export function isInside(root: string, path: string): boolean {
  const rel = nodePath.relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !nodePath.isAbsolute(rel));
}

const realRoots = new Map<string, string>();
function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    try {
      real = nodeFs.realpathSync.native(root);
    } catch {
      real = nodePath.resolve(root);
    }
    if (realRoots.size > 100) realRoots.clear();
    realRoots.set(root, real);
  }
  return real;
}

/**
 * Why `path` would not be read (a sentence fragment: `a FIFO (named pipe)`, `larger than 8 MB (1.5 GB)`),
 * or undefined when it would be. Looks at the file only (stat and, for a link, where it leads); never opens it.
 */
export function whyNotReadable(path: string, options: ReadOptions): string | undefined {
  let st: nodeFs.Stats;
  try {
    const link = nodeFs.lstatSync(path);
    if (link.isSymbolicLink() && options.root !== undefined) {
      let target: string;
      try {
        target = nodeFs.realpathSync.native(path);
      } catch {
        return 'a broken link';
      }
      const root = realRoot(options.root);
      if (!isInside(root, target)) return `a link leaving the project (to ${target})`;
    }
    st = link.isSymbolicLink() ? nodeFs.statSync(path) : link;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  if (!st.isFile()) return kindOf(st);
  if (st.size > options.maxBytes) return `larger than ${sizeWords(options.maxBytes)} (${sizeWords(st.size)})`;
  return undefined;
}

/** Reads `path` as UTF-8 text when it is a regular file within the limits; else says why not. */
export function readBounded(path: string, options: ReadOptions): ReadOutcome {
  const why = whyNotReadable(path, options);
  if (why !== undefined) return { skipped: why };
  let fd: number;
  try {
    // Non-blocking: should the file have become a FIFO since it was looked at, opening it does not wait
    // for a writer, and the check below turns it away.
    fd = nodeFs.openSync(path, nodeFs.constants.O_RDONLY | (nodeFs.constants.O_NONBLOCK ?? 0));
  } catch {
    return { skipped: 'unreadable' };
  }
  try {
    const st = nodeFs.fstatSync(fd);
    if (!st.isFile()) return { skipped: kindOf(st) };
    if (st.size > options.maxBytes)
      return { skipped: `larger than ${sizeWords(options.maxBytes)} (${sizeWords(st.size)})` };
    // One read up to the cap (plus a byte, to notice a file that grew past it meanwhile).
    const buffer = Buffer.allocUnsafe(Math.min(options.maxBytes + 1, st.size + 1));
    let length = 0;
    for (;;) {
      const n = nodeFs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) {
        if (length > options.maxBytes) return { skipped: `larger than ${sizeWords(options.maxBytes)}` };
        break;
      }
    }
    const start = length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
    return { text: buffer.toString('utf8', start, length) };
  } catch {
    return { skipped: 'unreadable' };
  } finally {
    nodeFs.closeSync(fd);
  }
}

/** The text of `path`, or undefined when it is skipped (see `readBounded`). */
export function readText(path: string, options: ReadOptions): string | undefined {
  const out = readBounded(path, options);
  return 'text' in out ? out.text : undefined;
}
