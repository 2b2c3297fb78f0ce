// The same answer everywhere: regex budgets count work (automaton nodes, product states, RegExp runs),
// never time, so a file gets the same verdicts alone or beside busy processes, cold or warm, and a file of
// ordinary allowlist patterns is judged, not given up on. CORS_GUARD_SAME_ANSWER_ROUNDS=3 repeats the
// alone / under-load comparison (the "three times"); the default run does it once.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CheckJudge } from '../../eslint-plugin/src/analysis/checks/checks';
import { withinWork, workSpent } from '../../eslint-plugin/src/analysis/checks/automata';
import { analyzeOriginPattern } from '../../eslint-plugin/src/analysis';
import type { MapReport } from '../../eslint-plugin/src/map';
import { cli } from '../map/helper';

const made: string[] = [];
const loops: ChildProcess[] = [];
afterAll(() => {
  for (const l of loops) if (l.exitCode === null) l.kill('SIGKILL');
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

const TLDS = ['com', 'org', 'net', 'io', 'dev', 'co.uk', 'app'];

/** 300 ordinary origin regexes, one `cors()` policy each: anchored, unanchored, escaped and unescaped dots. */
function ordinaryPatterns(n = 300): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const host = `site${i}`;
    const tld = TLDS[i % TLDS.length]!;
    const esc = tld.replace(/\./g, '\\.');
    out.push(
      [
        `^https:\\/\\/${host}\\.${esc}$`,
        `^https:\\/\\/([a-z0-9-]+\\.)?${host}\\.${esc}$`,
        `${host}\\.${esc}$`,
        `^https:\\/\\/${host}.${tld}$`,
        `^https?:\\/\\/(www|api|app)\\.${host}\\.${esc}(:\\d+)?$`,
        `https:\\/\\/.*\\.${host}\\.${esc}`,
      ][i % 6]!,
    );
  }
  return out;
}

function patternsProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cors-guard-same-answer-'));
  made.push(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'p', dependencies: { cors: '2.8.5' } }));
  const lines = ordinaryPatterns().map((p, i) => `app.use('/r${i}', cors({ origin: /${p}/, credentials: true }));`);
  writeFileSync(
    join(dir, 'server.js'),
    `const cors = require('cors');\nconst app = require('express')();\n${lines.join('\n')}\n`,
  );
  return dir;
}

/** Two processes spinning on the CPU until killed; resolves once both are running. */
async function busyLoops(): Promise<ChildProcess[]> {
  const started = [0, 1].map(() => {
    const child = spawn(process.execPath, ['-e', 'process.stdout.write("go\\n"); for (;;) {}'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    loops.push(child);
    return new Promise<ChildProcess>((resolve) => child.stdout!.once('data', () => resolve(child)));
  });
  return Promise.all(started);
}

async function mapJson(dir: string): Promise<string> {
  const r = await cli(['map', '--format', 'json', '--no-config'], dir);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('the same answer everywhere', () => {
  const rounds = Number(process.env.CORS_GUARD_SAME_ANSWER_ROUNDS ?? 1);

  it('a file of 300 ordinary origin regexes: every one judged, the same JSON alone and beside two busy loops', async () => {
    const dir = patternsProject();
    const alone = await mapJson(dir);
    const report = JSON.parse(alone) as MapReport;
    const verdicts: Record<string, number> = {};
    for (const p of report.policies) verdicts[p.verdict] = (verdicts[p.verdict] ?? 0) + 1;
    console.log(`300 ordinary patterns: ${JSON.stringify(verdicts)}`);
    expect(report.policies).toHaveLength(300);
    // Every ordinary pattern gets a verdict: the budget is per pattern, and the file's cap is for hostile files.
    expect(verdicts.unknown ?? 0).toBe(0);
    expect(verdicts.safe).toBeGreaterThan(100);
    expect(verdicts.unsafe).toBeGreaterThan(100);
    for (let round = 0; round < rounds; round++) {
      const busy = await busyLoops();
      try {
        expect(await mapJson(dir)).toBe(alone);
      } finally {
        for (const l of busy) l.kill('SIGKILL');
      }
      if (round > 0) expect(await mapJson(dir)).toBe(alone);
    }
  }, 600_000);

  it('a pattern costs the same work cold and warm (cached automata are charged what they cost)', () => {
    const p = { pattern: String.raw`^https:\/\/([a-z0-9-]+.)?cold-warm\.example\.org$`, flags: '' };
    const cost = () => {
      const before = workSpent();
      const verdict = analyzeOriginPattern(p);
      return { verdict, work: workSpent() - before };
    };
    const cold = cost();
    const warm = cost();
    expect(cold.verdict.kind).toBe('unsafe');
    expect(warm).toEqual(cold);
  });

  it('a verdict a budget cut short is "could not be analysed", and is not kept', () => {
    const pattern = String.raw`^https:\/\/([a-z0-9-]+\.)?cut-short\.example\.net$`;
    const starved = withinWork(50, 'the test starved it', () =>
      new CheckJudge([]).regex({ node: {} as never, pattern, flags: '' }),
    );
    expect(starved.verdict).toMatchObject({ kind: 'inconclusive', unanalysable: true, outOfBudget: true });
    // The next file asks again and gets the real verdict.
    const fed = new CheckJudge([]).regex({ node: {} as never, pattern, flags: '' });
    expect(fed.verdict.kind).toBe('safe');
  });
});
