/**
 * The CORS map of a workspace, by package (issue 34): a generated npm workspace (`apps/api`, `apps/admin`,
 * `packages/config`, and a script at the root) mapped with the command's entry in this process, in every
 * format; `--diff` names the package a change touches and passes "not analysed" files through (issue 32).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MapDiff, MapReport } from '../../eslint-plugin/src/map';
import { cli, schemaErrors } from './helper';

const require = createRequire(import.meta.url);
const validateDiff = new Ajv({ allErrors: true, strict: true }).compile(
  require('../../eslint-plugin/docs/map-diff.schema.json') as object,
);

const json = (v: unknown) => JSON.stringify(v, null, 2);
const REFLECT = `export function handler(req, res) {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.end('ok');
}
`;
const EXACT = `import cors from 'cors';
export const admin = cors({ origin: ['https://admin.example.com'], credentials: true });
`;
const WEAK = `import cors from 'cors';
export const admin = cors({ origin: /admin\\.example\\.com/, credentials: true });
`;

let dir: string;
const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@t',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@t',
};
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: gitEnv }).trim();

function write(files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cors-guard-map-packages-'));
  write({
    'package.json': json({ name: 'acme', private: true, workspaces: ['apps/*', 'packages/*'] }),
    'apps/api/package.json': json({ name: '@acme/api', version: '1.0.0' }),
    'apps/api/src/server.js': REFLECT,
    'apps/admin/package.json': json({ name: '@acme/admin', version: '1.0.0', dependencies: { cors: '^2.8.5' } }),
    'apps/admin/src/cors.js': EXACT,
    'packages/config/package.json': json({ version: '1.0.0' }),
    'packages/config/index.js': `export const headers = { 'Access-Control-Allow-Origin': '*' };\n`,
    'scripts/dev.js': REFLECT,
  });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the map of a workspace, by package', () => {
  it('JSON: each policy names its package (name, folder relative to the workspace root) and conforms', async () => {
    const run = await cli(['map', '--format', 'json'], dir);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as MapReport;
    expect(schemaErrors(report)).toEqual([]);
    const byFile = Object.fromEntries(report.policies.map((p) => [p.file, p.package]));
    expect(byFile['apps/api/src/server.js']).toEqual({ name: '@acme/api', folder: 'apps/api' });
    expect(byFile['apps/admin/src/cors.js']).toEqual({ name: '@acme/admin', folder: 'apps/admin' });
    // A package without a name is named by its folder; a file of no member belongs to the root package.
    expect(byFile['scripts/dev.js']).toEqual({ name: 'acme', folder: '.' });
  });

  it('text: one heading per package with its counts, its policies under it', async () => {
    const run = await cli(['map'], dir);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    const at = (s: string) => lines.findIndex((l) => l.includes(s));
    expect(lines[at('@acme/api (apps/api)')]).toMatch(/^ {2}@acme\/api \(apps\/api\): 1 policy: 1 unsafe$/);
    expect(lines[at('@acme/admin (apps/admin)')]).toMatch(/: 1 policy: 1 safe$/);
    // Each policy sits under its own package's heading, indented.
    expect(at('apps/api/src/server.js')).toBe(at('@acme/api (apps/api)') + 1);
    expect(lines[at('apps/api/src/server.js')]).toMatch(/^ {4}unsafe/);
    expect(at('apps/admin/src/cors.js')).toBe(at('@acme/admin (apps/admin)') + 1);
    expect(at('scripts/dev.js')).toBe(at('acme (.)') + 1);
  });

  it('Markdown: a section per package whose table holds only its policies', async () => {
    const run = await cli(['map', '--format', 'md'], dir);
    expect(run.code, run.stderr).toBe(0);
    const html = new MarkdownIt().render(run.stdout);
    expect(html).toContain('<h3><code>@acme/api</code> in <code>apps/api</code></h3>');
    expect(run.stdout).toMatch(/### `@acme\/api` in `apps\/api`\n\n1 policy: 1 unsafe\n/);
    expect(run.stdout).toMatch(/### `@acme\/admin` in `apps\/admin`\n\n1 policy: 1 safe\n/);
    // The api section's table names only the api's file.
    const apiPart = run.stdout.split('### ').find((part) => part.startsWith('`@acme/api`'))!;
    expect(apiPart).toContain('apps/api/src/server.js');
    expect(apiPart).not.toContain('apps/admin/src/cors.js');
  });

  it('HTML: a package column and a by-package list', async () => {
    const run = await cli(['map', '--format', 'html'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('<th data-sort>Package</th>');
    expect(run.stdout).toContain('<td>@acme/api (apps/api)</td>');
    expect(run.stdout).toMatch(/<ul id="packages"><li>acme \(\.\): 1 policy: 1 unsafe<\/li>/);
  });

  it('a project of one package reads as before: no package field, no headings', async () => {
    const single = mkdtempSync(join(tmpdir(), 'cors-guard-map-single-'));
    try {
      writeFileSync(join(single, 'package.json'), json({ name: 'solo' }));
      writeFileSync(join(single, 'server.js'), REFLECT);
      const report = JSON.parse((await cli(['map', '--format', 'json'], single)).stdout) as MapReport;
      expect(report.policies).toHaveLength(1);
      expect(report.policies[0]).not.toHaveProperty('package');
      expect((await cli(['map'], single)).stdout).toMatch(/^ {2}unsafe +server\.js:2/m);
    } finally {
      rmSync(single, { recursive: true, force: true });
    }
  });
});

describe('map --diff in a workspace', () => {
  it('names the package a change touches, in the headline and per policy', async () => {
    write({ 'apps/admin/src/cors.js': WEAK });
    try {
      const text = await cli(['map', '--diff', 'HEAD'], dir);
      expect(text.code).toBe(1);
      expect(text.stdout).toMatch(/blocked before \(@acme\/admin \(apps\/admin\)\)/);
      expect(text.stdout).toMatch(/apps\/admin\/src\/cors\.js:2 in @acme\/admin \(apps\/admin\) cors:/);
      const diff = JSON.parse((await cli(['map', '--diff', 'HEAD', '--format', 'json'], dir)).stdout) as MapDiff;
      expect(validateDiff(diff), JSON.stringify(validateDiff.errors)).toBe(true);
      expect(diff.policies.map((p) => [p.file, p.package?.name])).toEqual([['apps/admin/src/cors.js', '@acme/admin']]);
      const md = (await cli(['map', '--diff', 'HEAD', '--format', 'md'], dir)).stdout;
      expect(md).toContain('`apps/admin/src/cors.js:2` (`@acme/admin`)');
    } finally {
      write({ 'apps/admin/src/cors.js': EXACT });
    }
  });

  it('passes the working tree\'s "not analysed" files through, in every format', async () => {
    const fifo = join(dir, 'apps/api/src/pipe.js');
    execFileSync('mkfifo', [fifo]);
    try {
      const diff = JSON.parse((await cli(['map', '--diff', 'HEAD', '--format', 'json'], dir)).stdout) as MapDiff;
      expect(validateDiff(diff), JSON.stringify(validateDiff.errors)).toBe(true);
      expect(diff.notAnalysed?.map((n) => n.file)).toEqual(['apps/api/src/pipe.js']);
      expect(diff.notAnalysed?.[0]?.reason).toMatch(/FIFO|not a regular file/i);
      expect((await cli(['map', '--diff', 'HEAD'], dir)).stdout).toMatch(/\(not analysed\) apps\/api\/src\/pipe\.js: /);
      expect((await cli(['map', '--diff', 'HEAD', '--format', 'md'], dir)).stdout).toMatch(
        /Not analysed \(1\):\n\n- `apps\/api\/src\/pipe\.js` /,
      );
    } finally {
      rmSync(fifo, { force: true });
    }
  });
});
