#!/usr/bin/env node
// What `eslint --cache` costs with the presets' digest of the CORS-relevant modules (util/cache-key.ts):
// on a copy of a multi-file application, the time of a cached `eslint --cache` run with nothing changed,
// after a one-line change in a CORS-relevant module (every file is linted again), and after a one-line
// change in an unrelated module (only that file is), against a run without a cache. Also how large the
// CORS-relevant set is, and how long the digest takes.
//   node eslint-plugin/scripts/bench-cache.mjs <app root> [source folder] [--rounds N]
// The application: e.g. one `npm run bench:apps` fetches into bench-results/apps/<name>/package.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const rootDir = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const require = createRequire(import.meta.url);
const pluginDir = join(rootDir, 'eslint-plugin');
const eslintBin = join(dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
const { corsDependencies, corsFiles } = require(join(pluginDir, 'dist', 'analysis', 'dependencies.js'));
const { projectFiles } = require(join(pluginDir, 'dist', 'analysis', 'values', 'importers.js'));

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '3' } },
});
const [appArg, folder = '.'] = positionals;
if (!appArg) {
  console.error('usage: bench-cache.mjs <app root> [source folder] [--rounds N]');
  process.exit(2);
}
const rounds = Number(values.rounds);
const app = mkdtempSync(join(tmpdir(), 'cors-guard-bench-cache-'));
// The application's own node_modules are left out (not the path it lies under: a package of the dependency
// corpus is itself in node_modules).
cpSync(resolve(appArg), app, {
  recursive: true,
  filter: (p) => !relative(resolve(appArg), p).split(/[\\/]/).includes('node_modules'),
});
// A flat config the package ships (ESLint would prefer it to ours) is replaced.
for (const name of ['js', 'mjs', 'cjs', 'ts', 'mts', 'cts'].map((e) => `eslint.config.${e}`))
  rmSync(join(app, name), { force: true });
writeFileSync(
  join(app, 'eslint.config.cjs'),
  `const corsGuard = require(${JSON.stringify(pluginDir)});\nmodule.exports = [{ files: ['**/*.js'], languageOptions: { sourceType: 'commonjs', ecmaVersion: 'latest' } }, corsGuard.configs.recommended];\n`,
);

/** Runs ESLint; returns its time and how many files it linted rather than took from the cache. */
function eslint(args) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [eslintBin, '--no-inline-config', ...args, folder], {
    cwd: app,
    encoding: 'utf8',
    env: { ...process.env, DEBUG: 'eslint:lint-result-cache' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  return { ms, linted: new Set(String(r.stderr).match(/no longer valid: \S+/g) ?? []).size };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const row = (name, runs) =>
  `| ${name} | ${median(runs.map((r) => r.ms)).toFixed(0)} | ${median(runs.map((r) => r.linted))} |`;

const t0 = performance.now();
const files = projectFiles(app);
const cors = corsFiles(app);
const deps = corsDependencies(app);
const digestMs = performance.now() - t0;
const relevant = [...deps.files].filter((f) => f.endsWith('.js'));
const unrelated = files.filter((f) => !deps.files.has(f) && !cors.includes(f) && f.startsWith(join(app, folder)));
if (relevant.length === 0) {
  console.error('no CORS-relevant module to change');
  process.exit(1);
}
const touch = (file, i) => appendFileSync(file, `\n// bench ${i}\n`);

const cache = ['--cache', '--cache-location', join(app, '.cache', 'bench-eslintcache')];
const out = { none: [], warm: [], relevant: [], unrelated: [] };
eslint(cache); // fill the cache
for (let i = 0; i < rounds; i++) {
  out.none.push(eslint([]));
  out.warm.push(eslint(cache));
  touch(relevant[i % relevant.length], i);
  out.relevant.push(eslint(cache));
  if (unrelated.length > 0) {
    touch(unrelated[i % unrelated.length], i);
    out.unrelated.push(eslint(cache));
  }
}
const rel = (f) => relative(app, f);
console.log(
  [
    `application: ${appArg} (${folder}): ${files.length} source files, ${cors.length} that can hold a finding, ${deps.files.size} CORS-relevant modules (${((100 * deps.files.size) / files.length).toFixed(1)}%)${deps.incomplete ? ', incomplete' : ''}`,
    `digest (first, cold): ${digestMs.toFixed(0)} ms; relevant modules changed: ${relevant.slice(0, rounds).map(rel).join(', ')}; unrelated: ${unrelated.slice(0, rounds).map(rel).join(', ')}`,
    `| run | median ms (${rounds} rounds) | files linted (not from the cache) |`,
    '|---|---|---|',
    row('no cache', out.none).replace(/\| 0 \|$/, '| all |'),
    row('--cache, nothing changed', out.warm),
    row('--cache, one line in a CORS-relevant module', out.relevant),
    out.unrelated.length > 0
      ? row('--cache, one line in an unrelated module', out.unrelated)
      : '| --cache, one line in an unrelated module | (every module is CORS-relevant) | |',
  ].join('\n'),
);
