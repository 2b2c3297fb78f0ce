/**
 * Unit tests of the editor's pure logic added for daily use: findings kept across edits that don't
 * parse, the typing delay, disable comments chosen by the ESLint flat config, `cors-guard-ignore`
 * comments honoured by the rules, and verdicts on raw header blocks.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { headerBlockVerdict, headerExchangeAt, headerExchangesIn } from '../../eslint-plugin/src/analysis';
import plugin from '../../eslint-plugin/src/index';
import { DisableStylePicker, configLoadsPlugin, findFlatConfig } from '../../extension/src/core/eslint-config';
import { disableFileEdit, disableLineEdit } from '../../extension/src/core/edits';
import { keep, keptAsFindings, shiftKept, shiftRange, typingDelay } from '../../extension/src/core/keep';
import type { Finding } from '../../extension/src/core/protocol';

function apply(text: string, edit: { range: readonly [number, number]; text: string }): string {
  return text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
}

const finding = (line: number, column: number, endColumn: number): Finding => ({
  ruleId: 'cors-guard/no-origin-reflection',
  message: 'm',
  severity: 2,
  line,
  column,
  endLine: line,
  endColumn,
  suggestions: [{ desc: 'fix', fix: { range: [0, 1], text: 'x' } }],
  related: [{ line: 1, column: 1, endLine: 1, endColumn: 4, message: 'here' }],
});

describe('kept findings', () => {
  const text = 'abc\nres.header(origin);\n';

  it('move with insertions before them and stay put for edits after them', () => {
    expect(shiftRange([4, 10], { rangeOffset: 0, rangeLength: 0, text: 'xx\n' })).toEqual([7, 13]);
    expect(shiftRange([4, 10], { rangeOffset: 12, rangeLength: 3, text: '' })).toEqual([4, 10]);
    expect(shiftRange([4, 10], { rangeOffset: 6, rangeLength: 1, text: 'abc' })).toEqual([4, 12]);
    expect(shiftRange([4, 10], { rangeOffset: 2, rangeLength: 10, text: '' })).toBeUndefined();
  });

  it('come back as findings on the new text, without stale fixes', () => {
    const kept = keep(text, [finding(2, 12, 18)]);
    expect(text.slice(...kept[0]!.range)).toBe('origin');
    const moved = shiftKept(kept, [
      { rangeOffset: 0, rangeLength: 0, text: 'const broken = (;\n' },
      { rangeOffset: 0, rangeLength: 0, text: '/' },
    ]);
    const now = '/const broken = (;\n' + text;
    const [f] = keptAsFindings(now, moved);
    expect(f).toMatchObject({ line: 3, column: 12, endLine: 3, endColumn: 18, suggestions: [] });
    expect(f!.fix).toBeUndefined();
    expect(f!.related[0]).toMatchObject({ line: 2, column: 1, endColumn: 4 });
  });

  it('drop a finding whose text was deleted', () => {
    const kept = keep(text, [finding(2, 12, 18)]);
    expect(shiftKept(kept, [{ rangeOffset: 4, rangeLength: 18, text: '' }])).toEqual([]);
  });

  it('typing delay adapts to the last lint time, within bounds', () => {
    expect(typingDelay(undefined)).toBe(75);
    expect(typingDelay(5)).toBe(75);
    expect(typingDelay(100)).toBe(75);
    expect(typingDelay(350)).toBe(120);
    expect(typingDelay(5000)).toBe(250);
  });
});

describe('disable comments', () => {
  const text = "app.use(x);\n  res.set('A', '*');\n";

  it('write cors-guard-ignore comments when the config does not load the plugin', () => {
    expect(apply(text, disableLineEdit(text, 2, 'cors-guard/no-wildcard-with-credentials', 'cors-guard'))).toBe(
      "app.use(x);\n  // cors-guard-ignore-next-line no-wildcard-with-credentials\n  res.set('A', '*');\n",
    );
    const once = apply(text, disableLineEdit(text, 2, 'cors-guard/a', 'cors-guard'));
    expect(apply(once, disableLineEdit(once, 3, 'cors-guard/b', 'cors-guard'))).toContain(
      '// cors-guard-ignore-next-line a, b\n',
    );
  });

  it('disable a rule for the file, after a shebang, extending an existing comment', () => {
    const script = '#!/usr/bin/env node\nrun();\n';
    const one = apply(script, disableFileEdit(script, 'cors-guard/a', 'eslint'));
    expect(one).toBe('#!/usr/bin/env node\n/* eslint-disable cors-guard/a */\nrun();\n');
    expect(apply(one, disableFileEdit(one, 'cors-guard/b', 'eslint'))).toBe(
      '#!/usr/bin/env node\n/* eslint-disable cors-guard/a, cors-guard/b */\nrun();\n',
    );
    expect(disableFileEdit(one, 'cors-guard/a', 'eslint').text).toBe('');
    expect(apply('x();\n', disableFileEdit('x();\n', 'cors-guard/c', 'cors-guard'))).toBe(
      '/* cors-guard-ignore-file c */\nx();\n',
    );
  });

  it('find the flat config the way ESLint does (nearest folder up) and read whether it loads the plugin', () => {
    const files: Record<string, string> = {
      '/repo/eslint.config.js':
        "import corsGuard from 'eslint-plugin-cors-guard';\nexport default [corsGuard.configs.recommended];",
      '/repo/pkg/eslint.config.mjs': 'export default [];',
    };
    const stamps: Record<string, number> = { '/repo/eslint.config.js': 1, '/repo/pkg/eslint.config.mjs': 1 };
    const fs = { stamp: (p: string) => stamps[p], read: (p: string) => files[p]! };
    expect(findFlatConfig('/repo/src/api', fs)).toBe('/repo/eslint.config.js');
    expect(findFlatConfig('/repo/pkg/src', fs)).toBe('/repo/pkg/eslint.config.mjs');
    expect(findFlatConfig('/elsewhere', fs)).toBeUndefined();
    let clock = 0;
    const picker = new DisableStylePicker(fs, () => clock, 1000);
    expect(picker.styleFor('/repo/src')).toEqual({ style: 'eslint', config: '/repo/eslint.config.js' });
    expect(picker.styleFor('/repo/pkg/src').style).toBe('cors-guard');
    expect(picker.styleFor('/elsewhere')).toEqual({ style: 'cors-guard' });
    // The config changes (new stamp): read again.
    files['/repo/pkg/eslint.config.mjs'] = "const corsGuard = require('eslint-plugin-cors-guard');";
    stamps['/repo/pkg/eslint.config.mjs'] = 2;
    clock = 2000;
    expect(picker.styleFor('/repo/pkg/src').style).toBe('eslint');
    expect(configLoadsPlugin("await import('eslint-plugin-cors-guard')")).toBe(true);
    expect(configLoadsPlugin('// no cors-guard here')).toBe(false);
  });
});

describe('cors-guard-ignore comments', () => {
  const linter = new Linter({ configType: 'flat' });
  const lint = (code: string) =>
    linter
      .verify(code, [{ plugins: { 'cors-guard': plugin as never }, rules: plugin.configs.recommended.rules }], {
        filename: 'a.js',
      })
      .map((m) => `${m.ruleId}@${m.line}`);
  const server = (comment = '') =>
    `const app = require('express')();\napp.get('/', (req, res) => {\n${comment}  res.set('Access-Control-Allow-Origin', '*');\n  res.set('Access-Control-Allow-Credentials', 'true');\n});\n`;

  it('silence the named rule on the next line, the same line or the whole file', () => {
    expect(lint(server())).toEqual(['cors-guard/no-wildcard-with-credentials@3']);
    expect(lint(server('  // cors-guard-ignore-next-line no-wildcard-with-credentials -- public stats\n'))).toEqual([]);
    expect(lint(server('  // cors-guard-ignore-next-line cors-guard/no-wildcard-with-credentials\n'))).toEqual([]);
    expect(lint(server('  // cors-guard-ignore-next-line\n'))).toEqual([]);
    expect(lint(`/* cors-guard-ignore-file no-wildcard-with-credentials */\n${server()}`)).toEqual([]);
    const sameLine = server().replace("'*');", "'*'); // cors-guard-ignore-line no-wildcard-with-credentials");
    expect(lint(sameLine)).toEqual([]);
  });

  it('leave other rules and other lines alone', () => {
    expect(lint(server('  // cors-guard-ignore-next-line no-null-origin\n'))).toEqual([
      'cors-guard/no-wildcard-with-credentials@4',
    ]);
    expect(lint(`// cors-guard-ignore-next-line no-wildcard-with-credentials\n${server()}`)).toEqual([
      'cors-guard/no-wildcard-with-credentials@4',
    ]);
  });
});

describe('raw header verdicts', () => {
  const exchange = [
    'GET https://api.example.com/orders HTTP/1.1',
    'Origin: https://evil.example',
    '',
    'HTTP/1.1 200 OK',
    'Access-Control-Allow-Origin: https://evil.example',
    'Access-Control-Allow-Credentials: true',
  ].join('\n');

  it('a response echoing the request Origin with credentials is reflection', () => {
    const [x] = headerExchangesIn(exchange);
    const v = headerBlockVerdict(x!);
    expect(v).toMatchObject({ kind: 'reflection', severity: 'error', line: 4 });
    expect(v.title).toBe("Reflection: echoes the request's Origin (https://evil.example) with credentials.");
    expect(v.related.map((r) => r.line)).toEqual([5, 1]);
    expect(headerExchangeAt(exchange, 5)).toEqual(x);
  });

  it('curl -v prefixes are read too', () => {
    const verbose = exchange
      .split('\n')
      .map((l, i) => (i < 3 ? `> ${l}` : `< ${l}`))
      .join('\n');
    expect(headerBlockVerdict(headerExchangesIn(verbose)[0]!).kind).toBe('reflection');
  });

  it('curl -i output: the Origin comes from the command line; without it, the attacker origin still reads as reflection', () => {
    const response = [
      'HTTP/2 200',
      'content-type: application/json',
      'access-control-allow-origin: https://evil.example',
      'access-control-allow-credentials: true',
    ];
    const withCommand = [`$ curl -i -H 'Origin: https://evil.example' https://api.example.com/orders`, ...response];
    const [x] = headerExchangesIn(withCommand.join('\n'));
    expect(x!.request?.headers).toEqual([{ name: 'Origin', value: 'https://evil.example', line: 0 }]);
    expect(headerBlockVerdict(x!)).toMatchObject({ kind: 'reflection', severity: 'error', line: 3 });
    const alone = headerBlockVerdict(headerExchangesIn(response.join('\n'))[0]!);
    expect(alone).toMatchObject({ kind: 'reflection', severity: 'error' });
    expect(alone.title).toBe('Reflection: the attacker origin https://evil.example is allowed, with credentials.');
    // A command with no headers is not a request block of its own (and never a response).
    expect(headerExchangesIn('curl -i https://api.example.com/')).toEqual([]);
  });

  it('* with credentials is broken; * alone is public; a fixed origin is fine', () => {
    const verdict = (lines: string[]) => headerBlockVerdict(headerExchangesIn(lines.join('\n'))[0]!);
    expect(
      verdict(['HTTP/1.1 200 OK', 'Access-Control-Allow-Origin: *', 'Access-Control-Allow-Credentials: true']),
    ).toMatchObject({ kind: 'broken', severity: 'error' });
    expect(verdict(['HTTP/1.1 200 OK', 'Access-Control-Allow-Origin: *']).kind).toBe('public');
    expect(
      verdict([
        'GET / HTTP/1.1',
        'Origin: https://evil.example',
        '',
        'HTTP/1.1 200 OK',
        'Access-Control-Allow-Origin: https://shop.example.com',
        'Access-Control-Allow-Credentials: true',
      ]),
    ).toMatchObject({ kind: 'single-origin', severity: 'info' });
    expect(
      verdict(['HTTP/1.1 200 OK', 'Access-Control-Allow-Origin: null', 'Access-Control-Allow-Credentials: true']),
    ).toMatchObject({ kind: 'null-origin', severity: 'error' });
  });
});

describe('V8 code cache', () => {
  it('loads a module, writes its cache after the first use, and reads it on the next load', async () => {
    const { mkdtempSync, writeFileSync, readdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { requireWithCodeCache } = await import('../../extension/src/code-cache');
    const dir = mkdtempSync(join(tmpdir(), 'cors-guard-cc-'));
    const file = join(dir, 'mod.cjs');
    writeFileSync(
      file,
      "const path = require('node:path');\nexports.twice = (x) => 2 * x;\nexports.base = path.basename(__filename);\n",
    );
    const cache = join(dir, 'cache');
    const first = requireWithCodeCache<{ twice(x: number): number; base: string }>(file, cache);
    expect(first.cacheHit).toBe(false);
    expect(first.exports.twice(21)).toBe(42);
    expect(first.exports.base).toBe('mod.cjs');
    first.save();
    expect(readdirSync(cache).some((f) => f.endsWith('.v8cache'))).toBe(true);
    const second = requireWithCodeCache<{ twice(x: number): number }>(file, cache);
    expect(second.cacheHit).toBe(true);
    expect(second.exports.twice(2)).toBe(4);
    // No cache folder: a plain require.
    expect(requireWithCodeCache<{ twice(x: number): number }>(file, undefined).exports.twice(1)).toBe(2);
  });
});
