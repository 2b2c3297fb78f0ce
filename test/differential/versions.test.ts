// The framework table's `versions` rows against the libraries' own releases: the versions on each side of
// every change point (change-points.json, found by `npm run sweep:versions`) are installed from the registry
// into .cache/versions/ (once; later runs reuse them) and run through the differential grid, each linted in
// a project that declares that exact version. The sweep runs this file over its own list of versions
// (CORS_GUARD_SWEEP_IN) and reads what each version sent (CORS_GUARD_SWEEP_OUT). See README.md here.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installVersion, SWEEP_LIBRARIES } from '../../eslint-plugin/scripts/versions-lib.mjs';
import { SHAPES } from './grid';
import { cleanup } from './predict';
import { describeRow, loaderFor, runShape, same, type Row } from './run-grid';

interface Target {
  readonly grid: string;
  readonly package: string;
  readonly version: string;
}

function targets(): Target[] {
  const input = process.env.CORS_GUARD_SWEEP_IN;
  if (input) return JSON.parse(readFileSync(input, 'utf8')) as Target[];
  const { points } = JSON.parse(readFileSync(join(import.meta.dirname, 'change-points.json'), 'utf8')) as {
    points: { grid: string; package: string; before: string; after: string }[];
  };
  const seen = new Map<string, Target>();
  for (const p of points)
    for (const version of [p.before, p.after]) seen.set(`${p.package}@${version}`, { ...p, version });
  return [...seen.values()];
}

const TARGETS = targets();
const dirs = new Map<string, string>();
const results: { target: Target; rows: Row[]; error?: string }[] = [];

describe.sequential('versions: each side of every change point against the framework table', () => {
  beforeAll(async () => {
    // Installs one at a time (the registry and two shared cores), each cached in .cache/versions/.
    for (const t of TARGETS) {
      const lib = SWEEP_LIBRARIES.find((l) => l.package === t.package);
      dirs.set(`${t.package}@${t.version}`, await installVersion(t.package, t.version, lib?.with?.(t.version) ?? []));
    }
  }, 600_000);

  for (const target of TARGETS) {
    it(`${target.package}@${target.version}`, async () => {
      const dir = dirs.get(`${target.package}@${target.version}`)!;
      const load = loaderFor(dir);
      const versions = { [target.package]: target.version };
      const rows: Row[] = [];
      try {
        for (const shape of SHAPES[target.grid] ?? [])
          rows.push(...(await runShape(target.grid, shape, { load, versions })));
      } catch (error) {
        results.push({ target, rows, error: String(error) });
        throw error;
      }
      results.push({ target, rows });
      expect(rows.filter((r) => !same(r.observed, r.predicted)).map(describeRow)).toEqual([]);
    });
  }

  afterAll(() => {
    cleanup();
    const all = results.flatMap((r) => r.rows);
    const configurations = results.reduce((n, r) => n + new Set(r.rows.map((row) => row.shape)).size, 0);
    const disagreements = all.filter((r) => !same(r.observed, r.predicted));
    console.log(
      `versions grid: ${results.length} versions, ${configurations} configurations, ${all.length} requests; ${disagreements.length} disagreements`,
    );
    const out = process.env.CORS_GUARD_SWEEP_OUT;
    if (out) writeFileSync(out, JSON.stringify(results, null, 1));
  });
});
