/**
 * What the map may hand to ESLint. ESLint reads every file it lints whole and waits on it, so a file that
 * is not what its name says (a FIFO `src/fifo.ts`, `src/zero.ts` linking to `/dev/zero`, a socket, a link
 * to a file outside the project, a sparse file of gigabytes) would hang the map or kill it, losing every
 * other policy. The paths are walked first: such files are kept from ESLint (as ignore patterns) and listed
 * in the report as not analysed, with the reason. The walk looks at names and file types only (never opens
 * a file), does not follow links to folders, skips `node_modules` and `.git` as ESLint does, and stops at
 * a counted number of entries.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { READ_LIMITS } from '../analysis/budgets';
import { whyNotReadable } from '../analysis/read-file';

/** Names ESLint lints without a config saying more (the map's own preset lints these). */
export const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/i;

/** Folders entered at most, and entries looked at, per map. */
export const WALK_LIMITS = { maxEntries: 200_000 } as const;

export interface NotAnalysed {
  readonly file: string;
  readonly reason: string;
}

export interface Walk {
  /** Source-named files ESLint must not open, relative to `cwd`, with the reason. */
  readonly skipped: NotAnalysed[];
  /** Source-named regular files found (so a path that holds none can be refused). */
  readonly sources: number;
}

export class MapPathError extends Error {}

/**
 * Walks `paths` (relative to `cwd`): each must exist, else a `MapPathError`. Files named like sources that
 * cannot be read safely are collected with the reason.
 */
export function walkPaths(cwd: string, paths: readonly string[]): Walk {
  const skipped: NotAnalysed[] = [];
  let sources = 0;
  let budget = WALK_LIMITS.maxEntries;
  const name = (abs: string) => relative(cwd, abs).split(sep).join('/') || '.';
  const consider = (abs: string) => {
    const why = whyNotReadable(abs, { maxBytes: READ_LIMITS.sourceBytes, root: cwd });
    if (why === undefined) sources++;
    else skipped.push({ file: name(abs), reason: why });
  };
  const visit = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (--budget < 0) return;
      const abs = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== '.git') visit(abs);
      } else if (SOURCE_FILE.test(e.name)) {
        consider(abs);
      }
    }
  };
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let isDir: boolean;
    try {
      // A path given on the command line is followed (a link to a folder is that folder).
      isDir = statSync(abs).isDirectory();
    } catch {
      throw new MapPathError(`no such file or folder: ${p}`);
    }
    if (isDir) visit(abs);
    else consider(abs);
  }
  return { skipped, sources };
}

/** A path as a glob that matches only itself (ESLint's ignore patterns are minimatch globs). */
export function literalGlob(path: string): string {
  return path.replace(/[\\*?[\]{}()!+@,]/g, (c) => `\\${c}`);
}
