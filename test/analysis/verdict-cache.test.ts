/**
 * A verdict cut off by the time budget is not the answer for its pattern: the shared verdict cache keeps
 * only verdicts the analysis reached, so the next lint of the same pattern analyses it again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';

/** CPU time as the budgets read it: real, or (while `slow`) a clock that jumps a second per reading. */
const clock = vi.hoisted(() => ({ slow: false, t: 0 }));
vi.mock('../../eslint-plugin/src/analysis/checks/bounded-regexp', async (original) => {
  const real = await original<typeof import('../../eslint-plugin/src/analysis/checks/bounded-regexp')>();
  return { ...real, cpuMs: () => (clock.slow ? (clock.t += 1000) : real.cpuMs()) };
});

const { CheckJudge } = await import('../../eslint-plugin/src/analysis/checks/checks');

const node = { type: 'Literal', range: [0, 1] } as unknown as TSESTree.Node;
const judged = (pattern: string) => new CheckJudge([]).regex({ node, pattern, flags: '' }).verdict;

afterEach(() => {
  clock.slow = false;
});

describe('the per-pattern verdict cache', () => {
  it('does not keep "ran out of time": the same pattern is decided on the next lint', () => {
    const pattern = '^https:\\/\\/shop.example\\.com$';
    clock.slow = true;
    const cut = judged(pattern);
    expect(cut).toMatchObject({ kind: 'inconclusive', unanalysable: true, outOfTime: true });
    expect(cut.kind === 'inconclusive' && cut.reason).toBe('the analysis ran out of time');
    clock.slow = false;
    const decided = judged(pattern);
    expect(decided.kind).toBe('unsafe');
    // A verdict the analysis reached is cached: the same object comes back.
    expect(judged(pattern)).toBe(decided);
  });

  it('keeps verdicts that do not depend on time (a pattern the screen turns away)', () => {
    const pattern = String.raw`^https:\/\/(?:[a-z]{1,3}\.){1000}example\.com$`;
    const first = judged(pattern);
    expect(first).toMatchObject({ kind: 'inconclusive', unanalysable: true });
    expect(first.kind === 'inconclusive' && first.outOfTime).toBeFalsy();
    expect(judged(pattern)).toBe(first);
  });
});
