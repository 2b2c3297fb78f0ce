/**
 * The real-VS-Code suites, run from `npm test` on Linux: the extension's integration suite in
 * code-server (VS Code 1.100.3) with its screenshots, and the packaged .vsix smoke test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Outcome {
  name: string;
  ok: boolean;
  error?: string;
}

function runSuite(script: string, args: string[] = []): { outcomes: Outcome[]; status: number | null; output: string } {
  const results = join(mkdtempSync(join(tmpdir(), 'cors-guard-results-')), 'results.json');
  const r = spawnSync(process.execPath, [join(root, 'test/vscode', script), '--results', results, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  const output = `${r.stdout}\n${r.stderr}`;
  const outcomes = existsSync(results) ? (JSON.parse(readFileSync(results, 'utf8')) as Outcome[]) : [];
  return { outcomes, status: r.status, output };
}

function failures(outcomes: Outcome[]): string[] {
  return outcomes.filter((o) => !o.ok).map((o) => `${o.name}\n${o.error ?? ''}`);
}

describe.runIf(process.platform === 'linux')('in a real VS Code (code-server 4.100.3)', () => {
  it(
    'passes the extension integration suite and leaves screenshots of a finding and its quick fixes',
    () => {
      const { outcomes, status, output } = runSuite('run-code-server.mjs', ['--no-build']);
      expect(failures(outcomes)).toEqual([]);
      expect(outcomes.length, output.slice(-3000)).toBeGreaterThanOrEqual(20);
      expect(status, output.slice(-3000)).toBe(0);
      for (const shot of ['finding.png', 'finding-hover.png', 'quick-fix-menu.png', 'policy-hover.png']) {
        const file = join(root, 'test-results/vscode', shot);
        expect(statSync(file).mtimeMs).toBeGreaterThan(Date.now() - 15 * 60_000);
        expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
      }
    },
    16 * 60_000,
  );

  it(
    'installs the packaged .vsix, which activates and reports',
    () => {
      const { outcomes, status, output } = runSuite('smoke-vsix.mjs');
      expect(failures(outcomes)).toEqual([]);
      expect(outcomes.length, output.slice(-3000)).toBe(1);
      expect(status, output.slice(-3000)).toBe(0);
    },
    16 * 60_000,
  );
});
