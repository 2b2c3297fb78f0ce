/**
 * Hono's `origin: (o) => o` gets a fix (not only "Why no automatic fix"): the function returns the origin
 * only when it is listed. The fixed file type-checks against Hono's own types and, run with the real Hono on
 * a real `Request`, answers the listed origin and not `https://evil.example`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

const APP = `import { Hono } from 'hono';
import { cors } from 'hono/cors';

const app = new Hono();
app.use('/api/*', cors({ origin: (o) => o, credentials: true }));
app.get('/api/orders', (c) => c.json([]));
export default app;
`;

function suggestionsOf(text: string, trustedOrigins: string[]) {
  const linter = new Linter({ configType: 'flat' });
  const [finding, ...others] = linter.verify(
    text,
    [
      {
        files: ['**/*.mts'],
        languageOptions: { parser: tsParser as never },
        plugins: { 'cors-guard': plugin as never },
        settings: { 'cors-guard': { trustedOrigins } },
        rules: { 'cors-guard/no-origin-reflection': 'error' },
      },
    ],
    'server.mts',
  );
  expect(others).toEqual([]);
  return finding?.suggestions ?? [];
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the fix for Hono origin: (o) => o', () => {
  it('returns the origin only when it is in the allowlist: type-checks with Hono, and the real Hono answers only listed origins', async () => {
    const [fix, ...more] = suggestionsOf(APP, ['https://shop.example.com']);
    expect(more).toEqual([]);
    expect(fix?.desc).toBe(
      'Return the origin only when it is in an allowlist (`ALLOWED_ORIGINS`; replace the placeholder with your origins).',
    );
    const fixed = APP.slice(0, fix!.fix.range[0]) + fix!.fix.text + APP.slice(fix!.fix.range[1]);
    expect(fixed).toContain("const ALLOWED_ORIGINS = new Set(['https://shop.example.com']);");
    expect(fixed).toContain('cors({ origin: (o) => ALLOWED_ORIGINS.has(o) ? o : null, credentials: true })');
    mkdirSync(join(root, 'tmp'), { recursive: true });
    const dir = mkdtempSync(join(root, 'tmp', 'hono-fix-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'server.mts'), fixed);
    const tsc = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/typescript/bin/tsc'),
        '--noEmit',
        '--ignoreConfig',
        '--strict',
        '--skipLibCheck',
        '--module',
        'nodenext',
        '--target',
        'es2022',
        join(dir, 'server.mts'),
      ],
      { encoding: 'utf8', cwd: dir },
    );
    expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
    // The same code as JavaScript (the types erased), run with the real Hono.
    writeFileSync(join(dir, 'server.mjs'), fixed);
    const { default: app } = (await import(pathToFileURL(join(dir, 'server.mjs')).href)) as {
      default: { request: (path: string, init: RequestInit) => Promise<Response> };
    };
    const ask = async (origin: string) =>
      (await app.request('/api/orders', { headers: { Origin: origin } })).headers.get('access-control-allow-origin');
    expect(await ask('https://shop.example.com')).toBe('https://shop.example.com');
    expect(await ask('https://evil.example')).toBeNull();
    // Before the fix, the attacker was answered.
    writeFileSync(join(dir, 'before.mjs'), APP);
    const { default: before } = (await import(pathToFileURL(join(dir, 'before.mjs')).href)) as { default: typeof app };
    const r = await before.request('/api/orders', { headers: { Origin: 'https://evil.example' } });
    expect(r.headers.get('access-control-allow-origin')).toBe('https://evil.example');
  });
});
