// Files with tens of thousands of CORS sites, and deep nesting: each site costs about the same however many
// there are (the benchmark times it), the finding at the very end is still made, nothing is reported where
// nothing is due, and the editor's engine answers the next edit.
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { LintEngine } from '../../extension/src/core/engine';
import {
  manyHandlersFile,
  manySettersFile,
  regexBombFile,
  regexBombs,
  screenNearMissFile,
} from '../../eslint-plugin/scripts/hostile-lib.mjs';
import plugin from '../../eslint-plugin/src/index';
import { mayHoldCors } from '../../eslint-plugin/src/analysis';

const linter = new Linter();
const lint = (text: string, preset: 'recommended' | 'strict' = 'recommended') =>
  linter.verify(text, [plugin.configs[preset] as never], 'generated.js').map((m) => `${m.line} ${m.ruleId}`);

// Each test lints megabytes: its timeout is a hang guard for a loaded machine, not a measurement.
describe('many sites', { timeout: 180_000 }, () => {
  it('20,000 header setters in one handler: only the reflection at the end is reported', () => {
    const text = manySettersFile(20_000);
    const last = text.split('\n').length - 2;
    expect(lint(text)).toEqual([`${last} cors-guard/no-origin-reflection`]);
  });

  it('10,000 handlers: only the one that reflects is reported', () => {
    const text = manyHandlersFile(10_000);
    expect(lint(text)).toEqual([`${text.split('\n').length - 1} cors-guard/no-origin-reflection`]);
  });

  it('20,000 checked reflections under one early exit: each is checked, none is reported (strict: Vary each)', () => {
    const body = Array.from({ length: 20_000 }, () => `  res.setHeader('Access-Control-Allow-Origin', origin);`);
    const text = `function handler(req, res) {\n  const origin = req.headers.origin;\n  if (!allowed.includes(origin)) return;\n${body.join('\n')}\n}\n`;
    expect(lint(text)).toEqual([]);
    const strict = lint(text, 'strict');
    expect(strict).toHaveLength(20_000);
    expect(new Set(strict.map((s) => s.split(' ')[1]))).toEqual(new Set(['cors-guard/require-vary-origin']));
  });

  it('past the early exits one site takes into account, the guard stays a check (no false reflection)', () => {
    const exits = Array.from({ length: 200 }, (_, i) => `  if (!ok${i}(origin)) return;`);
    const text = `function handler(req, res) {\n  const origin = req.headers.origin;\n  if (!allowed.includes(origin)) return;\n${exits.join('\n')}\n  res.setHeader('Access-Control-Allow-Origin', origin);\n}\n`;
    expect(lint(text)).toEqual([]);
  });

  it('the text screen over 3 MB of near misses: nothing reported; a reflection on the last line is found', () => {
    const misses = screenNearMissFile(3_000_000);
    expect(mayHoldCors(misses)).toBe(false);
    expect(lint(misses)).toEqual([]);
    // A file that passes the screen gets the whole analysis: a megabyte of the same lines is enough to show the
    // last one is still reached (bench:hostile times 5 MB).
    const withReflection = screenNearMissFile(1_000_000, true);
    expect(lint(withReflection)).toEqual([`${withReflection.split('\n').length - 1} cors-guard/no-origin-reflection`]);
  });

  it('deep nesting around a reflection: returns, and the reflection is found', () => {
    const depth = 500;
    const open = Array.from({ length: depth }, (_, i) => `if (a${i}) {`).join('\n');
    const text = `app.use((req, res) => {\n${open}\nres.setHeader('Access-Control-Allow-Origin', req.headers.origin); res.setHeader('Access-Control-Allow-Credentials', 'true');\n${'}\n'.repeat(depth)}});\n`;
    expect(lint(text)).toEqual([`${depth + 2} cors-guard/no-origin-reflection`]);
  });
});

describe("the editor's engine under the same inputs", { timeout: 180_000 }, () => {
  const engine = new LintEngine({ loadTypeScriptParser: () => tsParser as never });
  const settings = { preset: 'recommended' as const, rules: {}, trustedOrigins: [] };

  it('a regex bomb, then an edit: both lints return with their diagnostics', () => {
    const bomb = regexBombFile(regexBombs('editor')[0]!);
    const first = engine.lint({ fileName: '/w/server.js', languageId: 'javascript', text: bomb, settings });
    expect(first.findings.map((f) => f.messageId)).toEqual(['notAnalysed']);
    const edited = bomb.replace(/if \(origin && .*\) \{/, 'if (origin) {');
    const second = engine.lint({ fileName: '/w/server.js', languageId: 'javascript', text: edited, settings });
    expect(second.findings.map((f) => f.ruleId)).toEqual(['cors-guard/no-origin-reflection']);
  });

  it('20,000 setters, then an edit: both lints return with their diagnostics', () => {
    const text = manySettersFile(20_000);
    const first = engine.lint({ fileName: '/w/big.js', languageId: 'javascript', text, settings });
    expect(first.findings.map((f) => f.ruleId)).toEqual(['cors-guard/no-origin-reflection']);
    const fixed = text.replace("res.setHeader('Access-Control-Allow-Origin', req.headers.origin);", '');
    const second = engine.lint({ fileName: '/w/big.js', languageId: 'javascript', text: fixed, settings });
    expect(second.findings).toEqual([]);
  });
});
