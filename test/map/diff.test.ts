/**
 * `cors-guard map --diff <ref>` on a git history built here: a commit that weakens a regex, one that adds
 * credentials, one that fixes a reflection, one that only moves lines, and an uncommitted new policy.
 * Checks the Markdown (a PR comment), the JSON against its schema, and the exit codes CI gates on (the
 * command's entry in this process; the real bin where the exit code is what is checked).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MapDiff } from '../../eslint-plugin/src/map';
import { cli, root, spawnCli } from './helper';

const require = createRequire(import.meta.url);
const validate = new Ajv({ allErrors: true, strict: true }).compile(
  require('../../eslint-plugin/docs/map-diff.schema.json') as object,
);

const API = (pattern: string) => `import express from 'express';
import cors from 'cors';

export const app = express();
app.use(cors({ origin: ${pattern}, credentials: true }));
`;
const PARTNERS = (credentials: boolean) => `import cors from 'cors';

export const partners = cors({
  origin: ['https://partner.example.com', 'https://shop.example.com'],${credentials ? '\n  credentials: true,' : ''}
});
`;
const LEGACY_REFLECT = `export function legacy(req, res) {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.end('ok');
}
`;
const LEGACY_FIXED = `const ALLOWED = new Set(['https://app.example.com']);

export function legacy(req, res) {
  const origin = req.headers.origin;
  if (ALLOWED.has(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
  }
  res.end('ok');
}
`;

let dir: string;
const commits: Record<string, string> = {};

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@t',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@t',
};
function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: gitEnv }).trim();
}
function write(file: string, text: string): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
}
function commit(name: string): void {
  git('add', '-A');
  git('commit', '-q', '-m', name);
  commits[name] = git('rev-parse', 'HEAD');
}
const diff = (ref: string, ...args: string[]) => cli(['map', '--no-config', '--diff', ref, ...args], dir);
/** The same through the real bin, for the exit code a CI job sees. */
const diffBin = (ref: string, ...args: string[]) => spawnCli(['map', '--no-config', '--diff', ref, ...args], dir);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cors-guard-diff-'));
  git('init', '-q', '-b', 'main');
  write('.gitignore', 'node_modules\n');
  write('package.json', '{ "name": "diff-fixture", "private": true, "type": "module" }\n');
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  write('src/api.js', API('/^https:\\/\\/([a-z0-9-]+\\.)*example\\.com$/'));
  write('src/partners.js', PARTNERS(false));
  write('src/legacy.js', LEGACY_REFLECT);
  commit('base');
  write('src/api.js', API('/^https:\\/\\/([a-z0-9-]+.)*example\\.com$/'));
  commit('weaken');
  write('src/partners.js', PARTNERS(true));
  commit('credentials');
  write('src/legacy.js', LEGACY_FIXED);
  commit('fix');
  write('src/api.js', `// The API's CORS policy.\n\n${readFileSync(join(dir, 'src/api.js'), 'utf8')}`);
  commit('move');
});

describe('cors-guard map --diff', () => {
  it('a commit that weakens a regex: the witness, and exit 1', async () => {
    git('checkout', '-q', commits['weaken']!);
    const r = await diffBin('HEAD~1', '--format', 'md');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('## CORS diff against `HEAD~1`');
    expect(r.stdout).toContain('🔴 **1 policy now lets in an attacker origin that was blocked before.**');
    expect(r.stdout).toContain('Policies: 1 changed, 0 added, 0 removed, 2 unchanged.');
    const row = r.stdout.split('\n').find((l) => l.includes('`src/api.js:5`'))!;
    // Escaped for a table cell (brackets, `*` and `$` would be a link, emphasis or math): renders as written.
    expect(row).toContain(
      'check weakened: pattern /^https:\\\\/\\\\/(\\[a-z0-9-\\]+\\\\.)\\*example\\\\.com\\$/ → pattern',
    );
    expect(row).toContain('verdict safe → unsafe');
    expect(row).toContain('`https://evilexample.com` (with cookies)');
    expect(row.startsWith('| 🔴 |')).toBe(true);
  });

  it('a commit that adds credentials: reported, exit 0 (no attacker gets in)', async () => {
    git('checkout', '-q', commits['credentials']!);
    const r = await diff('HEAD~1', '--format', 'md');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('✅ **No change lets in an attacker origin that was blocked before.**');
    const row = r.stdout.split('\n').find((l) => l.includes('`src/partners.js:3`'))!;
    expect(row).toMatch(/^\| 🟠 \| `src\/partners\.js:3` \| `cors` \| credentials switched on \|/);
  });

  it('a commit that fixes a reflection: the attacker kept out, exit 0', async () => {
    git('checkout', '-q', commits['fix']!);
    const r = await diff('HEAD~1', '--format', 'md');
    expect(r.code, r.stderr).toBe(0);
    const row = r.stdout.split('\n').find((l) => l.includes('src/legacy.js'))!;
    expect(row).toContain('| 🟢 | `src/legacy.js:6 (was :2)` | headers |');
    expect(row).toContain(
      "check tightened: any origin (the request's Origin sent back unchecked) → https://app.example.com",
    );
    expect(row).toContain('verdict unsafe → safe');
    expect(row).toContain('`https://evil.example`');
    const text = await diff('HEAD~1');
    expect(text.stdout).toContain('kept out: https://evil.example is blocked (before: reads with cookies)');
  });

  it('lines that only move: matched, nothing to report', async () => {
    git('checkout', '-q', commits['move']!);
    const r = await diff('HEAD~1', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as MapDiff;
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report).toMatchObject({ version: 1, ref: 'HEAD~1', commit: commits['fix'], unchanged: 3, policies: [] });
    expect(report.admitsAttacker).toBe(false);
  });

  it('the whole branch against its base, JSON valid against the schema, exit 1', async () => {
    git('checkout', '-q', commits['move']!);
    const r = await diff(commits['base']!, '--format', 'json');
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as MapDiff;
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.admitsAttacker).toBe(true);
    const api = report.policies.find((p) => p.file === 'src/api.js')!;
    expect(api.before).toMatchObject({ line: 5, verdict: 'safe', witness: null });
    expect(api.after).toMatchObject({ line: 7, verdict: 'unsafe', witness: 'https://evilexample.com' });
    expect(api.admitted).toEqual([{ origin: 'https://evilexample.com', before: 'no', after: 'with-cookies' }]);
    expect(api.changes.map((c) => c.kind)).toEqual(['check-weakened', 'verdict']);
    const legacy = report.policies.find((p) => p.file === 'src/legacy.js')!;
    expect(legacy.fixed.map((f) => f.origin)).toContain('https://evil.example');
    expect(report.policies.find((p) => p.file === 'src/partners.js')!.changes.map((c) => c.kind)).toEqual([
      'credentials-on',
    ]);
  });

  it('uncommitted work: a new file that reflects is a policy added, exit 1', async () => {
    git('checkout', '-q', commits['move']!);
    write('src/new.js', LEGACY_REFLECT.replace('legacy', 'fresh'));
    try {
      const r = await diff('HEAD', '--format', 'md');
      expect(r.code, r.stderr).toBe(1);
      const row = r.stdout.split('\n').find((l) => l.includes('src/new.js'))!;
      expect(row).toContain(
        "| 🔴 | `src/new.js:2` | headers | policy added: unsafe, lets in any origin (the request's Origin sent back unchecked) |",
      );
      expect(row).toContain('`https://evil.example` (with cookies)');
      // A removed file is a policy removed (the ref's side, read from git).
      execFileSync('git', ['rm', '-q', 'src/legacy.js'], { cwd: dir });
      const removed = await diff('HEAD', '--format', 'md');
      expect(removed.stdout).toContain(
        '| 🟢 | `src/legacy.js:6` | headers | policy removed (it was safe: https://app.example.com) |',
      );
    } finally {
      git('checkout', '-q', '-f', commits['move']!);
      git('clean', '-fdq', '-e', 'node_modules');
    }
  });

  it('modules a file imports are read at the ref too (the module overlay)', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'cors-guard-diff-modules-'));
    const run = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: gitEnv });
    run('init', '-q', '-b', 'main');
    writeFileSync(join(repo, '.gitignore'), 'node_modules\n');
    writeFileSync(join(repo, 'package.json'), '{ "name": "m", "private": true, "type": "module" }\n');
    symlinkSync(join(root, 'node_modules'), join(repo, 'node_modules'), 'dir');
    writeFileSync(join(repo, 'origins.js'), 'export const ALLOWED = /^https:\\/\\/app\\.example\\.com$/;\n');
    writeFileSync(
      join(repo, 'server.js'),
      "import cors from 'cors';\nimport { ALLOWED } from './origins.js';\nexport const mw = cors({ origin: ALLOWED, credentials: true });\n",
    );
    run('add', '-A');
    run('commit', '-q', '-m', 'base');
    // Only the imported module changes: the dot unescaped.
    writeFileSync(join(repo, 'origins.js'), 'export const ALLOWED = /^https:\\/\\/app.example\\.com$/;\n');
    const r = await cli(['map', '--no-config', '--diff', 'HEAD', '--format', 'json'], repo);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as MapDiff;
    expect(report.policies).toHaveLength(1);
    expect(report.policies[0]!.before).toMatchObject({ verdict: 'safe' });
    expect(report.policies[0]!.admitted[0]).toMatchObject({ origin: 'https://app-example.com', after: 'with-cookies' });
    expect(readFileSync(join(repo, 'origins.js'), 'utf8')).toContain('app.example'); // the working tree untouched

    // A JSON module too: 'null' added to a list read from cors.json.
    writeFileSync(join(repo, 'cors.json'), '{ "origins": ["https://app.example.com"] }\n');
    writeFileSync(
      join(repo, 'legacy.cjs'),
      "const cors = require('cors');\nconst { origins } = require('./cors.json');\nmodule.exports = cors({ origin: origins, credentials: true });\n",
    );
    run('add', '-A');
    run('commit', '-q', '-m', 'json');
    writeFileSync(join(repo, 'cors.json'), '{ "origins": ["https://app.example.com", "null"] }\n');
    const json = await cli(['map', '--no-config', '--diff', 'HEAD', 'legacy.cjs'], repo);
    expect(json.code, json.stderr).toBe(1);
    expect(json.stdout).toContain('🔴 legacy.cjs:3 cors: now lets in null; verdict safe → unsafe');
    expect(json.stdout).toContain('let in: null reads with cookies (before: blocked)');
  });

  it('a ref git does not know, or a folder outside git: exit 2', async () => {
    const r = await diffBin('no-such-ref');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a commit: no-such-ref');
    const outside = mkdtempSync(join(tmpdir(), 'cors-guard-nogit-'));
    const o = await cli(['map', '--diff', 'HEAD'], outside);
    expect(o.code).toBe(2);
    expect(o.stderr).toContain('is not in a git repository');
    expect((await diff('HEAD', '--format', 'html')).code).toBe(2);
  });
});
