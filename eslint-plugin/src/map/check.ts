import { statSync } from 'node:fs';
/**
 * `cors-guard check [files…] [--staged | --changed REF]`: lints what a change can affect, for pre-commit
 * hooks and CI. ESLint lints the files it is given, and a CORS finding may sit in a file the change did not
 * touch (`check.js` changes, `server.js` sends the origin it accepts), so this lints the changed files
 * together with the project modules they reach and every CORS file whose analysis reads one of them
 * (analysis/dependencies.ts), with the project's own ESLint and flat config, and prints ESLint's
 * report. Exit code: 0 clean, 1 when an error is reported, 2 for a usage, git or configuration error.
 */
import { loadEslint } from './load-eslint';
import { ioOf, type CliIo } from '../util/cli-io';
import { execFileSync } from 'node:child_process';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { setRunScope } from '../analysis/run-scope';
import { affectedBy } from '../analysis/dependencies';
import { SOURCE_EXTENSIONS } from '../analysis/values/modules';

/** A regular file (never a FIFO, socket or device: `check` hands these paths to ESLint). */
function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const USAGE = `Usage: cors-guard check [files…] [options]

Lints the given (or staged, or changed) files together with the project modules they reach and the
files whose CORS findings depend on them, with the project's ESLint and flat config.

Options:
  --staged          the files staged in git (for a pre-commit hook)
  --changed REF     the files that differ between REF and the working tree (for CI: origin/main)
  --format NAME     ESLint formatter (default: stylish)
  --list            print the files that would be linted, one per line, and lint nothing
  --cwd DIR         the project folder (default: the current folder)
  -h, --help        show this help
`;

/** Where `check` writes and the folder it runs in (the CLI's io). */
export type CheckIo = CliIo;

interface EslintResult {
  filePath: string;
  errorCount: number;
  fatalErrorCount?: number;
  messages: unknown[];
}
interface EslintLike {
  lintFiles(patterns: string[]): Promise<EslintResult[]>;
  isPathIgnored(filePath: string): Promise<boolean>;
  loadFormatter(name: string): Promise<{ format(results: EslintResult[]): string | Promise<string> }>;
}
type EslintClass = new (options: Record<string, unknown>) => EslintLike;

function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', [...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  }).toString('utf8');
}

/** Files named by a NUL-separated `git diff --name-only -z` listing, absolute, that exist as files. */
function gitFiles(cwd: string, args: readonly string[]): string[] {
  let top: string;
  try {
    top = git(cwd, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    throw new Error(`${cwd} is not in a git repository`);
  }
  let listing: string;
  try {
    listing = git(top, args);
  } catch (error) {
    const why = String((error as { stderr?: Buffer }).stderr ?? (error as Error).message).trim();
    throw new Error(`git ${args.join(' ')}: ${why.split('\n')[0]}`);
  }
  return listing
    .split('\0')
    .filter(Boolean)
    .map((p) => join(top, ...p.split('/')))
    .filter(isRegularFile);
}

/** The staged files (added, copied, modified or renamed). */
export function stagedFiles(cwd: string): string[] {
  return gitFiles(cwd, ['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR']);
}

/** The files that differ between `ref` and the working tree (committed or not), and untracked ones. */
export function changedFiles(cwd: string, ref: string): string[] {
  const changed = gitFiles(cwd, ['diff', '--name-only', '-z', '--diff-filter=ACMR', ref, '--']);
  const untracked = gitFiles(cwd, ['ls-files', '--others', '--exclude-standard', '-z']);
  return [...new Set([...changed, ...untracked])];
}

const SOURCE = new Set<string>(SOURCE_EXTENSIONS);

function isUnder(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * The files to lint for a change: the changed JavaScript/TypeScript files inside `cwd`, the project modules
 * they reach and the CORS files whose findings read one of them; sorted, absolute.
 */
export function filesToCheck(cwd: string, changed: readonly string[]): { files: string[]; incomplete: boolean } {
  const sources = changed
    .map((f) => resolve(cwd, f))
    .filter((f) => isUnder(cwd, f) && SOURCE.has(f.slice(f.lastIndexOf('.')).toLowerCase()));
  if (sources.length === 0) return { files: [], incomplete: false };
  const { files, incomplete } = affectedBy(sources, cwd);
  return {
    files: files.filter((f) => isUnder(cwd, f) && !f.split(sep).includes('node_modules') && isRegularFile(f)),
    incomplete,
  };
}

/** The command line (`argv` after `check`); returns the exit code. */
export async function main(argv: readonly string[], given: Partial<CheckIo> = {}): Promise<number> {
  const io: CheckIo = ioOf(given);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        staged: { type: 'boolean', default: false },
        changed: { type: 'string' },
        format: { type: 'string', default: 'stylish' },
        list: { type: 'boolean', default: false },
        cwd: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const sources = [values.staged, values.changed !== undefined, positionals.length > 0].filter(Boolean).length;
  if (sources !== 1) {
    io.stderr(`Give files, --staged or --changed REF (exactly one of them)\n\n${USAGE}`);
    return 2;
  }
  const cwd = resolve(io.cwd, values.cwd ?? '.');
  let changed: string[];
  try {
    changed = values.staged
      ? stagedFiles(cwd)
      : values.changed !== undefined
        ? changedFiles(cwd, values.changed)
        : positionals.map((p) => resolve(cwd, p));
  } catch (error) {
    io.stderr(`cors-guard: ${(error as Error).message}\n`);
    return 2;
  }
  const { files, incomplete } = filesToCheck(cwd, changed);
  if (incomplete)
    io.stderr('cors-guard: the project is larger than the dependency walk follows; some files may be missed\n');
  if (values.list) {
    io.stdout(files.map((f) => `${relative(cwd, f).split(sep).join('/')}\n`).join(''));
    return 0;
  }
  if (files.length === 0) return 0;
  try {
    const ESLint = await loadEslint<EslintClass>(cwd);
    const eslint = new ESLint({ cwd, errorOnUnmatchedPattern: false });
    const lintable: string[] = [];
    for (const f of files) if (!(await eslint.isPathIgnored(f))) lintable.push(f);
    // The fix location of a finding is in the run when it is among these files (analysis/run-scope.ts).
    setRunScope({ paths: lintable, globs: false });
    let results: EslintResult[];
    try {
      results = await eslint.lintFiles(lintable);
    } finally {
      setRunScope(undefined);
    }
    const formatter = await eslint.loadFormatter(values.format);
    const text = await formatter.format(results);
    if (text) io.stdout(text.endsWith('\n') ? text : `${text}\n`);
    return results.some((r) => r.errorCount > 0 || (r.fatalErrorCount ?? 0) > 0) ? 1 : 0;
  } catch (error) {
    io.stderr(`cors-guard: ${(error as Error).message}\n`);
    return 2;
  }
}
