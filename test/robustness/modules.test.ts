// Hostile import graphs and special files: long chains, cycles, wide barrels, huge and minified modules,
// FIFOs where resolution reads its configuration, symlinks out of the project, malformed package.json and
// tsconfig.json. Each project's server.js takes its CORS options from another module; each case asserts
// what is due: the imported `origin: true` found (strict preset: it sends no credentials) (reported at `cors(settings)`, within the budgets), or
// nothing (the options are past a budget, or nowhere), and that the lint returns.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REFLECTING_OPTIONS,
  SERVER,
  writeImportProjects,
  type HostileProject,
} from '../../eslint-plugin/scripts/hostile-lib.mjs';
import plugin from '../../eslint-plugin/src/index';

const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const eslintBin = join(dirname(createRequire(import.meta.url).resolve('eslint/package.json')), 'bin', 'eslint.js');
const run = promisify(execFile);

let base: string;
let projects: HostileProject[];

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'cors-guard-hostile-'));
  projects = writeImportProjects(join(base, 'graphs'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/**
 * The findings of linting `file` in `root` (cross-module resolution on). The strict preset: the imported
 * `origin: true` sends no credentials, which only strict reports.
 */
function findings(root: string, file: string, text: string): string[] {
  const linter = new Linter({ cwd: root });
  return linter.verify(text, [plugin.configs.strict as never], file).map((m) => `${m.line} ${m.ruleId ?? 'fatal'}`);
}

describe('hostile import graphs', () => {
  it.each([
    ['huge-import', false],
    ['wide-imports', true],
    ['imported-options', true],
    ['import-chain', false],
    ['short-chain', true],
    ['cycle', false],
    ['barrel', true],
    ['safe-barrel', false],
    ['minified-bundle', false],
  ])('%s: the imported reflection found = %s', (name, due) => {
    const p = projects.find((x) => x.name === name)!;
    expect(p.due).toBe(due);
    const text = readFileSync(p.file, 'utf8');
    const line = text.split('\n').indexOf('app.use(cors(settings));') + 1;
    expect(findings(p.root, p.file, text)).toEqual(due ? [`${line} cors-guard/no-origin-reflection`] : []);
  });
});

/** A project whose server.js imports `config/cors.js` (which reflects), with `setup` applied to it. */
function project(name: string, setup: (root: string) => void): string {
  const root = join(base, 'special', name);
  mkdirSync(join(root, 'config'), { recursive: true });
  writeFileSync(join(root, 'server.js'), SERVER('./config/cors.js'));
  writeFileSync(join(root, 'config', 'cors.js'), REFLECTING_OPTIONS);
  writeFileSync(
    join(root, 'eslint.config.mjs'),
    `import corsGuard from ${JSON.stringify(join(rootDir, 'eslint-plugin', 'dist', 'index.js'))};\nexport default [corsGuard.configs.strict];\n`,
  );
  setup(root);
  return root;
}

/**
 * Runs the real `eslint` CLI on server.js in a child process, so that a read that blocks (a FIFO) fails
 * this test instead of hanging the suite; the 60 s limit is a hang guard, not a measurement.
 */
async function eslintFindings(root: string): Promise<string[]> {
  let stdout: string;
  try {
    ({ stdout } = await run(process.execPath, [eslintBin, '--format', 'json', 'server.js'], {
      cwd: root,
      timeout: 60_000,
      killSignal: 'SIGKILL',
    }));
  } catch (error) {
    const e = error as { stdout?: string; killed?: boolean };
    if (e.killed || !e.stdout) throw new Error(`eslint did not return: ${String(error)}`);
    stdout = e.stdout;
  }
  const [result] = JSON.parse(stdout) as { messages: { line: number; ruleId: string | null }[] }[];
  return result!.messages.map((m) => `${m.line} ${m.ruleId ?? 'fatal'}`);
}

const hasMkfifo = (() => {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return process.platform !== 'win32';
  } catch {
    return false;
  }
})();
const FOUND = ['5 cors-guard/no-origin-reflection'];

describe('special and malformed files', () => {
  it.skipIf(!hasMkfifo)('a FIFO tsconfig.json: lints to its finding', async () => {
    const root = project('fifo-tsconfig', (r) => execFileSync('mkfifo', [join(r, 'tsconfig.json')]));
    expect(await eslintFindings(root)).toEqual(FOUND);
  });

  it.skipIf(!hasMkfifo)('a FIFO tsconfig.json with a paths import: resolution goes on without it', async () => {
    const root = project('fifo-tsconfig-paths', (r) => {
      execFileSync('mkfifo', [join(r, 'tsconfig.json')]);
      writeFileSync(join(r, 'server.js'), SERVER('@config/cors.js'));
    });
    // `@config/cors.js` is a tsconfig path nobody can read: a package, unknown, silent.
    expect(await eslintFindings(root)).toEqual([]);
  });

  it.skipIf(!hasMkfifo)('a FIFO package.json beside the imported module: lints to its finding', async () => {
    const root = project('fifo-package', (r) => execFileSync('mkfifo', [join(r, 'config', 'package.json')]));
    expect(await eslintFindings(root)).toEqual(FOUND);
  });

  it.skipIf(!hasMkfifo)('a FIFO as the imported module: silent', async () => {
    const root = project('fifo-module', (r) => {
      rmSync(join(r, 'config', 'cors.js'));
      execFileSync('mkfifo', [join(r, 'config', 'cors.js')]);
    });
    expect(await eslintFindings(root)).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('a module that is a symlink to a device: silent', async () => {
    const root = project('device-link', (r) => {
      rmSync(join(r, 'config', 'cors.js'));
      symlinkSync('/dev/zero', join(r, 'config', 'cors.js'));
    });
    expect(await eslintFindings(root)).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')(
    'a tsconfig.json that is a symlink to a device: lints to its finding',
    async () => {
      const root = project('device-tsconfig', (r) => symlinkSync('/dev/zero', join(r, 'tsconfig.json')));
      expect(await eslintFindings(root)).toEqual(FOUND);
    },
  );

  it('a symlink out of the project: not followed', async () => {
    const outside = join(base, 'outside');
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'cors.js'), REFLECTING_OPTIONS);
    const root = project('symlink-out', (r) => {
      rmSync(join(r, 'config'), { recursive: true });
      symlinkSync(outside, join(r, 'config'), 'dir');
    });
    expect(await eslintFindings(root)).toEqual([]);
  });

  it.each([
    ['package.json', '{ "name": "x", "imports": { "#cors": '],
    ['package.json', '\u0000\u0001 not json at all'],
    ['tsconfig.json', '{ "compilerOptions": { "paths": { "@/*": [ } '],
    ['tsconfig.json', '{ "extends": "./tsconfig.json" }'],
    ['tsconfig.json', '{ "extends": "/dev/zero" }'],
  ])('a malformed %s (%s): lints to its finding', (file, text) => {
    const root = join(base, 'malformed', `${file}-${Math.random().toString(36).slice(2)}`);
    mkdirSync(join(root, 'config'), { recursive: true });
    writeFileSync(join(root, file), text);
    writeFileSync(join(root, 'server.js'), SERVER('./config/cors.js'));
    writeFileSync(join(root, 'config', 'cors.js'), REFLECTING_OPTIONS);
    expect(findings(root, join(root, 'server.js'), SERVER('./config/cors.js'))).toEqual(FOUND);
  });
});

/**
 * The import walk behind local evidence (a device package a server's modules require; the package's `bin`):
 * bounded in files (`maxBinFiles`) and hops, each file read once, FIFOs never read, cycles walked once.
 */
describe('the import walk behind local evidence', () => {
  const bridge = (imports: readonly string[]) =>
    `const express = require('express');\nconst cors = require('cors');\n${imports.map((s) => `require('${s}');`).join('\n')}\nconst app = express();\napp.use(cors());\napp.post('/print', (req, res) => res.end());\napp.listen(4000);\n`;
  /** Writes `files` and the server into a fresh folder; the findings of linting the server in-process. */
  function walk(name: string, imports: readonly string[], files: Record<string, string>): string[] {
    const root = join(base, 'walk', name);
    mkdirSync(root, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(root, file), text);
    const text = bridge(imports);
    writeFileSync(join(root, 'server.js'), text);
    const line = text.split('\n').indexOf('app.use(cors());') + 1;
    return findings(root, join(root, 'server.js'), text).map((f) => f.replace(`${line} `, 'cors() '));
  }
  const LOCAL = ['cors() cors-guard/no-exposed-local-server'];
  const DEVICE = "require('serialport');\n";

  it('200 imported modules: a device past the file budget is not looked for; one within it is found', () => {
    const wide = (at: number) =>
      Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`m${i}.js`, i === at ? DEVICE : `// m${i}\n`]));
    const imports = Array.from({ length: 200 }, (_, i) => `./m${i}.js`);
    expect(walk('wide-far', imports, wide(150))).toEqual([]);
    expect(walk('wide-near', imports, wide(3))).toEqual(LOCAL);
  });

  it('a chain of imports: a device two modules away is found, three away is not', () => {
    const chain = (device: string) => ({
      'a.js': device === 'a' ? DEVICE : "require('./b.js');\n",
      'b.js': device === 'b' ? DEVICE : "require('./c.js');\n",
      'c.js': DEVICE,
    });
    expect(walk('chain-b', ['./a.js'], chain('b'))).toEqual(LOCAL);
    expect(walk('chain-c', ['./a.js'], chain('none'))).toEqual([]);
  });

  it('modules that import each other and the server: each read once, the device still found', () => {
    const files = {
      'a.js': "require('./server.js');\nrequire('./a.js');\nrequire('./b.js');\n",
      'b.js': `require('./a.js');\n${DEVICE}`,
    };
    expect(walk('cycle', ['./a.js'], files)).toEqual(LOCAL);
    expect(walk('cycle-no-device', ['./a.js'], { ...files, 'b.js': "require('./a.js');\n" })).toEqual([]);
  });

  it.skipIf(!hasMkfifo)('a FIFO among the imported modules: not read, and the lint returns', async () => {
    const root = join(base, 'walk', 'fifo');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'server.js'), bridge(['./printer.js']));
    execFileSync('mkfifo', [join(root, 'printer.js')]);
    writeFileSync(
      join(root, 'eslint.config.mjs'),
      `import corsGuard from ${JSON.stringify(join(rootDir, 'eslint-plugin', 'dist', 'index.js'))};\nexport default [corsGuard.configs.recommended];\n`,
    );
    expect(await eslintFindings(root)).toEqual([]);
  });
});
