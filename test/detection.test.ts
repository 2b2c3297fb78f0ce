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
      else expect(messages.length).toBeGreaterThan(0);
    });
  }
});
