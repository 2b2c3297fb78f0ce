/**
 * eslint-plugin-cors-guard: finds CORS misconfigurations in server code.
 *
 *   import corsGuard from 'eslint-plugin-cors-guard';
 *   export default [corsGuard.configs.recommended];
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { rules, type RuleName } from './rules';
import { fileModelOf } from './util/file-model';
import { cacheKeySettings } from './util/cache-key';
import { DEPLOYMENT_FILE_GLOBS } from './analysis/sites/deployment-files';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { name, version } = require('../package.json') as { name: string; version: string };

type Preset = 'recommended' | 'strict';
type RuleEntry = (typeof rules)[RuleName];

/** Presets are derived from each rule's `meta.docs.recommended`, so they cannot drift. */
function presetRules(preset: Preset): Record<string, TSESLint.Linter.RuleLevel | TSESLint.Linter.RuleLevelAndOptions> {
  const out: Record<string, TSESLint.Linter.RuleLevel | TSESLint.Linter.RuleLevelAndOptions> = {};
  for (const [ruleName, rule] of Object.entries(rules) as [RuleName, RuleEntry][]) {
    const docs = rule.meta.docs;
    if (docs?.recommended !== 'recommended' && preset !== 'strict') continue;
    const level = docs?.level ?? 'error';
    const narrower = preset === 'recommended' ? docs?.recommendedOptions : undefined;
    out[`cors-guard/${ruleName}`] = narrower ? [level, narrower] : level;
  }
  return out;
}

interface FlatConfig {
  name: string;
  plugins: Record<string, unknown>;
  rules: Record<string, TSESLint.Linter.RuleLevel | TSESLint.Linter.RuleLevelAndOptions>;
  /** `cors-guard`: what `eslint --cache` keys results on besides the file (util/cache-key.ts). */
  settings: Record<string, unknown>;
}

/** A preset for the deployment JSON files (`vercel.json`, `firebase.json`), read with ESLint's JSON language. */
interface JsonFlatConfig extends FlatConfig {
  files: string[];
  language: string;
}

const plugin = {
  meta: { name, version },
  rules,
  configs: {} as { recommended: FlatConfig; strict: FlatConfig; json: JsonFlatConfig; 'json-strict': JsonFlatConfig },
  /** The policy model of the last lint of a file (for the editor extension). */
  fileModelOf,
};

plugin.configs.recommended = {
  name: 'cors-guard/recommended',
  plugins: { 'cors-guard': plugin },
  rules: presetRules('recommended'),
  settings: { 'cors-guard': cacheKeySettings() },
};
plugin.configs.strict = {
  name: 'cors-guard/strict',
  plugins: { 'cors-guard': plugin },
  rules: presetRules('strict'),
  settings: { 'cors-guard': cacheKeySettings() },
};

/**
 * `@eslint/json` (an ES module) is loaded when a JSON preset is first read, so linting JavaScript never
 * pays for it: `export default [corsGuard.configs.recommended, corsGuard.configs.json]`.
 */
let jsonPlugin: unknown;
function jsonPreset(preset: Preset): JsonFlatConfig {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  jsonPlugin ??= (require('@eslint/json') as { default?: unknown }).default;
  return {
    name: preset === 'recommended' ? 'cors-guard/json' : 'cors-guard/json-strict',
    files: [...DEPLOYMENT_FILE_GLOBS],
    plugins: { json: jsonPlugin, 'cors-guard': plugin },
    language: 'json/json',
    rules: presetRules(preset),
    settings: { 'cors-guard': cacheKeySettings() },
  };
}
for (const [key, preset] of [
  ['json', 'recommended'],
  ['json-strict', 'strict'],
] as const) {
  let made: JsonFlatConfig | undefined;
  Object.defineProperty(plugin.configs, key, { enumerable: true, get: () => (made ??= jsonPreset(preset)) });
}

export = plugin;
