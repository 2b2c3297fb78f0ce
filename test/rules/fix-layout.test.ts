/**
 * Fixes are laid out to the file: the line width is the project's Prettier `printWidth` when its
 * configuration says one (read, never executed; Prettier need not be installed), else 80.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';
import { lineWidthFor } from '../../eslint-plugin/src/util/line-width';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A project folder (with `.git`, where the search stops) holding `files`. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cors-guard-layout-'));
  dirs.push(dir);
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const HANDLER = `export default {
  fetch(request) {
    const o = request.headers.get('Origin');
    return new Response('', { headers: { 'Access-Control-Allow-Origin': o } });
  },
};
`;

function fixed(dir: string): string {
  const linter = new Linter({ configType: 'flat', cwd: dir });
  const [finding] = linter.verify(
    HANDLER,
    [
      {
        files: ['**/*.js'],
        languageOptions: { parser: tsParser as never },
        plugins: { 'cors-guard': plugin as never },
        settings: { 'cors-guard': { trustedOrigins: ['https://shop.example.com'] } },
        rules: { 'cors-guard/no-origin-reflection': 'error' },
      },
    ],
    join(dir, 'worker.js'),
  );
  const fix = finding!.suggestions![0]!.fix;
  return HANDLER.slice(0, fix.range[0]) + fix.text + HANDLER.slice(fix.range[1]);
}

describe('the line width of fixes', () => {
  it('is the printWidth of the nearest Prettier configuration, in any of its files', () => {
    const json = project({ '.prettierrc': '{ "printWidth": 100 }', 'src/server.js': '' });
    expect(lineWidthFor(join(json, 'src', 'server.js'))).toBe(100);
    const yaml = project({ '.prettierrc.yaml': 'singleQuote: true\nprintWidth: 120\n', 'a.js': '' });
    expect(lineWidthFor(join(yaml, 'a.js'))).toBe(120);
    const pkg = project({ 'package.json': '{ "name": "x", "prettier": { "printWidth": 90 } }', 'a.js': '' });
    expect(lineWidthFor(join(pkg, 'a.js'))).toBe(90);
    const mjs = project({ 'prettier.config.mjs': 'export default { printWidth: 110, semi: false };', 'a.js': '' });
    expect(lineWidthFor(join(mjs, 'a.js'))).toBe(110);
    // A configuration without printWidth is Prettier's default; so is no configuration, or a broken one.
    expect(lineWidthFor(join(project({ '.prettierrc.json': '{ "semi": false }' }), 'a.js'))).toBe(80);
    expect(lineWidthFor(join(project({ 'package.json': '{ "name": "x" }' }), 'a.js'))).toBe(80);
    expect(lineWidthFor(join(project({ '.prettierrc': '{ printWidth: ' }), 'a.js'))).toBe(80);
    expect(lineWidthFor('<text>')).toBe(80);
  });

  it('decides how a fix breaks: at 140 columns the fix stays on its line, at 80 the objects open one property a line', () => {
    const wide = project({ '.prettierrc.json': '{ "printWidth": 140 }' });
    const narrow = project({});
    const at140 = fixed(wide);
    const at80 = fixed(narrow);
    expect(at140).toContain(
      "    return new Response('', { headers: { ...(ALLOWED_ORIGINS.has(o) ? { 'Access-Control-Allow-Origin': o } : {}), Vary: 'Origin' } });",
    );
    expect(at80).toContain(`    return new Response('', {
      headers: {
        ...(ALLOWED_ORIGINS.has(o) ? { 'Access-Control-Allow-Origin': o } : {}),
        Vary: 'Origin',
      },
    });`);
    for (const [text, width] of [
      [at140, 140],
      [at80, 80],
    ] as const) {
      for (const line of text.split('\n')) if (!HANDLER.includes(line)) expect(line.length).toBeLessThanOrEqual(width);
    }
  });
});
