// Soundness: for hundreds of generated origin regexes, every witness the analysis reports is accepted by
// the real RegExp and is not under an intended host, and every suggested repair rejects every witness
// while still accepting the intended host itself.
import { describe, expect, it } from 'vitest';
import { analyzeOriginPattern, intendedHostsOf } from '../../eslint-plugin/src/analysis/checks/witness';

/** A small deterministic PRNG so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SCHEMES = ['https:\\/\\/', 'https?:\\/\\/', 'http:\\/\\/', '(?:https|http):\\/\\/', ''];
const SUBS = ['', 'www', '[a-z]+', '[a-z0-9-]+', '.*', '.+', '([a-z0-9-]+\\.)*', '(app|api)', '[^.]+', '\\w+'];
const DOMAINS = ['example', 'mydomain', 'corp-site', 'shop'];
const TLDS = ['com', 'io', 'co\\.uk', 'net'];
const DOTS = ['\\.', '.', '[.]'];
const PORTS = ['', '(:\\d+)?', ':8080', '(?::[0-9]{1,5})?'];

function generate(r: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const sub = pick(SUBS);
  const host = `${sub}${sub && !sub.endsWith('*') ? pick(DOTS) : ''}${pick(DOMAINS)}${pick(DOTS)}${pick(TLDS)}`;
  let alt = `${pick(SCHEMES)}${host}${pick(PORTS)}`;
  if (r() < 0.6) alt = `^${alt}`;
  if (r() < 0.6) alt = `${alt}$`;
  if (r() < 0.2)
    alt = `${alt}|${r() < 0.5 ? '^' : ''}https:\\/\\/${pick(DOMAINS)}\\.${pick(TLDS)}${r() < 0.5 ? '$' : ''}`;
  return alt;
}

describe('soundness over generated origin regexes', () => {
  const r = rng(20261125);
  const patterns = Array.from({ length: 300 }, () => generate(r));
  let unsafe = 0;
  let repaired = 0;

  it('every witness is real and every repair rejects it', () => {
    for (const pattern of patterns) {
      const flags = r() < 0.2 ? 'i' : '';
      const verdict = analyzeOriginPattern({ pattern, flags });
      if (verdict.kind !== 'unsafe') continue;
      unsafe++;
      const re = new RegExp(pattern, flags);
      for (const f of verdict.findings) {
        expect(re.test(f.witness), `/${pattern}/${flags} should accept ${f.witness}`).toBe(true);
        if (f.witness !== 'null') {
          const host = new URL(f.witness).hostname;
          expect(
            verdict.hosts.some((h) => host === h || host.endsWith(`.${h}`)),
            `${f.witness} is intended`,
          ).toBe(false);
        }
      }
      if (verdict.repair) {
        repaired++;
        const fixed = new RegExp(verdict.repair, flags);
        for (const f of verdict.findings)
          expect(fixed.test(f.witness), `${verdict.repair} rejects ${f.witness}`).toBe(false);
        const again = analyzeOriginPattern({ pattern: verdict.repair, flags }, verdict.hosts);
        expect(again.kind, `${verdict.repair} is safe`).toBe('safe');
      }
    }
    // The generator must exercise both outcomes, or this test proves nothing.
    expect(unsafe).toBeGreaterThan(50);
    expect(repaired).toBeGreaterThan(10);
  });

  it('intended hosts are found for every generated pattern', () => {
    for (const pattern of patterns) expect(intendedHostsOf(pattern).length, pattern).toBeGreaterThan(0);
  });
});
