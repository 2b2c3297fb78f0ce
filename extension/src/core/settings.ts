/** Settings as the extension reads them, validated, with defaults: plain data, no `vscode`. */
import type { LintSettings, Preset, RuleSeverity } from './protocol';

export type RunOn = 'onType' | 'onSave';
/** What the log records: `off` (errors only), `messages` (skips, slow lints, settings), `verbose` (every lint). */
export type Trace = 'off' | 'messages' | 'verbose';

export interface Settings extends LintSettings {
  readonly enable: boolean;
  readonly run: RunOn;
  /** Files larger than this (bytes of UTF-8) are skipped. */
  readonly maxFileSize: number;
  readonly trace: Trace;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  preset: 'recommended',
  rules: {},
  trustedOrigins: [],
  run: 'onType',
  maxFileSize: 1_000_000,
  trace: 'messages',
};

const SEVERITIES: ReadonlySet<string> = new Set(['off', 'warn', 'error']);

/** Reads settings from an untyped source (`getConfiguration().get`), ignoring malformed values. */
export function normalizeSettings(get: (key: string) => unknown): Settings {
  const enable = get('enable');
  const preset = get('preset');
  const run = get('run');
  const maxFileSize = get('maxFileSize');
  const rulesRaw = get('rules');
  const originsRaw = get('trustedOrigins');
  const trace = get('trace');
  const rules: Record<string, RuleSeverity> = {};
  if (rulesRaw && typeof rulesRaw === 'object' && !Array.isArray(rulesRaw)) {
    for (const [name, level] of Object.entries(rulesRaw as Record<string, unknown>)) {
      if (typeof level === 'string' && SEVERITIES.has(level)) rules[name] = level as RuleSeverity;
    }
  }
  return {
    enable: typeof enable === 'boolean' ? enable : DEFAULT_SETTINGS.enable,
    preset: preset === 'strict' || preset === 'recommended' ? (preset as Preset) : DEFAULT_SETTINGS.preset,
    rules,
    trustedOrigins: Array.isArray(originsRaw)
      ? originsRaw.filter((o): o is string => typeof o === 'string' && o.trim() !== '').map((o) => o.trim())
      : [],
    run: run === 'onSave' ? 'onSave' : 'onType',
    maxFileSize:
      typeof maxFileSize === 'number' && Number.isFinite(maxFileSize) && maxFileSize > 0
        ? maxFileSize
        : DEFAULT_SETTINGS.maxFileSize,
    trace: trace === 'off' || trace === 'verbose' || trace === 'messages' ? trace : DEFAULT_SETTINGS.trace,
  };
}

/** The part of the settings the worker sees. */
export function lintSettingsOf(s: Settings): LintSettings {
  return { preset: s.preset, rules: s.rules, trustedOrigins: s.trustedOrigins };
}
