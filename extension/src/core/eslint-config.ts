/**
 * Which ESLint flat config governs a file, and whether it loads CORS Guard: decides what a "disable"
 * quick fix may write. ESLint (v10, and v9 with `unstable_config_lookup_from_file`) looks for the first
 * `eslint.config.{js,mjs,cjs,ts,mts,cts}` from the file's folder up to the root. The config is read as
 * text, never run (untrusted workspaces stay safe); a config that imports `eslint-plugin-cors-guard`
 * loads it. Anything else (no config, a shared config we cannot see into) gets the harmless
 * `cors-guard-ignore` comment instead of an `eslint-disable` directive ESLint would reject.
 */
import { FLAT_CONFIG_NAMES } from '../../../eslint-plugin/src/util/flat-config';

export { FLAT_CONFIG_NAMES };

export interface ConfigFs {
  /** `undefined` when the file does not exist; otherwise a stamp that changes when it does (mtime). */
  stamp(path: string): number | undefined;
  read(path: string): string;
}

export type DisableStyle = 'eslint' | 'cors-guard';

const LOADS_PLUGIN = /(?:from\s*|require\s*\(\s*|import\s*\(\s*)['"]eslint-plugin-cors-guard(?:\/[^'"]*)?['"]/;

/** Whether a config's source loads this plugin (imports or requires it). */
export function configLoadsPlugin(source: string): boolean {
  return LOADS_PLUGIN.test(source);
}

function parentOf(dir: string): string | undefined {
  const trimmed = dir.replace(/[\\/]+$/, '');
  const i = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (i < 0) return undefined;
  const parent = trimmed.slice(0, i) || '/';
  return parent === dir ? undefined : parent;
}

function join(dir: string, name: string): string {
  return `${dir.replace(/[\\/]+$/, '')}/${name}`;
}

/** The flat config ESLint would use for a file in `dir`, or undefined. */
export function findFlatConfig(dir: string, fs: Pick<ConfigFs, 'stamp'>): string | undefined {
  for (let d: string | undefined = dir; d !== undefined; d = parentOf(d)) {
    for (const name of FLAT_CONFIG_NAMES) {
      const candidate = join(d, name);
      if (fs.stamp(candidate) !== undefined) return candidate;
    }
    if (d === '/' || /^[A-Za-z]:[\\/]?$/.test(d)) break;
  }
  return undefined;
}

/** Caches each config's verdict by path and stamp, so a quick-fix menu costs a few `stat`s. */
export class DisableStylePicker {
  private readonly verdicts = new Map<string, { stamp: number; loads: boolean }>();
  /** Folder -> its config, for a few seconds (the light bulb asks on every cursor move). */
  private readonly lookups = new Map<string, { at: number; config: string | undefined }>();

  constructor(
    private readonly fs: ConfigFs,
    private readonly now: () => number = Date.now,
    private readonly lookupTtlMs = 5000,
  ) {}

  styleFor(fileDir: string | undefined): { style: DisableStyle; config?: string } {
    if (!fileDir) return { style: 'cors-guard' };
    let lookup = this.lookups.get(fileDir);
    if (!lookup || this.now() - lookup.at > this.lookupTtlMs) {
      lookup = { at: this.now(), config: findFlatConfig(fileDir, this.fs) };
      this.lookups.set(fileDir, lookup);
    }
    const config = lookup.config;
    const stamp = config === undefined ? undefined : this.fs.stamp(config);
    if (config === undefined || stamp === undefined) return { style: 'cors-guard' };
    let verdict = this.verdicts.get(config);
    if (!verdict || verdict.stamp !== stamp) {
      let loads = false;
      try {
        loads = configLoadsPlugin(this.fs.read(config));
      } catch {
        loads = false;
      }
      verdict = { stamp, loads };
      this.verdicts.set(config, verdict);
    }
    return { style: verdict.loads ? 'eslint' : 'cors-guard', config };
  }
}
