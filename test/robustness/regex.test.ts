// Regex bombs in origin checks: every family returns, and the check that guards the reflection is reported
// as one that could not be analysed (never judged safe); a check that is merely large or slow to analyse,
// but readable, keeps its verdict. Time is the benchmark's (`npm run bench`), not asserted here.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { regexBombFile, regexBombs } from '../../eslint-plugin/scripts/hostile-lib.mjs';
import plugin from '../../eslint-plugin/src/index';
import { analyzeOriginPattern, screenPattern } from '../../eslint-plugin/src/analysis';
import { boundedTest, canBacktrack } from '../../eslint-plugin/src/analysis/checks/bounded-regexp';

const linter = new Linter();
function lint(text: string) {
  return linter.verify(text, [plugin.configs.recommended as never], 'server.js');
}

/**
 * Families whose RegExp backtracks but whose automaton is exact (no lookaround, `\b` or backreference): judged
 * on the automaton, the RegExp never run. Each of these admits only origins nobody can send or register
 * (single-label hosts, upper case) or subdomains of its own host, so the rules stay quiet.
 */
const EXACT_FAMILIES = new Set(['nested quantifiers', 'star of stars', 'unicode sets']);

describe('regex bombs', () => {
  it.each(regexBombs().map((b) => [b.family, b] as const))(
    '%s: the check is judged on its exact automaton, or reported as not analysed',
    (_, bomb) => {
      const messages = lint(regexBombFile(bomb));
      expect(messages.filter((m) => m.fatal)).toEqual([]);
      if (!EXACT_FAMILIES.has(bomb.family)) return;
      expect(messages).toEqual([]);
      const ranRegExp = () => {
        throw new Error('the RegExp of a pattern that backtracks was run');
      };
      expect(analyzeOriginPattern({ pattern: bomb.pattern, flags: bomb.flags ?? '' }, [], ranRegExp).kind).not.toBe(
        'inconclusive',
      );
    },
  );

  it.each(
    regexBombs()
      .filter((b) => !EXACT_FAMILIES.has(b.family))
      .map((b) => [b.family, b] as const),
  )('%s: the check is reported as not analysed', (_, bomb) => {
    const messages = lint(regexBombFile(bomb));
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    const notAnalysed = messages.filter(
      (m) =>
        m.ruleId === 'cors-guard/no-unsafe-origin-check' && m.message.startsWith('Origin check could not be analysed'),
    );
    expect(notAnalysed).toHaveLength(1);
    expect(notAnalysed[0]!.message).toContain('it is not verified safe');
  });

  it('the issue reproducer: one line, reported, not hung', () => {
    const code = `app.use((req, res) => { const origin = req.headers.origin; if (origin && /^https:\\/\\/(?:a|a){34}(?=z)evil\\.com$/.test(origin)) { res.setHeader('Access-Control-Allow-Origin', origin); res.setHeader('Access-Control-Allow-Credentials', 'true'); } });`;
    const messages = lint(code);
    expect(messages.map((m) => m.ruleId)).toEqual(['cors-guard/no-unsafe-origin-check']);
    expect(messages[0]!.message).toMatch(/could not be analysed \(its RegExp can backtrack exponentially/);
  });

  it.each([
    ['an exponential alternation', String.raw`^https:\/\/(?:a|a){34}(?=z)evil\.com$`, /exponentially/],
    ['many wildcards', String.raw`^(?=.*a.*a.*a.*a.*$)https:\/\/x\.example\.com$`, /polynomially/],
    ['a large counted repetition', String.raw`^https:\/\/(?:[a-z]{1,3}\.){1000}example\.com$`, /too large/],
    ['a long counted run', String.raw`^https:\/\/[a-z]{20000}\.example\.com$`, /too large/],
  ])('screens %s before building automata', (_, pattern, reason) => {
    expect(screenPattern({ pattern, flags: '' })).toMatch(reason);
    expect(analyzeOriginPattern({ pattern, flags: '' })).toMatchObject({ notRun: true });
    const verdict = analyzeOriginPattern({ pattern, flags: '' });
    expect(verdict).toMatchObject({ kind: 'inconclusive', unanalysable: true });
  });

  it.each([
    String.raw`^https:\/\/([a-z0-9-]+\.)*example\.com$`,
    String.raw`^https:\/\/(?:[a-z0-9]{1,3}\.){1,4}example\.com(?::\d{1,5})?$`,
    String.raw`^https:\/\/(www|api)\.example\.com$`,
    String.raw`^https?:\/\/(?:.+\.)?example\.com$`,
    String.raw`^https:\/\/[\p{L}\p{N}-]+\.example\.com$`,
  ])('passes an ordinary origin check to the analysis: %s', (pattern) => {
    const flags = pattern.includes('\\p') ? 'u' : '';
    expect(screenPattern({ pattern, flags })).toBeUndefined();
    expect(analyzeOriginPattern({ pattern, flags }).kind).not.toBe('inconclusive');
  });

  it.each([
    // it admits `https://a`, a host nobody can register: the rule stays quiet (see above)
    ['nested quantifiers', String.raw`^https:\/\/(a+)+$`, 'unsafe'],
    ['overlapping alternatives in a loop', String.raw`^https:\/\/(?:[a-z]+|[a-z0-9]+)+\.example\.com$`, 'safe'],
    ['an unescaped dot in a repeated subdomain group', String.raw`^https:\/\/([a-z0-9-]+.)*example\.com$`, 'unsafe'],
  ])('screens %s as backtracking, then judges it on its exact automaton without running it', (_, pattern, kind) => {
    expect(screenPattern({ pattern, flags: '' })).toMatch(/exponentially/);
    const ranRegExp = () => {
      throw new Error('the RegExp of a pattern that backtracks was run');
    };
    const verdict = analyzeOriginPattern({ pattern, flags: '' }, [], ranRegExp);
    expect(verdict.kind).toBe(kind);
    if (pattern.includes('example')) {
      expect(verdict.kind === 'unsafe' ? verdict.findings[0]!.witness : undefined).toBe(
        kind === 'unsafe' ? 'https://evilexample.com' : undefined,
      );
    }
  });

  it('an unsafe check behind the budgets is still found (the screen does not hide findings)', () => {
    const verdict = analyzeOriginPattern({ pattern: String.raw`^https:\/\/([a-z0-9-]+\.)*example.com$`, flags: '' });
    expect(verdict.kind).toBe('unsafe');
  });

  it("the project's RegExp runs under a watchdog when it can backtrack, and the answer is unknown past its budget", () => {
    const re = /^(?:a|a){40}$/;
    expect(canBacktrack(re.source, re.flags)).toBe(true);
    expect(canBacktrack(String.raw`^https:\/\/[a-z]+\.example\.com$`, '')).toBe(false);
    const test = boundedTest(re);
    expect(test('a'.repeat(40))).toBe(true);
    expect(test(`${'a'.repeat(40)}b`)).toBeUndefined();
    // Once out of budget, every new question is unknown; answers already known are kept.
    expect(test('b')).toBeUndefined();
    expect(test('a'.repeat(40))).toBe(true);
  });
});
