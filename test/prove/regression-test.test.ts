/**
 * `cors-guard test <file>:<line>` (the command's entry, in this process; the real bin for the exit codes) on
 * fixture projects, each with the real library: the generated test is run (node:test or vitest, as the
 * fixture's package.json says) in a temp copy and must fail on the vulnerable code, then pass once the fix
 * is in (the rule's suggestion where it has one, else the fixed version of the file from
 * test/fixtures/prove-fixed/). Never writes over a file.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cli, root, spawnCli } from '../map/helper';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const fixtures = join(root, 'test', 'fixtures', 'prove');
const fixed = join(root, 'test', 'fixtures', 'prove-fixed');
const TRUSTED = 'https://app.example.com';

function copyProject(name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'cors-guard-prove-')), name);
  cpSync(join(fixtures, name), dir, { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Runs the generated test as its runner would; returns the exit code and output. */
async function runTest(dir: string, command: string): Promise<{ code: number; output: string }> {
  const [tool, ...args] = command.split(' ');
  const argv =
    tool === 'node'
      ? args
      : [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...args.slice(1), '--root', dir, '--no-color'];
  try {
    const { stdout, stderr } = await run(process.execPath, argv, { cwd: dir, env: { ...process.env, CI: '1' } });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: `${e.stdout}${e.stderr}` };
  }
}

/** Applies the first suggestion of the finding on `line` (the editor's quick fix). */
async function applySuggestion(dir: string, file: string, line: number): Promise<void> {
  const { ESLint } = await import('eslint');
  const plugin = require('../../eslint-plugin/dist/index.js') as { configs: { recommended: object } };
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{js,mjs,cjs}'], ...plugin.configs.recommended },
      { settings: { 'cors-guard': { trustedOrigins: [TRUSTED] } } },
    ] as never,
  });
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const [result] = await eslint.lintText(text, { filePath: path });
  const fix = result!.messages.find((m) => m.line === line && m.suggestions?.length)?.suggestions?.[0]?.fix;
  if (!fix) throw new Error(`no suggestion at ${file}:${line}`);
  writeFileSync(path, text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]));
}

interface Case {
  readonly name: string;
  readonly file: string;
  readonly line: number;
  readonly runner: string;
  readonly attacker: string;
  /** `suggestion`: the rule's quick fix; else the fixed file is copied in. */
  readonly fix: 'suggestion' | 'fixed-file';
  /** What the generated test must contain (its client). */
  readonly client: RegExp;
}

const CASES: readonly Case[] = [
  {
    name: 'express-cors',
    file: 'app.js',
    line: 7,
    runner: 'node:test',
    attacker: 'https://evilexample.com',
    fix: 'fixed-file',
    client: /app\.listen\(0, '127\.0\.0\.1'\)[\s\S]*fetch\(`http:\/\/127\.0\.0\.1:\$\{port\}\/api\/me`/,
  },
  {
    name: 'koa',
    file: 'server.js',
    line: 6,
    runner: 'node:test',
    attacker: 'https://evil.example',
    fix: 'fixed-file',
    client: /const app = require\('\.\/server\.js'\);[\s\S]*app\.listen\(0/,
  },
  {
    name: 'fastify',
    file: 'server.js',
    line: 6,
    runner: 'vitest',
    attacker: 'https://evil.example',
    fix: 'suggestion',
    client: /app\.inject\(\{ method: 'GET', url: '\/account', headers: \{ origin \} \}\)/,
  },
  {
    name: 'hono',
    file: 'index.js',
    line: 6,
    runner: 'node:test',
    attacker: 'https://evilexample.com',
    fix: 'fixed-file',
    client: /app\.request\('\/api\/data', \{ headers: \{ origin \} \}\)/,
  },
  {
    name: 'next-route',
    file: 'app/api/profile/route.ts',
    line: 7,
    runner: 'vitest',
    attacker: 'https://evil.example',
    fix: 'fixed-file',
    client: /import \{ GET \} from '\.\/route';[\s\S]*GET\(new Request\('http:\/\/localhost\/api\/profile'/,
  },
];

describe('cors-guard test: a regression test that fails on the finding and passes after the fix', () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.runner}, the real library`, async () => {
      const dir = copyProject(c.name);
      const r = await cli(['test', `${c.file}:${c.line}`, '--no-config', '--trusted', TRUSTED], dir);
      expect(r.code, r.stderr).toBe(0);
      const written = /^Wrote (\S+) \((\S+), (\S+)\)/.exec(r.stdout);
      expect(written, r.stdout).not.toBeNull();
      const testFile = written![1]!;
      expect(written![2]).toBe(c.runner);
      expect(r.stdout).toContain(`attacker: ${c.attacker}   trusted: ${TRUSTED}`);
      const content = readFileSync(join(dir, testFile), 'utf8');
      expect(content).toContain(`const ATTACKER = '${c.attacker}';`);
      expect(content).toMatch(c.client);
      const command = /run it: (.+?) {3}\(/.exec(r.stdout)![1]!;

      const before = await runTest(dir, command);
      expect(before.code, before.output).not.toBe(0);
      expect(before.output).toContain('the attacker origin is sent back in Access-Control-Allow-Origin');

      if (c.fix === 'suggestion') await applySuggestion(dir, c.file, c.line);
      else cpSync(join(fixed, c.name, c.file), join(dir, c.file));
      const after = await runTest(dir, command);
      expect(after.code, after.output).toBe(0);

      // A second run picks a new name: the first test is never replaced.
      const again = await cli(['test', `${c.file}:${c.line}`, '--no-config', '--trusted', TRUSTED], dir);
      expect(again.code).toBe(1); // the fixed policy lets no attacker in: nothing to prove
      expect(again.stderr).toContain('there is nothing for a test to prove');
    });
  }

  it('never overwrites: a second test gets a new name', async () => {
    const dir = copyProject('hono');
    const first = await cli(['test', 'index.js:6', '--no-config'], dir);
    const second = await cli(['test', 'index.js:6', '--no-config'], dir);
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect(first.stdout).toContain('Wrote index.cors.test.js');
    expect(second.stdout).toContain('Wrote index.cors-2.test.js');
    expect(existsSync(join(dir, 'index.cors.test.js'))).toBe(true);
    // No trusted origin known: said, and the test checks only the attacker.
    expect(first.stderr).toContain('no trusted origin known');
    expect(readFileSync(join(dir, 'index.cors.test.js'), 'utf8')).not.toContain('TRUSTED');
  });

  it('says what it could not set up: an app that is not exported', async () => {
    const dir = copyProject('koa');
    const source = join(dir, 'server.js');
    writeFileSync(source, readFileSync(source, 'utf8').replace('module.exports = app;\n', ''));
    const r = await cli(['test', 'server.js:6', '--no-config', '--trusted', TRUSTED], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('server.js does not export the app: add this line at its end');
    expect(r.stderr).toContain('module.exports = app;');
  });

  it('refuses a line with no CORS policy and a usage error', async () => {
    const dir = copyProject('express-cors');
    writeFileSync(join(dir, 'other.js'), 'export const x = 1;\n');
    // Through the real bin: the exit codes a script sees.
    expect((await spawnCli(['test', 'other.js:1', '--no-config'], dir)).code).toBe(1);
    expect((await spawnCli(['test', 'app.js'], dir)).code).toBe(2);
    expect((await cli(['test', 'missing.js:3'], dir)).code).toBe(2);
  });
});
