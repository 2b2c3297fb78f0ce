// A defect split over two files is found however the project is linted (issue 37): `eslint --cache .` run
// twice with the cache kept, a pre-commit hook on the staged files (`cors-guard check --staged`, and the
// files lint-staged passes), and one file at a time (`eslint server.js`). Each row of the table,
// for an origin check in another module and for an options object in another module, through the real
// `eslint` and `cors-guard` command lines; with the safe look-alikes (the fix, an unrelated change).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCovers, runScopeKey, setRunScope } from '../../eslint-plugin/src/analysis/run-scope';
import { affectedBy, corsDigest } from '../../eslint-plugin/src/analysis/dependencies';
import { LintEngine } from '../../extension/src/core/engine';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const pluginDir = join(here, '..', '..', 'eslint-plugin');
const eslintBin = join(dirname(createRequire(import.meta.url).resolve('eslint/package.json')), 'bin', 'eslint.js');
const corsGuardBin = join(pluginDir, 'bin', 'cors-guard.js');

interface Shape {
  readonly name: string;
  /** The file the fix goes in, safe and unsafe. */
  readonly fix: { readonly file: string; readonly safe: string; readonly unsafe: string };
  /** The server, using the fix file, and a version that does not use it yet. */
  readonly server: { readonly uses: string; readonly before: string };
  /** Where `eslint .` reports the defect, and where `eslint server.js` does. */
  readonly whole: string;
  readonly alone: string;
  /** What `eslint .` reports before server.js uses the unsafe fix file (options are judged where defined). */
  readonly unused: readonly string[];
  /** Other files of the project (a workspace's package.json files). */
  readonly extra?: Readonly<Record<string, string>>;
}

const SHAPES: readonly Shape[] = [
  {
    name: 'an origin check in check.js',
    fix: {
      file: 'check.js',
      safe: "exports.ok = (o) => o === 'https://a.example.com';\n",
      unsafe: "exports.ok = (o) => o.endsWith('example.com');\n",
    },
    server: {
      uses: [
        "const express = require('express');",
        "const { ok } = require('./check');",
        'const app = express();',
        'app.use((req, res, next) => {',
        '  const origin = req.headers.origin;',
        '  if (ok(origin)) {',
        "    res.setHeader('Access-Control-Allow-Origin', origin);",
        "    res.setHeader('Access-Control-Allow-Credentials', 'true');",
        '  }',
        '  next();',
        '});',
        '',
      ].join('\n'),
      before: [
        "const express = require('express');",
        'const app = express();',
        'app.use((req, res, next) => {',
        "  res.setHeader('Access-Control-Allow-Origin', 'https://a.example.com');",
        "  res.setHeader('Access-Control-Allow-Credentials', 'true');",
        '  next();',
        '});',
        '',
      ].join('\n'),
    },
    whole: 'server.js:7 no-unsafe-origin-check',
    alone: 'server.js:7 no-unsafe-origin-check',
    unused: [],
  },
  {
    name: 'an options object in options.js',
    fix: {
      file: 'options.js',
      safe: "exports.corsOptions = { origin: ['https://a.example.com'], credentials: true };\n",
      unsafe: 'exports.corsOptions = { origin: true, credentials: true };\n',
    },
    server: {
      uses: [
        "const express = require('express');",
        "const cors = require('cors');",
        "const { corsOptions } = require('./options');",
        'const app = express();',
        'app.use(cors(corsOptions));',
        '',
      ].join('\n'),
      before: [
        "const express = require('express');",
        "const cors = require('cors');",
        'const app = express();',
        "app.use(cors({ origin: ['https://a.example.com'], credentials: true }));",
        '',
      ].join('\n'),
    },
    whole: 'options.js:1 no-origin-reflection',
    alone: 'server.js:5 no-origin-reflection',
    unused: ['options.js:1 no-origin-reflection'],
  },
  {
    // npm workspaces: the check lives in a package of the same repository, imported by its name (no
    // node_modules link: workspaces.ts resolves the name from the root's `workspaces`).
    name: 'a helper in a workspace package (@acme/cors-check)',
    fix: {
      file: 'packages/cors-check/index.js',
      safe: "exports.ok = (o) => o === 'https://a.example.com';\n",
      unsafe: "exports.ok = (o) => o.endsWith('example.com');\n",
    },
    server: {
      uses: [
        "const express = require('express');",
        "const { ok } = require('@acme/cors-check');",
        'const app = express();',
        'app.use((req, res, next) => {',
        '  const origin = req.headers.origin;',
        '  if (ok(origin)) {',
        "    res.setHeader('Access-Control-Allow-Origin', origin);",
        "    res.setHeader('Access-Control-Allow-Credentials', 'true');",
        '  }',
        '  next();',
        '});',
        '',
      ].join('\n'),
      before: [
        "const express = require('express');",
        'const app = express();',
        'app.use((req, res, next) => {',
        "  res.setHeader('Access-Control-Allow-Origin', 'https://a.example.com');",
        "  res.setHeader('Access-Control-Allow-Credentials', 'true');",
        '  next();',
        '});',
        '',
      ].join('\n'),
    },
    whole: 'server.js:7 no-unsafe-origin-check',
    alone: 'server.js:7 no-unsafe-origin-check',
    unused: [],
    extra: {
      'package.json': '{ "name": "acme", "private": true, "workspaces": ["packages/*"] }\n',
      'packages/cors-check/package.json': '{ "name": "@acme/cors-check", "version": "1.0.0", "main": "index.js" }\n',
    },
  },
];

function project(shape: Shape, fix: 'safe' | 'unsafe', server: 'uses' | 'before'): string {
  const root = mkdtempSync(join(tmpdir(), 'cors-guard-workflow-'));
  const files: Record<string, string> = {
    'eslint.config.js': `const corsGuard = require(${JSON.stringify(pluginDir)});\nmodule.exports = [corsGuard.configs.recommended];\n`,
    'server.js': shape.server[server],
    [shape.fix.file]: shape.fix[fix],
    'util.js': 'exports.sum = (a, b) => a + b;\n',
    ...shape.extra,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

interface Result {
  filePath: string;
  messages: { ruleId: string | null; line: number; message: string }[];
}

function summary(root: string, results: readonly Result[]): string[] {
  return results
    .flatMap((r) =>
      r.messages.map(
        (m) => `${relative(root, r.filePath)}:${m.line} ${(m.ruleId ?? 'fatal').replace('cors-guard/', '')}`,
      ),
    )
    .sort();
}

async function exec(
  bin: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, ...env },
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; code?: number };
    return { stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: e.code ?? -1 };
  }
}

async function eslint(root: string, args: string[], env: Record<string, string> = {}) {
  const r = await exec(eslintBin, ['--format', 'json', ...args], root, env);
  if (!r.stdout.trim().startsWith('[')) throw new Error(`eslint failed (${r.code}): ${r.stderr}`);
  return { findings: summary(root, JSON.parse(r.stdout) as Result[]), stderr: r.stderr };
}

/** The files ESLint linted rather than took from its cache (its own debug log says which). */
function relinted(root: string, stderr: string): string[] {
  const out = new Set<string>();
  for (const m of stderr.matchAll(/Cache entry not found or no longer valid: (\S+)/g)) out.add(relative(root, m[1]!));
  return [...out].sort();
}

const CACHE = ['--cache', '--cache-location', '.cache/eslint/'];

async function git(root: string, args: string[]): Promise<void> {
  await run('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: root });
}

describe.each(SHAPES)('$name', (shape) => {
  it('row 1: `eslint --cache .` twice, the fix file made unsafe in between: reported; made safe again: gone', async () => {
    const root = project(shape, 'safe', 'uses');
    expect((await eslint(root, [...CACHE, '.'])).findings).toEqual([]);
    writeFileSync(join(root, shape.fix.file), shape.fix.unsafe);
    const second = await eslint(root, [...CACHE, '.'], { DEBUG: 'eslint:lint-result-cache' });
    expect(second.findings).toEqual([shape.whole]);
    // A CORS-relevant module changed: the digest moved, so every file was linted again (the cost).
    expect(relinted(root, second.stderr)).toEqual(['eslint.config.js', shape.fix.file, 'server.js', 'util.js'].sort());
    writeFileSync(join(root, shape.fix.file), shape.fix.safe);
    expect((await eslint(root, [...CACHE, '.'])).findings).toEqual([]);
  });

  it('an unrelated change keeps every cached result (the digest does not move)', async () => {
    const root = project(shape, 'unsafe', 'uses');
    const before = corsDigest(root);
    expect((await eslint(root, [...CACHE, '.'])).findings).toEqual([shape.whole]);
    writeFileSync(join(root, 'util.js'), 'exports.sum = (a, b) => a + b + 0;\n');
    expect(corsDigest(root)).toBe(before);
    const second = await eslint(root, [...CACHE, '.'], { DEBUG: 'eslint:lint-result-cache' });
    expect(second.findings).toEqual([shape.whole]);
    expect(relinted(root, second.stderr)).toEqual(['util.js']);
  });

  it('row 2: a pre-commit hook with only the fix file staged: `cors-guard check --staged` reports it', async () => {
    const root = project(shape, 'safe', 'uses');
    await git(root, ['init', '-q']);
    await git(root, ['add', '-A']);
    await git(root, ['commit', '-qm', 'init']);
    writeFileSync(join(root, shape.fix.file), shape.fix.unsafe);
    await git(root, ['add', shape.fix.file]);
    const list = await exec(corsGuardBin, ['check', '--staged', '--list'], root);
    expect(list.stdout.split('\n').filter(Boolean)).toEqual([shape.fix.file, 'server.js'].sort());
    const staged = await exec(corsGuardBin, ['check', '--staged', '--format', 'json'], root);
    expect(staged.code).toBe(1);
    expect(summary(root, JSON.parse(staged.stdout) as Result[])).toEqual([shape.whole]);
    // What lint-staged runs: the staged files as arguments.
    const files = await exec(corsGuardBin, ['check', shape.fix.file, '--format', 'json'], root);
    expect(summary(root, JSON.parse(files.stdout) as Result[])).toEqual([shape.whole]);
    // CI: the change against the last commit.
    const changed = await exec(corsGuardBin, ['check', '--changed', 'HEAD', '--format', 'json'], root);
    expect(summary(root, JSON.parse(changed.stdout) as Result[])).toEqual([shape.whole]);
    // The safe look-alike: the fix staged instead, and an unrelated file; nothing to report.
    writeFileSync(join(root, shape.fix.file), shape.fix.safe);
    writeFileSync(join(root, 'util.js'), 'exports.sum = (a, b) => b + a;\n');
    await git(root, ['add', '-A']);
    const clean = await exec(corsGuardBin, ['check', '--staged'], root);
    expect(clean.code).toBe(0);
    expect((await exec(corsGuardBin, ['check', 'util.js', '--list'], root)).stdout).toBe('util.js\n');
  });

  it('row 3: `eslint server.js` alone, the fix file already unsafe: reported at server.js', async () => {
    const root = project(shape, 'unsafe', 'uses');
    expect((await eslint(root, ['server.js'])).findings).toEqual([shape.alone]);
    // The whole project reports it once, where the fix goes.
    expect((await eslint(root, ['.'])).findings).toEqual([shape.whole]);
    expect((await eslint(root, ['server.js', shape.fix.file])).findings).toEqual([shape.whole]);
  });

  it('row 4: `eslint --cache .` twice, server.js starts using the unsafe fix file: reported', async () => {
    const root = project(shape, 'unsafe', 'before');
    expect((await eslint(root, [...CACHE, '.'])).findings).toEqual(shape.unused);
    writeFileSync(join(root, 'server.js'), shape.server.uses);
    expect((await eslint(root, [...CACHE, '.'])).findings).toEqual([shape.whole]);
    // And a cached run of one file, then of the project, does not reuse the one-file placement.
    expect((await eslint(root, [...CACHE, 'server.js'])).findings).toEqual([shape.alone]);
    expect((await eslint(root, [...CACHE, '.'])).findings).toEqual([shape.whole]);
  });
});

describe('affectedBy', () => {
  it('lints a changed module with the CORS files that read it and the modules it reaches, not the rest', () => {
    const root = project(SHAPES[0]!, 'safe', 'uses');
    writeFileSync(join(root, 'hosts.js'), "exports.hosts = ['a.example.com'];\n");
    writeFileSync(
      join(root, 'check.js'),
      "const { hosts } = require('./hosts');\nexports.ok = (o) => hosts.includes(o);\n",
    );
    const rel = (files: readonly string[]) => files.map((f) => relative(root, f));
    expect(rel(affectedBy([join(root, 'hosts.js')], root).files)).toEqual(['hosts.js', 'server.js']);
    expect(rel(affectedBy([join(root, 'check.js')], root).files)).toEqual(['check.js', 'hosts.js', 'server.js']);
    expect(rel(affectedBy([join(root, 'util.js')], root).files)).toEqual(['util.js']);
  });
});

describe('run scope', () => {
  it('covers a folder, a file, globs; is unknown outside an ESLint command line; keys the cache', () => {
    const root = mkdtempSync(join(tmpdir(), 'cors-guard-scope-'));
    try {
      // Under vitest, process.argv is not ESLint's: the run is unknown.
      expect(runCovers(join(root, 'options.js'))).toBeUndefined();
      expect(runScopeKey(root)).toBe('unknown');
      setRunScope({ paths: [join(root, 'server.js')], globs: false });
      expect(runCovers(join(root, 'server.js'))).toBe(true);
      expect(runCovers(join(root, 'options.js'))).toBe(false);
      expect(runScopeKey(root)).toBe('server.js');
      setRunScope({ paths: [root], globs: false });
      expect(runCovers(join(root, 'lib', 'options.js'))).toBe(true);
      expect(runCovers(join(root, '..', 'elsewhere.js'))).toBe(false);
      expect(runScopeKey(root)).toBe('all');
      setRunScope({ paths: [], globs: true });
      expect(runCovers(join(root, 'options.js'))).toBe(true);
    } finally {
      setRunScope(undefined);
    }
  });

  it('the editor: options in another module are shown in that file while it is open, else at their use', () => {
    const shape = SHAPES[1]!;
    const root = project(shape, 'unsafe', 'uses');
    const engine = new LintEngine({ loadTypeScriptParser: () => undefined as never });
    const lint = (shown: string[] | undefined) =>
      engine
        .lint({
          fileName: join(root, 'server.js'),
          languageId: 'javascript',
          text: shape.server.uses,
          settings: { preset: 'recommended', rules: {}, trustedOrigins: [] },
          root,
          ...(shown ? { shown } : {}),
        })
        .findings.map((f) => `${f.line} ${f.ruleId} ${f.message.split(':')[0]}`);
    expect(lint([])).toEqual(['5 cors-guard/no-origin-reflection In `options.js` (line 1)']);
    expect(lint([join(root, 'options.js')])).toEqual([]);
    // The workspace scan names no open files: every file is linted, each defect reported where it is fixed.
    expect(lint(undefined)).toEqual([]);
    expect(runScopeKey(root)).toBe('unknown');
  });

  it('the editor: a check in a workspace package, imported by its name, is judged at the open server', () => {
    const shape = SHAPES[2]!;
    const engine = new LintEngine({ loadTypeScriptParser: () => undefined as never });
    const lint = (root: string) =>
      engine
        .lint({
          fileName: join(root, 'server.js'),
          languageId: 'javascript',
          text: shape.server.uses,
          settings: { preset: 'recommended', rules: {}, trustedOrigins: [] },
          root,
          shown: [],
        })
        .findings.map((f) => `${f.line} ${f.ruleId} ${f.message.split(':')[0]}`);
    expect(lint(project(shape, 'unsafe', 'uses'))).toEqual([
      '7 cors-guard/no-unsafe-origin-check In `packages/cors-check/index.js` (line 1)',
    ]);
    expect(lint(project(shape, 'safe', 'uses'))).toEqual([]);
  });
});
