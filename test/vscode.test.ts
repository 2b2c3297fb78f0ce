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

/** The file names in a zip archive (a .vsix), from its central directory. */
function zipEntries(file: string): string[] {
  const zip = readFileSync(file);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${file} is not a zip archive`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('corrupt central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

function failures(outcomes: Outcome[]): string[] {
  return outcomes.filter((o) => !o.ok).map((o) => `${o.name}\n${o.error ?? ''}`);
}

describe.runIf(process.platform === 'linux')('in a real VS Code (code-server 4.100.3)', () => {
  it(
    'passes the extension integration suite and leaves screenshots of a finding and its quick fixes',
    () => {
      // Screenshots of this run: written after it started (file times, whatever the run's length).
      const started = Date.now() - 1000;
      const { outcomes, status, output } = runSuite('run-code-server.mjs', ['--no-build']);
      expect(failures(outcomes)).toEqual([]);
      expect(outcomes.length, output.slice(-3000)).toBeGreaterThanOrEqual(20);
      expect(status, output.slice(-3000)).toBe(0);
      for (const shot of [
        'finding.png',
        'finding-hover.png',
        'quick-fix-menu.png',
        'policy-hover.png',
        'kept-findings.png',
        'ignore-comment.png',
        'explain-headers.png',
        'http-diagnostics.png',
        'offline-docs.png',
      ]) {
        const file = join(root, 'test-results/vscode', shot);
        expect(statSync(file).mtimeMs).toBeGreaterThan(started);
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
      // The package holds the bundles, manifest, README, license, icon and the rule docs (opened offline): no
      // sources, tests, maps or node_modules.
      expect(zipEntries(join(root, 'cors-guard.vsix')).sort()).toEqual([
        '[Content_Types].xml',
        'extension.vsixmanifest',
        'extension/LICENSE.txt',
        ...[
          'no-any-subdomain',
          'no-insecure-origin',
          'no-invalid-cors-header',
          'no-null-origin',
          'no-origin-reflection',
          'no-permissive-default',
          'no-unsafe-origin-check',
          'no-wildcard-with-credentials',
          'require-vary-origin',
        ].map((rule) => `extension/eslint-plugin/docs/rules/${rule}.md`),
        'extension/extension/dist/extension.cjs',
        'extension/extension/dist/linter-worker.cjs',
        'extension/extension/dist/ts-parser.cjs',
        'extension/extension/dist/worker-boot.cjs',
        'extension/extension/images/icon.png',
        'extension/extension/images/map.svg',
        'extension/package.json',
        'extension/readme.md',
      ]);
    },
    16 * 60_000,
  );
});
