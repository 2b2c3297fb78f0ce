/**
 * The fix for a reflection behind a broken comparison against the project's own list
 * (`allowedOrigins.indexOf(origin) !== 1`, a typo for `-1`) corrects the comparison and keeps the list: no
 * second, placeholder allowlist. Run against the real `cors` and Express: after the fix the project's own
 * front end gets Access-Control-Allow-Origin and `https://evil.example` does not.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';
import rule from '../../eslint-plugin/src/rules/no-origin-reflection';
import { ruleTester } from './tester';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

const APP = `const express = require('express');
const cors = require('cors');
const { allowedOrigins } = require('./config');

const app = express();
app.use(
  cors({
    origin: function (origin, callback) {
      if (allowedOrigins.indexOf(origin) !== 1) callback(null, true);
      else callback(new Error('Not allowed by CORS'));
    },
    credentials: true,
  }),
);
app.get('/api/orders', (req, res) => res.json([]));
module.exports = app;
`;
const CONFIG = `module.exports = { allowedOrigins: ['http://localhost:5173', 'https://shop.example.com'] };\n`;

function lint(file: string, text: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    text,
    [
      {
        files: ['**/*.js'],
        plugins: { 'cors-guard': plugin as never },
        rules: { 'cors-guard/no-origin-reflection': 'error' },
      },
    ],
    { filename: file },
  );
}

/** The ACAO header the app sends to `origin` (undefined when none), and the status. */
async function ask(appFile: string, origin: string): Promise<{ allowOrigin: string | null; status: number }> {
  const app = createRequire(appFile)(appFile) as import('express').Express;
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const r = await fetch(`http://127.0.0.1:${port}/api/orders`, { headers: { Origin: origin } });
    return { allowOrigin: r.headers.get('access-control-allow-origin'), status: r.status };
  } finally {
    server.close();
  }
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the fix for `allowedOrigins.indexOf(origin) !== 1`', () => {
  it('corrects the comparison against the imported list, and the real cors then lets in only its origins', async () => {
    mkdirSync(join(root, 'tmp'), { recursive: true });
    // Inside the repository, so `require('express')` and `require('cors')` find the installed packages.
    const dir = mkdtempSync(join(root, 'tmp', 'list-typo-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'package.json'), '{ "type": "commonjs" }\n');
    writeFileSync(join(dir, 'config.js'), CONFIG);
    const before = join(dir, 'before.js');
    writeFileSync(before, APP);
    // As written, every origin gets in: the attacker with it.
    expect(await ask(before, 'https://evil.example')).toMatchObject({ allowOrigin: 'https://evil.example' });

    const [finding, ...others] = lint(join(dir, 'app.js'), APP);
    expect(others).toEqual([]);
    expect(finding?.ruleId).toBe('cors-guard/no-origin-reflection');
    expect(finding?.suggestions?.map((s) => s.desc)).toEqual([
      'Check `allowedOrigins` as meant: `allowedOrigins.indexOf(origin) !== -1`.',
    ]);
    const fix = finding!.suggestions![0]!.fix;
    const fixed = APP.slice(0, fix.range[0]) + fix.text + APP.slice(fix.range[1]);
    expect(fixed).toContain('if (allowedOrigins.indexOf(origin) !== -1) callback(null, true);');
    expect(fixed).not.toMatch(/ALLOWED_ORIGINS|your-frontend/);
    expect(lint(join(dir, 'app.js'), fixed)).toEqual([]);

    const app = join(dir, 'app.js');
    writeFileSync(app, fixed);
    expect(await ask(app, 'http://localhost:5173')).toEqual({ allowOrigin: 'http://localhost:5173', status: 200 });
    expect(await ask(app, 'https://shop.example.com')).toMatchObject({ allowOrigin: 'https://shop.example.com' });
    expect((await ask(app, 'https://evil.example')).allowOrigin).toBeNull();
    expect(readFileSync(join(dir, 'config.js'), 'utf8')).toBe(CONFIG);
  });
});

ruleTester.run('no-origin-reflection: broken comparisons against the project list', rule, {
  valid: [
    // The comparison as meant: nothing to report.
    `const cors = require('cors');
const { allowedOrigins } = require('./config');
app.use(cors({ credentials: true, origin: (origin, cb) => { if (allowedOrigins.indexOf(origin) !== -1) cb(null, true); else cb(new Error('no')); } }));`,
  ],
  invalid: [
    {
      // An early exit with the typo the other way round (`=== 1` for `=== -1`).
      code: `const cors = require('cors');
const allowed = process.env.CORS_ORIGINS.split(',');
app.use(cors({ credentials: true, origin(origin, cb) {
  if (allowed.indexOf(origin) === 1) return cb(new Error('no'));
  cb(null, true);
} }));`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          suggestions: [
            {
              messageId: 'suggestListCheck',
              data: { list: 'allowed', fixed: 'allowed.indexOf(origin) === -1' },
              output: `const cors = require('cors');
const allowed = process.env.CORS_ORIGINS.split(',');
app.use(cors({ credentials: true, origin(origin, cb) {
  if (allowed.indexOf(origin) === -1) return cb(new Error('no'));
  cb(null, true);
} }));`,
            },
          ],
        },
      ],
    },
    {
      // Before a header set by hand.
      code: `import { TRUSTED } from './trusted.js';
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (TRUSTED.indexOf(origin) != 1) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }
  next();
});`,
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          suggestions: [
            {
              messageId: 'suggestListCheck',
              data: { list: 'TRUSTED', fixed: 'TRUSTED.indexOf(origin) !== -1' },
              output: `import { TRUSTED } from './trusted.js';
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (TRUSTED.indexOf(origin) !== -1) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      // No comparison at all, but the project has its list: the fix checks against it (no placeholder).
      code: `const cors = require('cors');
const allowedOrigins = process.env.ALLOWED_ORIGINS.split(',').map((o) => o.trim());
app.use(cors({ credentials: true, origin: (origin, callback) => callback(null, true) }));`,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          suggestions: [
            {
              messageId: 'suggestOwnList',
              data: { list: 'allowedOrigins', check: 'allowedOrigins.includes(origin)' },
              output: `const cors = require('cors');
const allowedOrigins = process.env.ALLOWED_ORIGINS.split(',').map((o) => o.trim());
app.use(cors({ credentials: true, origin: (origin, callback) => callback(null, allowedOrigins.includes(origin)) }));`,
            },
          ],
        },
      ],
    },
    {
      // A Set of the project's, four-space indentation: the header is sent only for its origins, Vary always.
      code: `const TRUSTED_ORIGINS = new Set(['https://shop.example.com']);
app.use((req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
    next();
});`,
      errors: [
        {
          messageId: 'reflectedWithoutCredentials',
          suggestions: [
            {
              messageId: 'suggestOwnListHeader',
              data: { list: 'TRUSTED_ORIGINS' },
              output: `const TRUSTED_ORIGINS = new Set(['https://shop.example.com']);
app.use((req, res, next) => {
    res.setHeader('Vary', 'Origin');
    if (TRUSTED_ORIGINS.has(req.headers.origin)) {
        res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
    }
    next();
});`,
            },
          ],
        },
      ],
    },
  ],
});
