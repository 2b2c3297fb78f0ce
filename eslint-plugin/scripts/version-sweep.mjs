#!/usr/bin/env node
// The version sweep: finds where each CORS library's behaviour changed between published releases, and
// checks the framework table against every version it tries.
//
//   npm run sweep:versions                      # every library in versions-lib.mjs SWEEP_LIBRARIES
//   npm run sweep:versions -- hono @koa/cors    # some of them
//   npm run sweep:versions -- --max 40          # at most 40 versions run per library (default 30)
//
// For each library: the published versions of the current and previous major (or more, per library) are
// listed; each one's CORS source file is hashed from its `npm pack` tarball (cached in .cache/versions/
// tarballs); the versions run are the last patch of every minor plus both sides of every patch where the
// hash changed. Those are installed into .cache/versions/<pkg>@<version>/ and run through the differential
// grid (test/differential/versions.test.ts, given the list), each linted in a project declaring that exact
// version. The report lists, per library, the change points (neighbouring versions run whose observed
// responses differ) and the disagreements with the analysis, and writes them to
// .cache/versions/sweep-report.json. Installs run one at a time (a shared machine).
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  cacheDir,
  compare,
  corsFileHash,
  lastPatches,
  packAll,
  publishedVersions,
  rootDir,
  SWEEP_LIBRARIES,
  windowOf,
} from './versions-lib.mjs';

const run = promisify(execFile);
const args = process.argv.slice(2);
const maxIndex = args.indexOf('--max');
const max = maxIndex >= 0 ? Number(args[maxIndex + 1]) : 30;
const names = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--max');
const libraries = SWEEP_LIBRARIES.filter((l) => names.length === 0 || names.includes(l.package));

mkdirSync(cacheDir, { recursive: true });
const targets = [];
const hashes = {};
for (const lib of libraries) {
  const window = windowOf(await publishedVersions(lib.package), lib.from, lib.majors ?? 2);
  await packAll(lib.package, window);
  const byVersion = {};
  for (const v of window) byVersion[v] = await corsFileHash(lib.package, v, lib.file);
  hashes[lib.package] = byVersion;
  const chosen = new Set(lastPatches(window));
  for (let i = 1; i < window.length; i++) {
    if (byVersion[window[i]] !== byVersion[window[i - 1]]) {
      chosen.add(window[i - 1]);
      chosen.add(window[i]);
    }
  }
  const versions = [...chosen].sort(compare).slice(-max);
  console.log(
    `${lib.package}: ${window.length} versions in the window (${window[0]} to ${window.at(-1)}), ${new Set(Object.values(byVersion)).size} distinct CORS files, ${versions.length} to run`,
  );
  for (const version of versions) targets.push({ grid: lib.grid, package: lib.package, version });
}

const input = join(cacheDir, 'sweep-in.json');
const output = join(cacheDir, 'sweep-out.json');
writeFileSync(input, JSON.stringify(targets));
try {
  await run(
    process.execPath,
    [join(rootDir, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/differential/versions.test.ts'],
    {
      cwd: rootDir,
      env: { ...process.env, CORS_GUARD_SWEEP_IN: input, CORS_GUARD_SWEEP_OUT: output },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
} catch {
  // Disagreements fail the test; the report below lists them.
}

const results = JSON.parse(readFileSync(output, 'utf8'));
const signature = (rows) =>
  JSON.stringify(rows.map((r) => [r.shape, r.origin, r.kind, r.observed.acao ?? null, r.observed.acac ?? null]));
const report = { libraries: [] };
for (const lib of libraries) {
  const mine = results.filter((r) => r.target.package === lib.package);
  const changePoints = [];
  for (let i = 1; i < mine.length; i++) {
    const [a, b] = [mine[i - 1], mine[i]];
    if (signature(a.rows) === signature(b.rows)) continue;
    const before = new Map(a.rows.map((r) => [`${r.shape} | ${r.origin} | ${r.kind}`, r.observed]));
    const changed = b.rows
      .filter((r) => {
        const o = before.get(`${r.shape} | ${r.origin} | ${r.kind}`);
        return !o || o.acao !== r.observed.acao || o.acac !== r.observed.acac;
      })
      .map((r) => `${r.shape} | ${r.origin} | ${r.kind}`);
    changePoints.push({
      before: a.target.version,
      after: b.target.version,
      requestsChanged: changed.length,
      examples: changed.slice(0, 5),
    });
  }
  const rows = mine.flatMap((r) => r.rows);
  const disagreements = rows.filter(
    (r) => r.observed.acao !== r.predicted.acao || r.observed.acac !== r.predicted.acac,
  );
  const entry = {
    package: lib.package,
    versionsRun: mine.map((r) => r.target.version),
    errors: mine.filter((r) => r.error).map((r) => `${r.target.version}: ${r.error}`),
    configurations: mine.reduce((n, r) => n + new Set(r.rows.map((row) => row.shape)).size, 0),
    requests: rows.length,
    disagreements: disagreements.length,
    disagreementExamples: disagreements.slice(0, 10).map((r) => `${r.shape} | ${r.origin} | ${r.kind}`),
    changePoints,
  };
  report.libraries.push(entry);
  console.log(`\n${lib.package}: ran ${entry.versionsRun.join(', ')}`);
  console.log(
    `  ${entry.configurations} configurations, ${entry.requests} requests, ${entry.disagreements} disagreements with the analysis`,
  );
  for (const e of entry.errors) console.log(`  error: ${e}`);
  for (const c of changePoints)
    console.log(
      `  change point ${c.before} -> ${c.after}: ${c.requestsChanged} requests differ (${c.examples.join('; ')})`,
    );
}
report.hashes = hashes;
writeFileSync(join(cacheDir, 'sweep-report.json'), JSON.stringify(report, null, 2));
console.log(`\nreport: ${join(cacheDir, 'sweep-report.json')}`);
