// A bounded slice of the robustness sweep (the full one is `npm run sweep`): real files from
// node_modules, fuzzed origin patterns and pathological inputs. A crash on real code fails the build.
import { describe, expect, it } from 'vitest';
import {
  fuzzAnalysis,
  lintPathological,
  listFiles,
  sweepFiles,
  unreviewedFindings,
} from '../eslint-plugin/scripts/sweep-lib.mjs';

describe('robustness sweep (slice)', () => {
  it('lints 400 real node_modules files with the strict preset: no exception, every finding reviewed', () => {
    const result = sweepFiles(listFiles(400));
    expect(result.files).toBeGreaterThan(300);
    expect(result.exceptions).toEqual([]);
    expect(unreviewedFindings(result.findings)).toEqual([]);
  });

  it('fuzzes the regex analysis: no exception, every witness accepted by RegExp', () => {
    const result = fuzzAnalysis(300, 7) as {
      exceptions: unknown[];
      falseWitnesses: unknown[];
      unsafe: number;
      cases: number;
    };
    expect(result.cases).toBe(300);
    expect(result.exceptions).toEqual([]);
    expect(result.falseWitnesses).toEqual([]);
    expect(result.unsafe).toBeGreaterThan(0);
  });

  it('lints pathological inputs (scaled down) without an error', () => {
    const results = lintPathological(0.1);
    expect(results.filter((r) => r.error)).toEqual([]);
  });
});
