/**
 * The CORS map in the editor, without `vscode`: which files the workspace scan lints (extensions, excludes,
 * `.gitignore`), the map's groups (by file or by verdict) and the report the "Export report" command
 * writes. The entries themselves come from the worker (`LintResult.policies`), i.e. from `decide()`.
 */
import ignore, { type Ignore } from 'ignore';
import { packageLabel, type MapReport } from '../../../eslint-plugin/src/map/format';
import type { Level } from '../../../eslint-plugin/src/analysis/decide';
import type { PolicyEntry } from './protocol';

/** What the scan lints: JavaScript and TypeScript, as the editor does. */
export const SCAN_EXTENSIONS = ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts'] as const;
export const SCAN_GLOB = `**/*.{${SCAN_EXTENSIONS.join(',')}}`;
/** Never scanned, whatever the settings say: installed packages and VCS folders. */
export const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'] as const;

/** The glob `findFiles` excludes: `files.exclude` entries that are on, and installed packages. */
export function excludeGlob(filesExclude: Readonly<Record<string, unknown>> | undefined): string {
  const patterns = new Set<string>(ALWAYS_EXCLUDED);
  for (const [pattern, on] of Object.entries(filesExclude ?? {})) {
    // `{ "when": "$(basename).ts" }` conditions need sibling lookups: skipped (the pattern is not applied).
    if (on === true) patterns.add(pattern.includes('/') || pattern.startsWith('**') ? pattern : `**/${pattern}`);
  }
  const list = [...patterns].flatMap((p) => (p.endsWith('/**') ? [p] : [p, `${p}/**`]));
  return `{${list.join(',')}}`;
}

/** `.gitignore` files of a folder tree, each applying below its own directory (as git reads them). */
export class GitIgnores {
  private readonly rules: { dir: string; ig: Ignore }[] = [];

  /** `dir`: the `.gitignore`'s directory relative to the workspace folder (`''` at the root), with `/`. */
  add(dir: string, text: string): void {
    this.rules.push({ dir: dir.replace(/\/+$/, ''), ig: ignore().add(text) });
    // Deeper files are consulted after shallower ones: later rules win, as in git.
    this.rules.sort((a, b) => a.dir.split('/').length - b.dir.split('/').length);
  }

  /** Whether a path relative to the workspace folder (with `/`) is ignored. */
  ignores(path: string): boolean {
    let ignored = false;
    for (const { dir, ig } of this.rules) {
      if (dir && !path.startsWith(`${dir}/`)) continue;
      const rel = dir ? path.slice(dir.length + 1) : path;
      const r = ig.test(rel);
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
      // A parent directory ignored by this file ignores the path too (git does not descend into it).
      if (!ignored) {
        const parts = rel.split('/');
        for (let i = 1; i < parts.length && !ignored; i++) {
          if (ig.ignores(`${parts.slice(0, i).join('/')}/`)) ignored = true;
        }
      }
    }
    return ignored;
  }
}

export type Grouping = 'file' | 'verdict' | 'package';

export const VERDICT_ORDER: readonly Level[] = ['unsafe', 'broken', 'unknown', 'safe'];

export interface MapItem {
  /** The file's URI (as a string) and the name shown (relative to its workspace folder). */
  readonly uri: string;
  readonly file: string;
  readonly policy: PolicyEntry;
  /**
   * The entry is not of the file as it is now: `stale`, the file changed on disk since the scan that found
   * it; `unlinted`, the open document was edited since its last lint. Never shown as a current verdict.
   */
  readonly outdated?: Outdated;
}

export type Outdated = 'stale' | 'unlinted';

/** What an outdated entry says of itself. */
export const OUTDATED_WORDS: Readonly<Record<Outdated, { short: string; long: string }>> = {
  stale: { short: 'stale', long: 'Stale: the file changed on disk since the scan; it is being linted again.' },
  unlinted: { short: 'not linted since this change', long: 'Not linted since the last change of the document.' },
};

export interface MapGroup {
  readonly key: string;
  readonly label: string;
  readonly verdict?: Level;
  readonly items: readonly MapItem[];
}

/** A policy node's id in the tree: its file and site (unique: `groupMap` keeps one item per site). */
export function itemId(item: MapItem): string {
  return `${item.uri}#${item.policy.line}:${item.policy.column}`;
}

/**
 * Groups in display order: files by name, or verdicts worst first; items by file, then line. Items at the
 * same site (one policy reached twice) are shown once, the worst verdict first: a tree may not register
 * two nodes with one id.
 */
export function groupMap(items: readonly MapItem[], by: Grouping): MapGroup[] {
  const rank = (i: MapItem) => VERDICT_ORDER.indexOf(i.policy.verdict);
  const ordered = [...items].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.policy.line - b.policy.line ||
      a.policy.column - b.policy.column ||
      rank(a) - rank(b),
  );
  const ids = new Set<string>();
  const sorted = ordered.filter((i) => !ids.has(itemId(i)) && !!ids.add(itemId(i)));
  if (by === 'verdict') {
    return VERDICT_ORDER.map((verdict) => ({
      key: `verdict:${verdict}`,
      label: verdict,
      verdict,
      items: sorted.filter((i) => i.policy.verdict === verdict),
    })).filter((g) => g.items.length > 0);
  }
  if (by === 'package') {
    const packages = new Map<string, MapItem[]>();
    for (const item of sorted) {
      const member = item.policy.package;
      const key = member ? `${member.folder}\u0000${member.name}` : '';
      packages.set(key, [...(packages.get(key) ?? []), item]);
    }
    return [...packages.entries()]
      .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
      .map(([key, list]) => ({
        key: `package:${key}`,
        label: packageLabel(list[0]!.policy.package),
        verdict: VERDICT_ORDER.find((v) => list.some((i) => i.policy.verdict === v)),
        items: list,
      }));
  }
  const groups = new Map<string, MapItem[]>();
  for (const item of sorted) {
    const list = groups.get(item.uri);
    if (list) list.push(item);
    else groups.set(item.uri, [item]);
  }
  return [...groups.entries()].map(([uri, list]) => ({
    key: `file:${uri}`,
    label: list[0]!.file,
    verdict: VERDICT_ORDER.find((v) => list.some((i) => i.policy.verdict === v)),
    items: list,
  }));
}

/**
 * A policy in the tree: who gets in (label; the verdict is the icon), whether cookies go along, the
 * library and the line (description), and all of it for screen readers.
 */
export function itemLabel(item: MapItem, by: Grouping): { label: string; description: string; accessible: string } {
  const p = item.policy;
  const where = by === 'file' ? `line ${p.line}` : `${item.file}:${p.line}`;
  const cookies = p.credentials === true ? 'with cookies' : p.credentials === false ? 'no cookies' : 'cookies?';
  const what = p.library ?? 'headers';
  const label = p.allows.replace("any origin (the request's Origin sent back unchecked)", 'any origin, reflected');
  const outdated = item.outdated ? `${OUTDATED_WORDS[item.outdated].short} · ` : '';
  const description = `${outdated}${cookies} · ${what} · ${where}`;
  return { label, description, accessible: `${p.verdict}: ${p.allows}, ${description}` };
}

/**
 * The report the CLI would write for these entries (file names relative to their workspace folder;
 * `displayPath` names the other modules related lines point into, given as absolute paths).
 */
export function reportOf(
  items: readonly MapItem[],
  scanned: number,
  displayPath: (absolutePath: string) => string = (p) => p,
): MapReport {
  return {
    version: 1,
    policies: [...items]
      .sort((a, b) => a.file.localeCompare(b.file) || a.policy.line - b.policy.line)
      .map(({ file, policy }) => {
        const entry: Omit<PolicyEntry, 'hover'> & { hover?: string } = { ...policy };
        delete entry.hover;
        return {
          ...entry,
          file,
          related: entry.related.map((r) => ({ ...r, file: r.file === policy.file ? file : displayPath(r.file) })),
        };
      }),
    scanned,
    errors: [],
  };
}
