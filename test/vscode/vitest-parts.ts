/**
 * What the vitest files of the real VS Code suite share (test/vscode.test.ts, test/vscode-*.test.ts): each
 * runs one part of the integration suite (`suite/part-*.ts`, its own code-server, sandbox, results file and
 * screenshots), so no file carries the whole suite's time; the packaged .vsix smoke test has a file of its own.
 * They take turns (`exclusive`): one code-server at a time per checkout, whatever vitest runs beside them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exclusive } from './lock';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

export interface Outcome {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
  skipped?: string;
}

/** Runs a runner script of test/vscode/ with a results file of its own; the outcomes, exit status and output. */
export function runSuite(
  script: string,
  args: string[] = [],
): { outcomes: Outcome[]; status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cors-guard-results-'));
  const results = join(dir, 'results.json');
  try {
    const r = spawnSync(process.execPath, [join(root, 'test/vscode', script), '--results', results, ...args], {
      cwd: root,
      encoding: 'utf8',
      timeout: 15 * 60_000,
    });
    const output = `${r.stdout}\n${r.stderr}`;
    const outcomes = existsSync(results) ? (JSON.parse(readFileSync(results, 'utf8')) as Outcome[]) : [];
    return { outcomes, status: r.status, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function failures(outcomes: Outcome[]): string[] {
  return outcomes.filter((o) => !o.ok).map((o) => `${o.name}\n${o.error ?? ''}`);
}

export interface Part {
  /** The suite entry under test/vscode/suite/ (e.g. `part-extension.ts`). */
  entry: string;
  /** What the part covers, for the test's name. */
  covers: string;
  /** The fewest tests the part runs (the activation test included): a lost module import fails here. */
  minTests: number;
  /** The tests expected to skip themselves in this part (what they check is measured in another part). */
  skipped?: string[];
  /** The screenshots (`test-results/vscode/<name>`) the part's run must write. */
  screenshots: string[];
  /** More checks on the run's output (e.g. what the runner measured in the workbench). */
  check?: (output: string) => void;
}

/** One vitest file: one part of the integration suite in code-server, with its screenshots. */
export function vscodePart(part: Part): void {
  describe.runIf(process.platform === 'linux')('in a real VS Code (code-server 4.100.3)', () => {
    it(
      `passes the integration suite's ${part.covers} (${part.entry}) and leaves its screenshots`,
      async () => {
        // Screenshots of this run: written after it started (file times, whatever the run's length).
        const started = Date.now() - 1000;
        const { outcomes, status, output } = await exclusive(root, () =>
          runSuite('run-code-server.mjs', ['--no-build', '--entry', part.entry]),
        );
        // Each test's time (`ms`), kept for a look after the run (where the part's time goes).
        mkdirSync(join(root, 'test-results/vscode'), { recursive: true });
        writeFileSync(
          join(root, 'test-results/vscode', `results-${part.entry.replace(/\.ts$/, '')}.json`),
          JSON.stringify(outcomes, null, 2),
        );
        expect(failures(outcomes)).toEqual([]);
        expect(outcomes[0]?.name, output.slice(-3000)).toBe('activates on a JavaScript file and exposes its API');
        expect(outcomes.length, output.slice(-3000)).toBeGreaterThanOrEqual(part.minTests);
        expect(status, output.slice(-3000)).toBe(0);
        expect(outcomes.filter((o) => o.skipped !== undefined).map((o) => o.name)).toEqual(part.skipped ?? []);
        for (const shot of part.screenshots) {
          const file = join(root, 'test-results/vscode', shot);
          expect(existsSync(file), `${shot} was written`).toBe(true);
          expect(statSync(file).mtimeMs).toBeGreaterThan(started);
          expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
        }
        part.check?.(output);
      },
      16 * 60_000,
    );
  });
}
