// The version a project runs (util/package-versions.ts): installed, else locked (npm, pnpm, yarn v1 and
// berry, bun; workspaces), else declared; only regular files, bounded sizes, nothing read for ordinary files.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';
import { filesParsed, jsoncToJson, packageVersionNear } from '../../eslint-plugin/src/util/package-versions';
import { matchRows } from '../../eslint-plugin/src/analysis/sites/releases';
import { LIBRARIES } from '../../eslint-plugin/src/analysis/sites/frameworks';

const root = mkdtempSync(join(tmpdir(), 'cors-guard-versions-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}
const manifest = (deps: Record<string, string>, extra: object = {}) =>
  JSON.stringify({ name: 'app', private: true, dependencies: deps, ...extra });

describe('packageVersionNear', () => {
  it('prefers node_modules, then the lockfile, then the declared range', () => {
    const dir = project('order', {
      'package.json': manifest({ hono: '^4.12.0' }),
      'package-lock.json': JSON.stringify({
        lockfileVersion: 3,
        packages: { 'node_modules/hono': { version: '4.12.20' } },
      }),
    });
    expect(packageVersionNear(join(dir, 'a.js'), 'hono')).toMatchObject({ version: '4.12.20', source: 'lockfile' });
    writeFileSync(join(dir, 'package.json'), manifest({ hono: '^4.12.0', '@koa/cors': '^4.0.0' }));
    expect(packageVersionNear(join(dir, 'a.js'), '@koa/cors')).toMatchObject({ range: '^4.0.0', source: 'declared' });
    mkdirSync(join(dir, 'node_modules', 'hono'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'hono', 'package.json'), JSON.stringify({ version: '4.12.30' }));
    expect(packageVersionNear(join(dir, 'src', 'a.js'), 'hono')).toMatchObject({
      version: '4.12.30',
      source: 'installed',
    });
  });

  it('npm and pnpm workspaces: the workspace entry of the root lockfile', () => {
    const dir = project('ws', {
      'package.json': manifest({}, { workspaces: ['packages/*'] }),
      'packages/api/package.json': manifest({ hono: '^4.12.0' }),
      'package-lock.json': JSON.stringify({
        lockfileVersion: 3,
        packages: { '': {}, 'packages/api': {}, 'node_modules/hono': { version: '4.12.21' } },
      }),
    });
    expect(packageVersionNear(join(dir, 'packages/api/src/a.js'), 'hono')).toMatchObject({ version: '4.12.21' });
    const pnpm = project('pnpm-ws', {
      'package.json': manifest({}),
      'packages/api/package.json': manifest({ hono: '^4.12.0' }),
      'pnpm-lock.yaml': [
        "lockfileVersion: '9.0'",
        'importers:',
        '  .: {}',
        '  packages/api:',
        '    dependencies:',
        '      hono:',
        '        specifier: ^4.12.0',
        '        version: 4.12.22(typescript@5.0.0)',
        '',
      ].join('\n'),
    });
    expect(packageVersionNear(join(pnpm, 'packages/api/a.js'), 'hono')).toMatchObject({ version: '4.12.22' });
  });

  it("a lockfile above a project that doesn't list it is not that project's", () => {
    const dir = project('nested', {
      'package-lock.json': JSON.stringify({
        lockfileVersion: 3,
        packages: { '': {}, 'node_modules/hono': { version: '4.13.0' } },
      }),
      'other/package.json': manifest({ hono: '4.12.20' }),
    });
    expect(packageVersionNear(join(dir, 'other/a.js'), 'hono')).toMatchObject({ range: '4.12.20', source: 'declared' });
  });

  it('reads only regular files: a FIFO lockfile or package.json is skipped, never opened', () => {
    const dir = project('fifo', { 'package.json': manifest({ hono: '^4.12.0' }) });
    execFileSync('mkfifo', [join(dir, 'package-lock.json')]);
    expect(packageVersionNear(join(dir, 'a.js'), 'hono')).toMatchObject({ range: '^4.12.0', source: 'declared' });
    const dir2 = project('fifo-manifest', {});
    execFileSync('mkfifo', [join(dir2, 'package.json')]);
    expect(packageVersionNear(join(dir2, 'a.js'), 'some-package-nobody-declares')).toBeUndefined();
  });

  it('skips lockfiles over 20 MB', () => {
    const dir = project('big', { 'package.json': manifest({ hono: '^4.12.0' }) });
    const big = JSON.stringify({
      lockfileVersion: 3,
      packages: { 'node_modules/hono': { version: '4.12.20' } },
      pad: 'x'.repeat(21 * 1024 * 1024),
    });
    writeFileSync(join(dir, 'package-lock.json'), big);
    expect(packageVersionNear(join(dir, 'a.js'), 'hono')).toMatchObject({ source: 'declared' });
  });

  it('bun.lock is JSON with trailing commas (and comments)', () => {
    expect(JSON.parse(jsoncToJson('{ "a": [1, 2,], // x\n "b": "//,", /* c */ }'))).toEqual({ a: [1, 2], b: '//,' });
  });

  it('a file with no CORS library call reads no package.json or lockfile', () => {
    const dir = project('plain', {
      'package.json': manifest({ hono: '^4.12.0' }),
      'package-lock.json': JSON.stringify({
        lockfileVersion: 3,
        packages: { 'node_modules/hono': { version: '4.12.20' } },
      }),
    });
    const linter = new Linter({ cwd: dir });
    const config = [{ ...plugin.configs.recommended, files: ['**/*.js'] } as never];
    const before = filesParsed();
    linter.verify(
      "import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/', (c) => c.text('ok'));\n",
      config,
      join(dir, 'a.js'),
    );
    expect(filesParsed()).toBe(before);
    const messages = linter.verify(
      "import { cors } from 'hono/cors';\napp.use('*', cors({ credentials: true }));\n",
      config,
      join(dir, 'b.js'),
    );
    expect(filesParsed()).toBeGreaterThan(before);
    expect(messages.map((m) => m.ruleId)).toEqual(['cors-guard/no-origin-reflection']);
  });
});

describe('matchRows', () => {
  const rows = LIBRARIES.hono.versions!;
  const window = rows.find((r) => r.advisory)!;
  it('an exact version picks the rows that hold it', () => {
    expect(matchRows(rows, { version: '4.12.20', source: 'lockfile' }).map((m) => m.row)).toEqual([window]);
    expect(matchRows(rows, { version: '4.12.25', source: 'lockfile' })).toEqual([]);
  });
  it('a range inside a row runs it; a range that only admits a row that exposes more is judged by it', () => {
    expect(matchRows(rows, { range: '~4.12.10', source: 'declared' })).toEqual([{ row: window, certainty: 'admits' }]);
    expect(matchRows(rows, { range: '>=4.12.9 <4.12.20', source: 'declared' })).toEqual([
      { row: window, certainty: 'runs' },
    ]);
    expect(matchRows(rows, { range: '^4.12.25', source: 'declared' })).toEqual([]);
    // Unreadable ranges (tags, git URLs) say nothing.
    expect(matchRows(rows, { range: 'latest', source: 'declared' })).toEqual([]);
  });
});
