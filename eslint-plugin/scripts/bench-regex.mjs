#!/usr/bin/env node
// `npm run bench:regex`: cost of the witness analysis per origin check, over a fixed table of safe and
// unsafe checks. Prints a Markdown table and writes JSON under bench-results/ (ignored by git).
// "Warm" = the same process after one call per pattern (JIT and per-host-set automata cached);
// "first call" = a fresh Node process analysing one check, end to end.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pluginDir = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const witness = join(pluginDir, 'dist', 'analysis', 'checks', 'witness.js');
const { analyzeOriginPattern } = require(witness);

const TABLE = [
  ['https:\\/\\/[a-z]+.mydomain.com', ''],
  ['^https:\\/\\/www.example.com$', ''],
  ['^https:\\/\\/example\\.com', ''],
  ['example\\.com$', ''],
  ['^https:\\/\\/a\\.example\\.com|https:\\/\\/b\\.example\\.com$', ''],
  ['^https:\\/\\/.*example\\.com$', ''],
  ['^(null|https:\\/\\/a\\.example\\.com)$', ''],
  ['^https?:\\/\\/(?:[a-z0-9-]+\\.)*(?:example|sample|demo)\\.(?:com|net|org)(?::\\d+)?$', 'i'],
  ['^https:\\/\\/([a-z0-9-]+\\.)*example\\.com$', ''],
  ['^https:\\/\\/[^.]+\\.example\\.com$', ''],
  ['^https?:\\/\\/(localhost|app\\.corp\\.io)(:\\d+)?$', ''],
  ['^https:\\/\\/(?!internal)[a-z]+\\.example\\.com$', ''],
  ['^https:\\/\\/example\\.com$', 'u'],
  ['^https:\\/\\/.+\\.vercel\\.app$', ''],
  ['example\\.co\\.uk$', ''],
  ['^https:\\/\\/(www|api|app|admin|static|cdn)\\.(example|sample)\\.(com|io)$', ''],
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [pattern, flags] of TABLE) analyzeOriginPattern({ pattern, flags }); // warm-up
const rows = [];
for (const [pattern, flags] of TABLE) {
  const times = [];
  let verdict;
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    verdict = analyzeOriginPattern({ pattern, flags });
    times.push(performance.now() - t);
  }
  rows.push({
    pattern: `/${pattern}/${flags}`,
    verdict: verdict.kind,
    witness: verdict.findings?.[0]?.witness ?? '',
    warmMs: median(times),
  });
}
const script = `const { analyzeOriginPattern } = require(${JSON.stringify(witness)});
const t = performance.now(); analyzeOriginPattern({ pattern: '^https:\\\\/\\\\/www.example.com$', flags: '' });
console.log(performance.now() - t);`;
const firstCalls = Array.from({ length: 5 }, () =>
  Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })),
);

const warm = rows.map((r) => r.warmMs);
const summary = {
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
  checks: rows.length,
  warmMedianMs: median(warm),
  warmWorstMs: Math.max(...warm),
  firstCallMedianMs: median(firstCalls),
};
console.log(`| check | verdict | witness | warm median (ms) |\n| --- | --- | --- | --- |`);
for (const r of rows)
  console.log(`| \`${r.pattern.replace(/\|/g, '\\|')}\` | ${r.verdict} | ${r.witness} | ${r.warmMs.toFixed(2)} |`);
console.log(
  `\nWarm median per check: **${summary.warmMedianMs.toFixed(2)} ms** (goal ≤ 5 ms), worst ${summary.warmWorstMs.toFixed(2)} ms; ` +
    `first call in a fresh process: ${summary.firstCallMedianMs.toFixed(1)} ms. Machine: ${summary.machine}.`,
);
const out = join(dirname(pluginDir), 'bench-results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'regex.json'), JSON.stringify({ summary, rows, firstCalls }, null, 2));
