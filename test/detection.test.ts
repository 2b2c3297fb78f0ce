// The detection fixtures (one per misconfiguration class, plus safe look-alikes), linted with the
// recommended preset as ES modules: every misconfiguration is caught, no safe file is reported.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { rules } from '../eslint-plugin/src/rules';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'detection');
const recommended = Object.fromEntries(
  Object.entries(rules)
    .filter(([, r]) => r.meta.docs?.recommended === 'recommended')
    .map(([name]) => [`cors-guard/${name}`, 'error' as const]),
);
const linter = new Linter();

/** The rule each misconfiguration class is caught by (the file name says the class). */
const EXPECTED_RULE: Readonly<Record<string, string>> = {
  'broad-wildcard.js': 'no-unsafe-origin-check',
  'escape-lost-in-string.js': 'no-unsafe-origin-check',
  'misleading-alternation.js': 'no-unsafe-origin-check',
  'missing-end-anchor.js': 'no-unsafe-origin-check',
  'null-origin.js': 'no-null-origin',
  'null-origin-yoga-list.js': 'no-null-origin',
  'reflection-library-default.js': 'no-origin-reflection',
  'shared-hosting-suffix.js': 'no-unsafe-origin-check',
  'reflection-callback.js': 'no-origin-reflection',
  'reflection-cors-true.js': 'no-origin-reflection',
  'reflection-express.js': 'no-origin-reflection',
  'reflection-node-http.js': 'no-origin-reflection',
  'substring-match.js': 'no-unsafe-origin-check',
  'suffix-match.js': 'no-unsafe-origin-check',
  'unescaped-dot.js': 'no-unsafe-origin-check',
  'useless-guard.js': 'no-origin-reflection',
  'wildcard-credentials-headers.js': 'no-wildcard-with-credentials',
  'wildcard-credentials-koa.js': 'no-wildcard-with-credentials',
};

describe('detection fixtures', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  it('covers the misconfiguration classes and safe look-alikes', () => {
    expect(files.filter((f) => !f.startsWith('safe-')).length).toBeGreaterThanOrEqual(15);
    expect(files.filter((f) => f.startsWith('safe-')).length).toBeGreaterThanOrEqual(5);
  });
  for (const file of files) {
    it(file, () => {
      const messages = linter.verify(
        readFileSync(join(dir, file), 'utf8'),
        [{ files: ['**/*.js'], plugins: { 'cors-guard': { rules } as never }, rules: recommended }],
        file,
      );
      expect(messages.filter((m) => m.fatal)).toEqual([]);
      if (file.startsWith('safe-')) expect(messages.map((m) => m.message)).toEqual([]);
      else {
        expect(EXPECTED_RULE[file], `no expected rule recorded for ${file}`).toBeDefined();
        expect(messages.map((m) => m.ruleId)).toContain(`cors-guard/${EXPECTED_RULE[file]}`);
      }
    });
  }
});
