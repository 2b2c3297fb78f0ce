/**
 * `cors-guard map [paths…] [--format text|json|md|html] [--out FILE]`: every CORS policy of a project and
 * who it lets in. Lints with ESLint's own API (the project's ESLint when it has one, ESLint 9 or 10) and
 * the project's flat config when there is one, else the recommended preset with the TypeScript parser
 * (when installed) and the project's `.gitignore`. A rule added to the run hands over each file's model.
 */
import { loadEslint } from './load-eslint';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import plugin from '../index';
import type { Policy } from '../analysis';
import { READ_LIMITS } from '../analysis/budgets';
import { readText } from '../analysis/read-file';
import { DISK, overlayFileSystem } from '../analysis/values/modules';
import { ioOf, type CliIo } from '../util/cli-io';
import { FLAT_CONFIG_NAMES } from '../util/flat-config';
import { setModuleFileSystem, withFileModel } from '../util/file-model';
import { mappedPoliciesOf, withPackage, type MapPolicy } from './entries';
import { diffMaps, formatDiffJson, formatDiffMarkdown, formatDiffText, type LivePolicy, type MapDiff } from './diff';
import { commitOf, filesUnder, readRefTree } from './git';
import { formatJson, formatMarkdown, formatText, type MapReport } from './format';
import { baseLink, formatHtml, linkBaseProblem, relativeLink } from './html';
import { literalGlob, MapPathError, walkPaths, type NotAnalysed } from './walk';

export const FORMATS = ['text', 'json', 'md', 'html'] as const;
export type Format = (typeof FORMATS)[number];

const JS_TS = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const TS = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JS = ['**/*.js', '**/*.jsx', '**/*.mjs'];

const USAGE = `Usage: cors-guard map [paths…] [options]
       cors-guard test <file>:<line> [options]   (cors-guard test --help)
       cors-guard check [files…] [--staged | --changed REF]   (cors-guard check --help)

Lists every CORS policy in the given files or folders (default: .) and who it lets in.

Options:
  --format text|json|md|html  output format (default: text)
  --out FILE                  write the report to FILE instead of standard output
  --config FILE               ESLint flat config to use (default: the project's eslint.config.*,
                              else the recommended preset)
  --no-config                 ignore the project's config: use the recommended preset
  --link-base URL             HTML: link each site to URL + file + #L<line> (default: a relative file link)
  --diff REF                  what the working tree changes against a git ref (text, json or md); exits 1
                              when a change lets in an attacker origin that was blocked before
  --cwd DIR                   the folder paths and report file names are relative to
  -h, --help                  show this help
`;

export interface MapOptions {
  readonly cwd?: string;
  readonly paths?: readonly string[];
  /** A flat config file; `false`: ignore the project's config. Default: look it up. */
  readonly config?: string | false;
  /** Where notes go (a config found above the folder that ignores all of it). */
  readonly warn?: (message: string) => void;
  /**
   * Map the files as they are at this git ref (read from git, no checkout) instead of the working tree;
   * modules they import are read from the same tree.
   */
  readonly ref?: string;
  /** Called with each entry and the policy it was read from (the diff asks `decide()` more questions). */
  readonly onPolicy?: (entry: MapPolicy, policy: Policy, trustedOrigins: readonly string[]) => void;
}

type LintResult = {
  filePath: string;
  messages: { fatal?: boolean; line?: number; message: string }[];
};
interface EslintLike {
  lintFiles(patterns: string[]): Promise<LintResult[]>;
  lintText(text: string, options: { filePath: string }): Promise<LintResult[]>;
  isPathIgnored(filePath: string): Promise<boolean>;
}
type EslintClass = (new (options: Record<string, unknown>) => EslintLike) & { readonly version?: string };

/** `@typescript-eslint/parser` from the project, else from beside this plugin; undefined if not installed. */
function typescriptParser(cwd: string): unknown {
  for (const from of [join(cwd, 'package.json'), __filename]) {
    try {
      return createRequire(from)('@typescript-eslint/parser');
    } catch {
      // try the next place
    }
  }
  return undefined;
}

/** The nearest flat config file from `cwd` upwards. */
export function findFlatConfig(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of FLAT_CONFIG_NAMES) if (existsSync(join(dir, name))) return join(dir, name);
    if (dirname(dir) === dir) return undefined;
  }
}

/** `.gitignore` lines as ESLint ignore patterns (relative to `cwd`); negations are left out. */
export function gitignorePatterns(cwd: string): string[] {
  const text = readText(join(cwd, '.gitignore'), { maxBytes: READ_LIMITS.configBytes, root: cwd });
  if (text === undefined) return [];
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const anchored = line.startsWith('/') || line.slice(0, -1).includes('/');
    const body = line.replace(/^\//, '');
    const pattern = anchored ? body : `**/${body}`;
    out.push(pattern, ...(pattern.endsWith('/') ? [] : [`${pattern}/**`]));
  }
  return out;
}

function displayName(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return (rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file).split(sep).join('/');
}

/**
 * ESLint's options: a given config file; a found one looked up by ESLint itself (so its patterns stay
 * relative to its own folder, as `eslint .` reads them); else the recommended preset (the TypeScript
 * parser, `.gitignore`).
 */
function eslintOptionsFor(
  cwd: string,
  config: { file: string; given: boolean } | undefined,
  collector: object,
  /** Files ESLint must not open (see `walk.ts`), as ignore patterns relative to `cwd`. */
  unreadable: readonly string[],
  /** Without a config: how to read JavaScript (default: modules with JSX, as the editor reads `.js` first). */
  read: Readonly<{ sourceType: 'module' | 'commonjs'; jsx: boolean }> = { sourceType: 'module', jsx: true },
): Record<string, unknown> {
  const ignorePatterns = [...unreadable];
  if (config?.given)
    return { cwd, ignorePatterns, overrideConfigFile: resolve(cwd, config.file), overrideConfig: [collector] };
  if (config) return { cwd, ignorePatterns, overrideConfig: [collector] };
  const parser = typescriptParser(cwd);
  return {
    cwd,
    overrideConfigFile: true,
    ignorePatterns: [...gitignorePatterns(cwd), ...ignorePatterns],
    overrideConfig: [
      ...(parser ? [{ files: TS, languageOptions: { parser } }] : [{ ignores: TS }]),
      {
        files: JS,
        languageOptions: { sourceType: read.sourceType, parserOptions: { ecmaFeatures: { jsx: read.jsx } } },
      },
      { files: JS_TS, ...plugin.configs.recommended },
      { files: JS_TS, ...collector },
      // vercel.json, firebase.json: ESLint's JSON language (the json preset names the files).
      plugin.configs.json,
      { files: plugin.configs.json.files, ...collector },
    ],
  };
}

/** Lints `paths` (relative to `cwd`) and returns the map. */
export async function mapProject(options: MapOptions = {}): Promise<MapReport> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const ESLint = await loadEslint<EslintClass>(cwd);
  const policies: MapPolicy[] = [];
  const models = new Map<MapPolicy, { policy: Policy; trustedOrigins: readonly string[] }>();
  const collect = {
    meta: { type: 'suggestion', schema: [], docs: { description: 'Collects the CORS map' } },
    create(context: Parameters<typeof withFileModel>[0]) {
      return withFileModel(context, (model) => {
        if (model.error) return;
        const file = displayName(cwd, context.filename);
        // One entry per site (a helper judged per call is placed at each call); lines of another module
        // name it relative to the same folder.
        for (const mapped of mappedPoliciesOf(model, file, (p) => displayName(cwd, p))) {
          const { policy } = mapped;
          const entry = withPackage(mapped.entry, context.filename, cwd);
          policies.push(entry);
          models.set(entry, { policy, trustedOrigins: model.trustedOrigins });
        }
      });
    },
  };
  const collector = {
    plugins: { 'cors-guard-map': { rules: { collect } } },
    rules: { 'cors-guard-map/collect': 'warn' },
  };
  const given = typeof options.config === 'string';
  const configFile = options.config === false ? undefined : (options.config ?? findFlatConfig(cwd));
  const paths = options.paths && options.paths.length > 0 ? [...options.paths] : ['.'];
  // At a ref: the tree's texts, linted under their working-tree names (so the config applies as it would).
  const tree = options.ref !== undefined ? readRefTree(cwd, options.ref) : undefined;
  const refFiles = tree ? filesUnder(tree, cwd, paths) : [];
  // On disk: every path must exist; files ESLint must not open are kept from it and listed as not analysed.
  const notAnalysed: NotAnalysed[] = tree ? [] : walkPaths(cwd, paths).skipped;
  const unreadable = notAnalysed.map((n) => literalGlob(n.file));
  const lintSome = async (eslint: EslintLike, files: string[] | undefined): Promise<LintResult[]> => {
    if (!tree) return eslint.lintFiles(files ?? paths);
    const out: LintResult[] = [];
    for (const file of files ?? refFiles) {
      if (await eslint.isPathIgnored(file)) continue;
      out.push(...(await eslint.lintText(tree.files.get(file) ?? '', { filePath: file })));
    }
    return out;
  };
  const lint = (file: string | undefined) => {
    policies.length = 0;
    const config = file ? { file, given } : undefined;
    const eslint = new ESLint({
      ...eslintOptionsFor(cwd, config, collector, unreadable),
      errorOnUnmatchedPattern: false,
    });
    return lintSome(eslint, undefined);
  };
  if (tree) {
    const buffers = new Map([...tree.files].map(([path, text]) => [path, { text, version: hashOf(text) }]));
    setModuleFileSystem(overlayFileSystem(buffers, DISK));
  }
  try {
    return await mapWith(lint, lintSome);
  } finally {
    if (tree) setModuleFileSystem(undefined);
  }

  async function mapWith(
    lint: (file: string | undefined) => Promise<LintResult[]>,
    lintSome: (eslint: EslintLike, files: string[] | undefined) => Promise<LintResult[]>,
  ): Promise<MapReport> {
    let results: LintResult[];
    let ownConfig = !!configFile;
    try {
      results = await lint(configFile);
    } catch (error) {
      // A found config that cannot be loaded (it imports packages a fresh clone has not installed): the map
      // of the project is still wanted, so it is made with the recommended preset, and that is said.
      if (!configFile || given) throw error;
      const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      options.warn?.(
        `cors-guard: ${configFile} could not be loaded (${why}); mapping with the recommended preset instead`,
      );
      results = await lint(undefined);
      ownConfig = false;
    }
    if (results.length === 0 && configFile && !given && ownConfig) {
      // A config found above the folder that ignores all of it (a parent repository's): map it on its own.
      options.warn?.(`cors-guard: ${configFile} ignores every file here; mapping with the recommended preset instead`);
      results = await lint(undefined);
      ownConfig = false;
    }
    // Without the project's config, JavaScript that is not a valid module with JSX is read again as the
    // editor reads it (`a < b > c`; `with`, legacy octals, top-level `return` in CommonJS).
    const retries = [
      { sourceType: 'module', jsx: false },
      { sourceType: 'commonjs', jsx: true },
      { sourceType: 'commonjs', jsx: false },
    ] as const;
    for (const read of ownConfig ? [] : retries) {
      const failed = results.filter((r) => /\.(m?js|jsx)$/.test(r.filePath) && r.messages.some((m) => m.fatal));
      if (failed.length === 0) break;
      const eslint = new ESLint({
        ...eslintOptionsFor(cwd, undefined, collector, unreadable, read),
        errorOnUnmatchedPattern: false,
      });
      // Policies are collected only from files that parse: a failed try adds none.
      const again = await lintSome(
        eslint,
        failed.map((r) => r.filePath),
      );
      const retried = new Map(again.map((r) => [r.filePath, r]));
      results = results.map((r) => {
        const again = retried.get(r.filePath);
        return again && !again.messages.some((m) => m.fatal) ? again : r;
      });
    }
    // Nothing linted (a file given by name that no config applies to comes back as "File ignored").
    const linted = results.filter((r) => !r.messages.some((m) => /File ignored/.test(m.message)));
    if (linted.length === 0 && notAnalysed.length === 0 && !tree)
      throw new MapPathError(`no JavaScript or TypeScript file to map in ${paths.join(', ')}`);
    const errors: MapReport['errors'][number][] = [];
    for (const r of results) {
      const fatal = r.messages.find((m) => m.fatal);
      if (fatal && !/File ignored/.test(fatal.message))
        errors.push({ file: displayName(cwd, r.filePath), line: fatal.line ?? 0, message: fatal.message });
    }
    policies.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    for (const entry of policies) {
      const m = models.get(entry);
      if (m) options.onPolicy?.(entry, m.policy, m.trustedOrigins);
    }
    return {
      version: 1,
      ...(ESLint.version ? { eslint: ESLint.version } : {}),
      policies,
      scanned: results.length,
      errors,
      notAnalysed,
    };
  }
}

/** A number that changes with the text (the module cache's stamp for a file read from git). */
function hashOf(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

export function render(
  report: MapReport,
  format: Format,
  options: { out?: string; linkBase?: string; cwd?: string } = {},
): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'md':
      return formatMarkdown(report);
    case 'text':
      return formatText(report);
    case 'html': {
      const cwd = resolve(options.cwd ?? process.cwd());
      const outDir = options.out ? dirname(resolve(cwd, options.out)) : cwd;
      const { linkBase } = options;
      const linkOf = (p: MapPolicy) =>
        linkBase !== undefined && linkBaseProblem(linkBase) === undefined
          ? baseLink(linkBase, p.file, p.line)
          : linkBase !== undefined
            ? undefined
            : relativeLink(relative(outDir, resolve(cwd, p.file)).split(sep).join('/'), p.line);
      return formatHtml(report, { linkOf });
    }
  }
}

/**
 * The command line; returns the exit code (0; 1 when a --diff admits an attacker; 2 for a usage or lint error).
 * Writes to and runs in `io` (default: the process's streams and working directory).
 */
export async function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const { stdout, stderr, cwd: workdir } = ioOf(io);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        out: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean', default: false },
        'link-base': { type: 'string' },
        diff: { type: 'string' },
        cwd: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    stderr(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...paths] = positionals;
  if (values.help || command === 'help') {
    stdout(USAGE);
    return 0;
  }
  if (command !== 'map') {
    stderr(`${command ? `Unknown command: ${command}\n\n` : ''}${USAGE}`);
    return 2;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) {
    stderr(`Unknown format: ${format} (one of ${FORMATS.join(', ')})\n`);
    return 2;
  }
  const linkProblem = values['link-base'] === undefined ? undefined : linkBaseProblem(values['link-base']);
  if (linkProblem) {
    stderr(`cors-guard: ${linkProblem}\n`);
    return 2;
  }
  const cwd = resolve(workdir, values.cwd ?? '.');
  const common = {
    cwd,
    paths,
    ...(values['no-config'] ? { config: false as const } : values.config ? { config: values.config } : {}),
    warn: (message: string) => stderr(`${message}\n`),
  };
  if (values.diff !== undefined) {
    if (format === 'html') {
      stderr('--diff writes text, json or md\n');
      return 2;
    }
    let diff: MapDiff;
    try {
      diff = await diffAgainst(values.diff, common);
    } catch (error) {
      stderr(`cors-guard: ${(error as Error).message}\n`);
      return 2;
    }
    const out =
      format === 'json' ? formatDiffJson(diff) : format === 'md' ? formatDiffMarkdown(diff) : formatDiffText(diff);
    write(out);
    return diff.admitsAttacker ? 1 : 0;
  }
  let report: MapReport;
  try {
    report = await mapProject(common);
  } catch (error) {
    stderr(`cors-guard: ${(error as Error).message}\n`);
    return 2;
  }
  const text = render(report, format, {
    ...(values.out ? { out: values.out } : {}),
    ...(values['link-base'] ? { linkBase: values['link-base'] } : {}),
    cwd,
  });
  write(text);
  return 0;

  function write(text: string): void {
    if (values.out) {
      const file = resolve(cwd, values.out);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    } else {
      stdout(text);
    }
  }
}

/** The CORS diff of the working tree against a git ref (the files at the ref are read from git). */
export async function diffAgainst(ref: string, options: Omit<MapOptions, 'ref' | 'onPolicy'> = {}): Promise<MapDiff> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const commit = commitOf(cwd, ref);
  const before: LivePolicy[] = [];
  const after: LivePolicy[] = [];
  const now = await mapProject({
    ...options,
    onPolicy: (entry, policy, trustedOrigins) => after.push({ entry, policy, trustedOrigins }),
  });
  await mapProject({
    ...options,
    ref: commit,
    onPolicy: (entry, policy, trustedOrigins) => before.push({ entry, policy, trustedOrigins }),
  });
  return diffMaps(before, after, {
    ref,
    commit,
    errors: now.errors,
    ...(now.notAnalysed ? { notAnalysed: now.notAnalysed } : {}),
  });
}
