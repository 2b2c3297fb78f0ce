// What flows across modules, case by case: each case is a small project written to a temporary folder;
// its entry file is linted (by its real path) with the recommended preset from the plugin's source.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function lintProject(files: Record<string, string>, entry: string): string[] {
  const root = mkdtempSync(join(tmpdir(), 'cors-guard-values-'));
  made.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  const linter = new Linter({ cwd: root });
  const config: Linter.Config[] = [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser as never } },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    plugin.configs.recommended as never,
  ];
  return linter
    .verify(files[entry]!, config, join(root, entry))
    .map((m) =>
      `${m.line}:${m.column} ${m.ruleId ?? 'fatal'} ${m.message.startsWith('In `') ? m.message.slice(0, m.message.indexOf(':')) : ''}`.trim(),
    );
}

const SERVER = (setup: string) => `import cors from 'cors';\nimport express from 'express';\n${setup}\n`;

describe('values across modules', () => {
  it.each([
    [
      'a namespace import',
      { 'cfg.mjs': 'export const origin = true;\n' },
      "import * as cfg from './cfg.mjs';\nexpress().use(cors({ origin: cfg.origin, credentials: true }));",
      // Placed where the origin comes in from the other module, not at the local `credentials: true`.
      ['4:30 cors-guard/no-origin-reflection In `cfg.mjs` (line 1)'],
    ],
    [
      'a renamed re-export',
      { 'a.mjs': "export { opts as options } from './b.mjs';\n", 'b.mjs': "export const opts = { origin: 'null' };\n" },
      "import { options } from './a.mjs';\nexpress().use(cors(options));",
      ['4:15 cors-guard/no-null-origin In `b.mjs` (line 1)'],
    ],
    [
      'a Set allowlist (safe)',
      { 'allowed.mjs': "export const ALLOWED = new Set(['https://a.example.com']);\n" },
      "import { ALLOWED } from './allowed.mjs';\nexpress().use((req, res) => { const o = req.headers.origin; if (ALLOWED.has(o)) res.setHeader('Access-Control-Allow-Origin', o); });",
      [],
    ],
    [
      'a Map allowlist (safe)',
      { 'allowed.mjs': "export const ORIGINS = new Map([['https://a.example.com', 1]]);\n" },
      "import { ORIGINS } from './allowed.mjs';\nexpress().use((req, res) => { const o = req.headers.origin; if (ORIGINS.has(o)) res.setHeader('Access-Control-Allow-Origin', o); });",
      [],
    ],
    [
      'an anchored pattern string from config (safe)',
      { 'cfg.mjs': "export const PATTERN = '^https://app\\\\.example\\\\.com$';\n" },
      "import { PATTERN } from './cfg.mjs';\nexpress().use(cors({ origin: (o, cb) => cb(null, new RegExp(PATTERN).test(o)), credentials: true }));",
      [],
    ],
    [
      'an unescaped pattern string from config',
      { 'cfg.mjs': "export const PATTERN = '^https://app.example.com$';\n" },
      "import { PATTERN } from './cfg.mjs';\nexpress().use(cors({ origin: (o, cb) => cb(null, new RegExp(PATTERN).test(o)), credentials: true }));",
      ['4:50 cors-guard/no-unsafe-origin-check'],
    ],
    [
      'a default export with credentials, judged where it is defined',
      { 'cfg.mjs': 'export default { origin: true, credentials: true };\n' },
      "import options from './cfg.mjs';\nexpress().use(cors(options));",
      [],
    ],
    [
      'a CommonJS module imported from ESM',
      { 'cfg.cjs': "module.exports = { origin: ['https://a.example.com', 'null'] };\n" },
      "import options from './cfg.cjs';\nexpress().use(cors(options));",
      ['4:15 cors-guard/no-null-origin In `cfg.cjs` (line 1)'],
    ],
    [
      'an options delegate from another module',
      {
        'delegate.cjs':
          'const open = { origin: true, credentials: true };\nmodule.exports = function (req, callback) {\n  callback(null, open);\n};\n',
      },
      "import delegate from './delegate.cjs';\nexpress().use(cors(delegate));",
      ['4:15 cors-guard/no-origin-reflection In `delegate.cjs` (line 1)'],
    ],
    [
      'an origin predicate from another module',
      { 'check.mjs': "export const isAllowed = (o) => o.startsWith('https://app.example.com');\n" },
      "import { isAllowed } from './check.mjs';\nexpress().use(cors({ origin: (o, cb) => cb(null, isAllowed(o)), credentials: true }));",
      ['4:22 cors-guard/no-unsafe-origin-check In `check.mjs` (line 1)'],
    ],
    [
      'an exact predicate from another module (safe)',
      { 'check.mjs': "const L = ['https://a.example.com'];\nexport function isAllowed(o) { return L.includes(o); }\n" },
      "import { isAllowed } from './check.mjs';\nexpress().use(cors({ origin: (o, cb) => cb(null, isAllowed(o)), credentials: true }));",
      [],
    ],
  ] as const)('%s', (_name, files, setup, expected) => {
    expect(lintProject({ ...files, 'server.mjs': SERVER(setup) }, 'server.mjs')).toEqual(expected);
  });

  it("follows TypeScript's `import x = require()` and `export =`", () => {
    const files = {
      'cfg.ts': "const o = { origin: ['https://a.example.com', 'null'] };\nexport = o;\n",
      'main.ts': "import cors from 'cors';\nimport o = require('./cfg');\ncors(o);\n",
    };
    expect(lintProject(files, 'main.ts')).toEqual(['3:1 cors-guard/no-null-origin In `cfg.ts` (line 1)']);
  });

  it('judges a module on its own when its options leave no doubt', () => {
    const files = {
      'config/corsOptions.cjs':
        "const allowed = require('./allowed.cjs');\nmodule.exports = { origin: (origin, callback) => callback(null, true), credentials: true };\n",
      'config/allowed.cjs': "module.exports = ['https://a.example.com'];\n",
    };
    expect(lintProject(files, 'config/corsOptions.cjs')).toEqual(['2:65 cors-guard/no-origin-reflection']);
  });
});

describe('options judged where they are defined, consumed by another library', () => {
  it('a consumer that reads them differently (@koa/cors reflects `*` with credentials): the stronger consequence is its finding', () => {
    // The options module's own lint reports `*` with credentials as what browsers reject; under @koa/cors
    // the same options let any website read with cookies. Placement compares consequences, not only the
    // place (placement.ts): the consumer reports the reflection, the options module what it says itself.
    const files = {
      'corsOptions.mjs': "export const corsOptions = { origin: '*', credentials: true };\n",
      'app.mjs':
        "import Koa from 'koa';\nimport cors from '@koa/cors';\nimport { corsOptions } from './corsOptions.mjs';\nnew Koa().use(cors(corsOptions));\n",
    };
    expect(lintProject(files, 'app.mjs')).toEqual([
      '4:15 cors-guard/no-wildcard-with-credentials In `corsOptions.mjs` (line 1)',
    ]);
    expect(lintProject(files, 'corsOptions.mjs')).toEqual(['1:38 cors-guard/no-wildcard-with-credentials']);
  });

  it('a consumer that reads them as the options module does (cors): one finding, where they are set', () => {
    const files = {
      'corsOptions.mjs': "export const corsOptions = { origin: '*', credentials: true };\n",
      'app.mjs':
        "import express from 'express';\nimport cors from 'cors';\nimport { corsOptions } from './corsOptions.mjs';\nexpress().use(cors(corsOptions));\n",
    };
    expect(lintProject(files, 'app.mjs')).toEqual([]);
    expect(lintProject(files, 'corsOptions.mjs')).toEqual(['1:38 cors-guard/no-wildcard-with-credentials']);
  });
});
