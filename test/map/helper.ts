/**
 * Maps any directory with the `cors-guard` command (its built entry, run in this process) and checks the
 * map against the rules: every file the recommended preset flags has an unsafe or broken policy in the map
 * (and, where `strict`, the converse).
 * Used over the fixture projects and the examples here, and over any corpus of projects (test/corpus/).
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Ajv from 'ajv';
import type { MapReport } from '../../eslint-plugin/src/map';

const run = promisify(execFile);
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bin = join(root, 'eslint-plugin', 'bin', 'cors-guard.js');
const require = createRequire(import.meta.url);
export const schema = require('../../eslint-plugin/docs/map.schema.json') as object;

const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

/** Schema errors of a JSON report (empty when it conforms). */
export function schemaErrors(report: unknown): string[] {
  return validate(report) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

export interface MapRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

type Main = (
  argv: readonly string[],
  io: { cwd: string; stdout: (t: string) => void; stderr: (t: string) => void },
) => Promise<number>;
/** The bin's entry, built (what `bin/cors-guard.js` calls), loaded into this test process at its first run. */
let entry: Main | undefined;
const main: Main = (argv, io) =>
  (entry ??= (require('../../eslint-plugin/dist/cli.js') as { main: Main }).main)(argv, io);

/**
 * Runs `cors-guard <args>` in `cwd` in this process: the bin's own entry with its output captured and its
 * exit code returned (an exception is exit 2 with the stack on stderr, as the bin reports it). One process
 * for every run; `spawnCli` runs the real bin for what only a process shows.
 */
export async function cli(args: readonly string[], cwd: string): Promise<MapRun> {
  let stdout = '';
  let stderr = '';
  let code: number;
  try {
    code = await main(args, {
      cwd,
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
    });
  } catch (error) {
    stderr += `cors-guard: ${error instanceof Error && error.stack ? error.stack : String(error)}\n`;
    code = 2;
  }
  return { stdout, stderr, code };
}

/** Runs the real bin, `node bin/cors-guard.js <args>`, in `cwd` (a process of its own). */
export async function spawnCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<MapRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { stdout: e.stdout ?? '', stderr: e.stderr ?? String(error), code: e.code };
  }
}

/** The JSON map of a directory (`--no-config`: the recommended preset, as the agreement check lints). */
export async function mapDirectory(dir: string, args: readonly string[] = ['--no-config']): Promise<MapReport> {
  const r = await cli(['map', '--format', 'json', ...args], dir);
  if (r.code !== 0) throw new Error(`cors-guard map failed in ${dir} (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as MapReport;
}

/** Files the recommended preset (with the TypeScript parser) flags in `dir`, relative with `/`. */
export async function recommendedFlags(dir: string): Promise<Map<string, string[]>> {
  const { ESLint } = await import('eslint');
  const plugin = require('../../eslint-plugin/dist/index.js') as { configs: { recommended: object } };
  const { gitignorePatterns } = require('../../eslint-plugin/dist/map/index.js') as {
    gitignorePatterns: (cwd: string) => string[];
  };
  const tsParser = require('@typescript-eslint/parser') as object;
  const all = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
  // Read JavaScript as the map (and the editor) does: a module with JSX, then what fails as plain module,
  // then as CommonJS.
  const reads = [
    { sourceType: 'module', jsx: true },
    { sourceType: 'module', jsx: false },
    { sourceType: 'commonjs', jsx: true },
    { sourceType: 'commonjs', jsx: false },
  ];
  const eslintFor = (read: (typeof reads)[number]) =>
    new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      ignorePatterns: gitignorePatterns(dir),
      errorOnUnmatchedPattern: false,
      overrideConfig: [
        { files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser } },
        {
          files: ['**/*.js', '**/*.jsx', '**/*.mjs'],
          languageOptions: { sourceType: read.sourceType, parserOptions: { ecmaFeatures: { jsx: read.jsx } } },
        },
        { files: all, ...plugin.configs.recommended },
      ] as never,
    });
  let results = await eslintFor(reads[0]!).lintFiles(['.']);
  for (const read of reads.slice(1)) {
    const failed = results.filter((r) => /\.(m?js|jsx)$/.test(r.filePath) && r.messages.some((m) => m.fatal));
    if (failed.length === 0) break;
    const again = new Map((await eslintFor(read).lintFiles(failed.map((r) => r.filePath))).map((r) => [r.filePath, r]));
    results = results.map((r) => {
      const a = again.get(r.filePath);
      return a && !a.messages.some((m) => m.fatal) ? a : r;
    });
  }
  const out = new Map<string, string[]>();
  for (const r of results) {
    const rules = r.messages.filter((m) => m.ruleId?.startsWith('cors-guard/')).map((m) => `${m.ruleId}@${m.line}`);
    if (rules.length > 0) out.set(relative(dir, r.filePath).split(sep).join('/'), rules);
  }
  return out;
}

export interface Agreement {
  /** Files the preset flags with no unsafe or broken policy in the map (must be empty). */
  readonly flaggedWithoutPolicy: string[];
  /** Files with an unsafe or broken policy the preset does not flag. */
  readonly unflaggedWithUnsafePolicy: string[];
  readonly flagged: number;
}

export async function agreementOf(dir: string, report?: MapReport): Promise<Agreement> {
  const map = report ?? (await mapDirectory(dir));
  const flags = await recommendedFlags(dir);
  const bad = new Set(map.policies.filter((p) => p.verdict === 'unsafe' || p.verdict === 'broken').map((p) => p.file));
  return {
    flaggedWithoutPolicy: [...flags.keys()].filter((f) => !bad.has(f)).map((f) => `${f}: ${flags.get(f)!.join(', ')}`),
    unflaggedWithUnsafePolicy: [...bad].filter((f) => !flags.has(f)),
    flagged: flags.size,
  };
}
