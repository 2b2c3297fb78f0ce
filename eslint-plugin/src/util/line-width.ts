/**
 * The line width suggestions wrap at: the project's Prettier `printWidth` when its configuration says one,
 * else 80 (Prettier's default). Read from disk next to the linted file, walking up to the folder holding
 * `.git` or the filesystem root: `.prettierrc` / `.prettierrc.json` / `.prettierrc.json5` (JSON),
 * `.prettierrc.yaml` / `.yml`, `.prettierrc.{js,cjs,mjs}` and `prettier.config.{js,cjs,mjs}` (the literal
 * `printWidth: N`, never executed), or the `prettier` key of package.json. Prettier itself is never loaded:
 * the rules stay synchronous and run where Prettier is not installed. Only regular files under a size cap
 * are read, and each folder's answer is cached (an editor lints the same file many times).
 */
import { statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { READ_LIMITS } from '../analysis/budgets';
import { readText } from '../analysis/read-file';

export const DEFAULT_LINE_WIDTH = 80;
const MAX_LEVELS = 40;
const CONFIG_FILES = [
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.json5',
  '.prettierrc.yaml',
  '.prettierrc.yml',
  '.prettierrc.js',
  '.prettierrc.cjs',
  '.prettierrc.mjs',
  'prettier.config.js',
  'prettier.config.cjs',
  'prettier.config.mjs',
];

const byFolder = new Map<string, number | undefined>();

/** A plausible width (Prettier accepts any positive integer; a huge one would never wrap). */
function widthOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 20 && value <= 1000 ? value : undefined;
}

/** `printWidth` in a configuration file's text: JSON first, else the literal `printWidth: N` (YAML, JS). */
function widthInText(text: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') return widthOf((parsed as { printWidth?: unknown }).printWidth);
  } catch {
    // Not JSON: YAML or a module.
  }
  const m = /["']?printWidth["']?\s*:\s*(\d{2,4})\b/.exec(text);
  return m ? widthOf(Number(m[1])) : undefined;
}

/**
 * What one folder's configuration says: a width, `null` when it has a Prettier configuration without one
 * (the nearest configuration wins, so the search stops there), undefined when it has none.
 */
function folderWidth(folder: string): number | null | undefined {
  for (const name of CONFIG_FILES) {
    const text = readText(join(folder, name), { maxBytes: READ_LIMITS.configBytes });
    if (text !== undefined) return widthInText(text) ?? null;
  }
  const pkg = readText(join(folder, 'package.json'), { maxBytes: READ_LIMITS.configBytes });
  if (pkg !== undefined) {
    try {
      const prettier = (JSON.parse(pkg) as { prettier?: unknown } | null)?.prettier;
      if (prettier && typeof prettier === 'object')
        return widthOf((prettier as { printWidth?: unknown }).printWidth) ?? null;
    } catch {
      // A broken package.json says nothing.
    }
  }
  return undefined;
}

/** A repository's root: `.git` is a folder, or a file in a worktree or submodule. */
function hasGit(folder: string): boolean {
  try {
    statSync(join(folder, '.git'));
    return true;
  } catch {
    return false;
  }
}

/** The line width for suggestions in `filename` (a path on disk; anything else gets the default). */
export function lineWidthFor(filename: string): number {
  if (!isAbsolute(filename)) return DEFAULT_LINE_WIDTH;
  const start = dirname(filename);
  if (byFolder.has(start)) return byFolder.get(start) ?? DEFAULT_LINE_WIDTH;
  let width: number | undefined;
  let folder = start;
  for (let level = 0; level < MAX_LEVELS; level++) {
    const found = folderWidth(folder);
    if (found !== undefined) {
      width = found ?? undefined;
      break;
    }
    const up = dirname(folder);
    if (up === folder || hasGit(folder)) break;
    folder = up;
  }
  if (byFolder.size > 1000) byFolder.clear();
  byFolder.set(start, width);
  return width ?? DEFAULT_LINE_WIDTH;
}
