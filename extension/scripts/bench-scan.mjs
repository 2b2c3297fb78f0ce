#!/usr/bin/env node
// `npm run bench:scan [-- --files N --rounds N]`: workspace-scan throughput. A workspace of N files (real
// JavaScript from node_modules, the CORS examples among them) is scanned the way "CORS Guard: Scan
// Workspace" does it (read ahead 4 files, skip rules, one background lint per file through the bundled
// linter worker, policies for the map with each result), side by side with `eslint .` running the
// recommended preset on the same files (the CLI, with a flat config in the workspace). Wall time,
// including the worker's or ESLint's start; configurations alternate per round, medians reported.
// Prints Markdown and writes bench-results/scan.json.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { listFiles } from '../../eslint-plugin/scripts/sweep-lib.mjs';

const { values } = parseArgs({
  options: { files: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '3' } },
});
const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const require = createRequire(import.meta.url);
const workerPath = join(root, 'extension', 'dist', 'linter-worker.cjs');
try {
  statSync(workerPath);
} catch {
  execFileSync(process.execPath, [join(root, 'extension', 'scripts', 'build.mjs')], { stdio: 'ignore' });
}

// --- the workspace -----------------------------------------------------------------------------------
const wanted = Number(values.files);
const work = mkdtempSync(join(tmpdir(), 'cors-guard-bench-scan-'));
const ws = join(work, 'workspace');
mkdirSync(join(ws, 'src'), { recursive: true });
const examples = join(root, 'eslint-plugin', 'examples');
const picked = [
  ...['order-processing-server.js', 'cors-middleware.js'].map((f) => join(examples, f)),
  ...listFiles()
    .filter((f) => statSync(f).size <= 100_000 && !/\.min\.js$/.test(f))
    .slice(0, wanted - 2),
];
picked.forEach((file, i) => {
  const dir = join(ws, 'src', `pkg${String(Math.floor(i / 50)).padStart(2, '0')}`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, join(dir, `f${String(i).padStart(4, '0')}${file.match(/\.[cm]?js$/)[0]}`));
});
const files = picked.map((file, i) =>
  join(
    ws,
    'src',
    `pkg${String(Math.floor(i / 50)).padStart(2, '0')}`,
    `f${String(i).padStart(4, '0')}${file.match(/\.[cm]?js$/)[0]}`,
  ),
);
const pluginEntry = join(root, 'eslint-plugin', 'dist', 'index.js');
writeFileSync(
  join(ws, 'eslint.config.mjs'),
  `import corsGuard from ${JSON.stringify(pluginEntry)};\nexport default [{ ignores: ['eslint.config.mjs'] }, { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], ...corsGuard.configs.recommended, linterOptions: { reportUnusedDisableDirectives: 'off' } }];\n`,
);
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);

// --- the scan, as the extension runs it -----------------------------------------------------------
const clientFile = join(work, 'worker-client.cjs');
await esbuild.build({
  entryPoints: [join(root, 'extension', 'src', 'worker-client.ts')],
  outfile: clientFile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  logLevel: 'warning',
});
const skipFile = join(work, 'skip.cjs');
await esbuild.build({
  entryPoints: [join(root, 'extension', 'src', 'core', 'skip.ts')],
  outfile: skipFile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  logLevel: 'warning',
});
const { LintWorkerClient } = require(clientFile);
const { skipReason } = require(skipFile);
const settings = { preset: 'recommended', rules: {}, trustedOrigins: [] };

// "Typing" during a scan: a 200-line open document linted every 150 ms, as the editor would after edits.
const openDocument = Array.from({ length: 6 }, () =>
  readFileSync(join(examples, 'order-processing-server.js'), 'utf8'),
).join('\n');

async function editLatencies(client, count, gapMs) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await client.lint('file:///open.js', {
      fileName: '/open.js',
      languageId: 'javascript',
      text: `${openDocument}\n// edit ${i}\n`,
      settings,
    });
    out.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, gapMs));
  }
  return out;
}

async function scan({ typing = false } = {}) {
  const started = performance.now();
  const client = new LintWorkerClient({ workerPath, log: () => {} });
  let typingDone = Promise.resolve([]);
  if (typing) typingDone = new Promise((r) => setTimeout(r, 300)).then(() => editLatencies(client, 15, 150));
  let next = 0;
  const stats = { linted: 0, skipped: 0, findings: 0, policies: 0, flagged: new Set() };
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      const text = await readFile(file, 'utf8');
      if (skipReason(file, text, 1_000_000)) {
        stats.skipped++;
        continue;
      }
      const outcome = await client.lintInBackground(`file://${file}`, {
        fileName: file,
        languageId: 'javascript',
        text,
        settings,
        withPolicies: true,
      });
      if (outcome.kind !== 'result') continue;
      stats.linted++;
      stats.findings += outcome.result.findings.length;
      stats.policies += outcome.result.policies?.length ?? 0;
      if (outcome.result.findings.length > 0) stats.flagged.add(file);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  const ms = performance.now() - started;
  const edits = await typingDone;
  client.dispose();
  return { ms, ...stats, flagged: stats.flagged.size, edits };
}

function eslintCli() {
  const eslintBin = join(dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
  const started = performance.now();
  let out;
  try {
    out = execFileSync(process.execPath, [eslintBin, '--format', 'json', '.'], {
      cwd: ws,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    out = error.stdout; // exit code 1: findings
  }
  const ms = performance.now() - started;
  const results = JSON.parse(out);
  return {
    ms,
    files: results.length,
    findings: results.reduce((n, r) => n + r.messages.filter((m) => m.ruleId?.startsWith('cors-guard/')).length, 0),
    flagged: results.filter((r) => r.messages.some((m) => m.ruleId?.startsWith('cors-guard/'))).length,
  };
}

const runs = { scan: [], eslint: [] };
await scan(); // warm the file cache for both
// Edit latency with the worker idle, then while it scans.
const idleClient = new LintWorkerClient({ workerPath, log: () => {} });
await editLatencies(idleClient, 3, 0);
const idle = await editLatencies(idleClient, 15, 150);
idleClient.dispose();
const typing = (await scan({ typing: true })).edits;
for (let k = 0; k < Number(values.rounds); k++) {
  if (k % 2 === 0) {
    runs.eslint.push(eslintCli());
    runs.scan.push(await scan());
  } else {
    runs.scan.push(await scan());
    runs.eslint.push(eslintCli());
  }
}
rmSync(work, { recursive: true, force: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const scanMs = median(runs.scan.map((r) => r.ms));
const eslintMs = median(runs.eslint.map((r) => r.ms));
const last = runs.scan.at(-1);
const lastEslint = runs.eslint.at(-1);
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const markdown = [
  `**Workspace scan** (${files.length} files, ${(bytes / 1e6).toFixed(1)} MB of real JavaScript, median of ${values.rounds} alternating rounds, wall time including start-up; \`npm run bench:scan\`):`,
  '',
  '| | time (s) | files per second | findings | files flagged |',
  '| --- | --- | --- | --- | --- |',
  `| Scan Workspace through the worker | ${(scanMs / 1000).toFixed(2)} | ${((files.length / scanMs) * 1000).toFixed(0)} | ${last.findings} | ${last.flagged} |`,
  `| \`eslint .\` with the recommended preset | ${(eslintMs / 1000).toFixed(2)} | ${((files.length / eslintMs) * 1000).toFixed(0)} | ${lastEslint.findings} | ${lastEslint.flagged} |`,
  '',
  `Ratio ${(scanMs / eslintMs).toFixed(2)} (goal ≤ 1.2); the scan also returned ${last.policies} policies for the map; ${last.skipped} files skipped as minified or generated.`,
  '',
  `Typing during the scan (a 200-line open document linted every 150 ms): median ${median(typing).toFixed(0)} ms, worst ${Math.max(...typing).toFixed(0)} ms per lint, against ${median(idle).toFixed(0)} ms and ${Math.max(...idle).toFixed(0)} ms with the worker idle: an edit waits for at most the one scan file in flight.`,
].join('\n');
console.log(markdown);
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(
  join(root, 'bench-results', 'scan.json'),
  JSON.stringify(
    { machine, files: files.length, bytes, scanMs, eslintMs, ratio: scanMs / eslintMs, runs, markdown },
    null,
    2,
  ),
);
