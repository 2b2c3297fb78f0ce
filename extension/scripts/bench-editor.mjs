#!/usr/bin/env node
// `npm run bench:editor`: the extension's editor path, measured on the built bundles (extension/dist).
// - Re-lint cost: the worker's engine against the floor of this stack (ESLint's Linter with one no-op rule,
//   the same parser, the same file), alternating per edit, median of the per-edit ratios, for JavaScript and
//   TypeScript files of 200, 2,000 and 20,000 lines.
// - Through the worker thread: round trip of a lint request (what the host waits for, off its thread), and
//   the time the host thread itself spends per request (posting the text, receiving the result).
// - Cold start: a fresh process starting the worker to the first result, for a JavaScript and a TypeScript file;
//   with the V8 code cache the extension keeps (first start ever, then later starts), and, with
//   `--baseline <dist>`, the same for an earlier build (e.g. a copy of extension/dist from the previous commit).
// - Typing: a line typed character by character (110 ms a key) into a 2,000-line file through the worker,
//   with the host's policy before (fixed 75 ms pause, findings dropped while the file doesn't parse) and now
//   (pause adapted to the last lint time, last good findings kept): keystroke to diagnostics, and how often
//   the shown finding count changed while nothing about CORS did (flicker).
// Writes bench-results/editor.json and prints a Markdown table.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const dist = join(root, 'extension', 'dist');
const require = createRequire(import.meta.url);
const TYPING_DELAY_MS = 75; // extension/src/diagnostics.ts

const argv = process.argv.slice(2);
const baseline = argv.includes('--baseline') ? argv[argv.indexOf('--baseline') + 1] : undefined;

if (argv[0] === '--cold') {
  // Child mode: one cold start, printed as JSON. Args: js|ts, the dist folder, a code-cache folder or '-'.
  const ts = argv[1] === 'ts';
  const from = argv[2] ?? dist;
  const cacheDir = argv[3] && argv[3] !== '-' ? argv[3] : undefined;
  const boot = existsSync(join(from, 'worker-boot.cjs')) ? 'worker-boot.cjs' : 'linter-worker.cjs';
  const t0 = performance.now();
  const worker = new Worker(join(from, boot), { workerData: { codeCacheDir: cacheDir } });
  const text = serverSource(200, ts);
  worker.postMessage({
    type: 'lint',
    request: {
      id: 1,
      fileName: ts ? 'server.ts' : 'server.js',
      languageId: ts ? 'typescript' : 'javascript',
      text,
      settings: SETTINGS(),
    },
  });
  let readyMs;
  worker.on('message', (m) => {
    if (m.type === 'ready') readyMs = performance.now() - t0;
    if (m.type !== 'result') return;
    const ms = performance.now() - t0;
    console.log(JSON.stringify({ ms, readyMs, lintMs: m.result.durationMs, findings: m.result.findings.length }));
    // Let the worker write its code cache (it does so just after the first lint), then stop.
    setTimeout(() => void worker.terminate(), 400);
  });
} else {
  await main();
}

function SETTINGS() {
  return { preset: 'recommended', rules: {}, trustedOrigins: [] };
}

/** Realistic server code of about `lines` lines: routes, middleware, and a few CORS mistakes. */
function serverSource(lines, ts) {
  const t = (s) => (ts ? s : '');
  const head = [
    "import express from 'express';",
    "import cors from 'cors';",
    '',
    'const app = express();',
    "const ALLOWED = new Set(['https://shop.example.com']);",
    'app.use(cors({ origin: true, credentials: true }));',
    '',
  ];
  const out = [...head];
  // Whole blocks of 11 lines, then comment lines up to the count (a cut block would not parse).
  for (let i = 0; out.length + 11 <= lines; i++) {
    out.push(
      `// Route ${i}: orders of kind ${i}.`,
      `app.get('/orders/${i}', async (req${t(': express.Request')}, res${t(': express.Response')}) => {`,
      `  const origin = req.header('Origin');`,
      i % 10 === 0
        ? "  res.header('Access-Control-Allow-Origin', origin);"
        : "  if (origin && ALLOWED.has(origin)) res.header('Access-Control-Allow-Origin', origin);",
      `  const items${t(': Array<{ id: number; total: number }>')} = await load${i}(req.query.page);`,
      `  res.json({ items, count: items.length, page: Number(req.query.page ?? 1) });`,
      '});',
      `async function load${i}(page${t(': unknown')}) {`,
      `  return [{ id: ${i}, total: Number(page) * ${i} }];`,
      '}',
      '',
    );
  }
  while (out.length < lines) out.push(`// padding ${out.length}`);
  return out.join('\n') + '\n';
}

function median(xs) {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

async function main() {
  const { createEngine } = require(join(dist, 'linter-worker.cjs'));
  const engine = createEngine();
  const floor = createEngine({ floor: true });
  const rows = [];
  for (const ts of [false, true]) {
    for (const lines of [200, 2000, 20000]) {
      const text = serverSource(lines, ts);
      const fileName = ts ? 'server.ts' : 'server.js';
      const languageId = ts ? 'typescript' : 'javascript';
      const reps = lines >= 20000 ? 7 : lines >= 2000 ? 21 : 41;
      const lint = (e, k) => e.lint({ fileName, languageId, text: `${text}// edit ${k}\n`, settings: SETTINGS() });
      // Warm both (parser load, JIT).
      for (let k = 0; k < 3; k++) {
        lint(engine, -k);
        lint(floor, -k);
      }
      const ours = [];
      const base = [];
      const ratios = [];
      let findings = 0;
      for (let k = 0; k < reps; k++) {
        // Alternate which goes first to cancel drift.
        const order = k % 2 === 0 ? [engine, floor] : [floor, engine];
        const times = new Map();
        for (const e of order) {
          const t0 = performance.now();
          const r = lint(e, k);
          times.set(e, performance.now() - t0);
          if (e === engine) findings = r.findings.length;
        }
        ours.push(times.get(engine));
        base.push(times.get(floor));
        ratios.push(times.get(engine) / times.get(floor));
      }
      rows.push({
        language: ts ? 'TypeScript' : 'JavaScript',
        lines,
        findings,
        floorMs: median(base),
        corsGuardMs: median(ours),
        ratio: median(ratios),
      });
    }
  }

  // Through the worker thread: round trip and the host thread's own share, 2,000-line JavaScript file.
  const worker = new Worker(join(dist, 'linter-worker.cjs'));
  await new Promise((resolve) => worker.once('message', resolve)); // ready
  const text2k = serverSource(2000, false);
  const roundTrips = [];
  const hostMs = [];
  for (let k = 0; k < 25; k++) {
    const t0 = performance.now();
    worker.postMessage({
      type: 'lint',
      request: {
        id: k,
        fileName: 'server.js',
        languageId: 'javascript',
        text: `${text2k}// ${k}\n`,
        settings: SETTINGS(),
      },
    });
    const posted = performance.now() - t0;
    const result = await new Promise((resolve) => worker.once('message', resolve));
    const t1 = performance.now();
    JSON.stringify(result.result.findings); // stands in for building the diagnostics
    hostMs.push(posted + (performance.now() - t1));
    roundTrips.push(t1 - t0);
  }
  await worker.terminate();
  const roundTrip = median(roundTrips.slice(3));
  const worker2k = {
    roundTripMs: roundTrip,
    hostThreadMs: median(hostMs.slice(3)),
    visibleAfterTypingMs: TYPING_DELAY_MS + roundTrip,
  };

  // Cold starts in fresh processes: without a cache (as before), the first start ever (writes the cache), later starts.
  const coldOnce = (kind, from, cacheDir) =>
    JSON.parse(
      execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--cold', kind, from, cacheDir ?? '-'], {
        encoding: 'utf8',
      }),
    );
  // Interleaved per round: the baseline build (no cache), this build's first start ever (writes the cache),
  // then a later start (reads it). Medians of 7, with where the time went: the worker thread up with the
  // linter bundle loaded ("ready"), then the first lint (for TypeScript, including loading the parser).
  const cold = {};
  for (const kind of ['js', 'ts']) {
    const runs = { baseline: [], first: [], cached: [] };
    for (let round = 0; round < 7; round++) {
      if (baseline) runs.baseline.push(coldOnce(kind, baseline));
      const cacheDir = mkdtempSync(join(tmpdir(), 'cors-guard-cache-'));
      runs.first.push(coldOnce(kind, dist, cacheDir));
      runs.cached.push(coldOnce(kind, dist, cacheDir));
      rmSync(cacheDir, { recursive: true, force: true });
    }
    cold[kind] = Object.fromEntries(
      Object.entries(runs)
        .filter(([, list]) => list.length > 0)
        .map(([k, list]) => [
          k,
          {
            ms: median(list.map((r) => r.ms)),
            readyMs: median(list.map((r) => r.readyMs)),
            lintMs: median(list.map((r) => r.lintMs)),
          },
        ]),
    );
  }
  const coldStart = {
    javascriptMs: cold.js.cached.ms,
    typescriptMs: cold.ts.cached.ms,
    phases: cold,
  };

  // Alternating, three runs of each; the run with the median final latency is reported.
  const runs = { before: [], now: [] };
  for (let i = 0; i < 3; i++)
    for (const k of i % 2 ? ['now', 'before'] : ['before', 'now']) runs[k].push(await typingRun(k));
  const mid = (list) => [...list].sort((a, b) => a.finalMs - b.finalMs)[1];
  const typing = { before: mid(runs.before), now: mid(runs.now) };

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const lines = [];
  lines.push(
    '| file | floor (ms) | CORS Guard (ms) | ratio (median of per-edit ratios) | findings |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const r of rows)
    lines.push(
      `| ${r.language}, ${r.lines.toLocaleString('en-US')} lines | ${r.floorMs.toFixed(1)} | ${r.corsGuardMs.toFixed(1)} | ${r.ratio.toFixed(3)} | ${r.findings} |`,
    );
  lines.push(
    '',
    `Through the worker (2,000-line JavaScript file): round trip ${worker2k.roundTripMs.toFixed(0)} ms, of which the extension host's thread spends ${worker2k.hostThreadMs.toFixed(2)} ms; diagnostics visible ${worker2k.visibleAfterTypingMs.toFixed(0)} ms after typing stops (${TYPING_DELAY_MS} ms pause + round trip).`,
    '',
    '| cold start to first result (fresh process, 200-line file, median of 7) | JavaScript | TypeScript | worker up + linter loaded (JS / TS) | first lint, incl. parser load (JS / TS) |',
    '| --- | --- | --- | --- | --- |',
    ...[
      ['baseline', 'before: no code cache (previous build)'],
      ['first', 'now, first start ever (writes the V8 code cache)'],
      ['cached', 'now, every later start (reads the cache)'],
    ]
      .filter(([k]) => cold.js[k])
      .map(
        ([k, label]) =>
          `| ${label} | ${cold.js[k].ms.toFixed(0)} ms | ${cold.ts[k].ms.toFixed(0)} ms | ${cold.js[k].readyMs.toFixed(0)} / ${cold.ts[k].readyMs.toFixed(0)} ms | ${cold.js[k].lintMs.toFixed(0)} / ${cold.ts[k].lintMs.toFixed(0)} ms |`,
      ),
    '',
    '| typing a 51-character line, 110 ms a key, 2,000-line file (median of 3) | last keystroke to its diagnostics | shown finding count changes (flicker) | lints run |',
    '| --- | --- | --- | --- |',
    ...['before', 'now'].map((k) => {
      const t = typing[k];
      return `| ${k === 'before' ? 'before: fixed 75 ms pause, findings dropped on a parse error' : 'now: pause adapted to the last lint, last good findings kept'} | ${t.finalMs.toFixed(0)} ms | ${t.changes} (counts ${t.shownCounts}) | ${t.lints} |`;
    }),
  );
  console.log(lines.join('\n'));
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(
    join(root, 'bench-results', 'editor.json'),
    JSON.stringify({ machine, rows, worker: worker2k, coldStart, typing, markdown: lines.join('\n') }, null, 2),
  );
}

/**
 * Types a line into a 2,000-line file through a real worker, with the host's scheduling policy before or
 * now (the same rules as extension/src/diagnostics.ts: one lint in flight, the latest text queued).
 */
async function typingRun(policy) {
  const { typingDelay } = require(join(dist, 'linter-worker.cjs'));
  const worker = new Worker(join(dist, 'linter-worker.cjs'));
  await new Promise((resolve) => worker.once('message', resolve)); // ready
  const base = serverSource(2000, false).split('\n');
  const at = base.findIndex((l) => l.startsWith('  res.json('));
  const line = "  const note = { kind: 'typed', n: [1, 2] }; // done";
  let version = 0;
  let text = base.join('\n');
  const textOf = (typed) => [...base.slice(0, at), typed, ...base.slice(at)].join('\n');
  let inFlight = false;
  let queued;
  let timer;
  let lastDuration;
  let lastGood = 0;
  let shown;
  const shownCounts = [];
  let lints = 0;
  const published = []; // { version, at }
  const publish = (v, count) => {
    published.push({ version: v, at: performance.now() });
    if (count !== shown) shownCounts.push(count);
    shown = count;
  };
  const pump = () => {
    if (inFlight || !queued) return;
    const job = queued;
    queued = undefined;
    inFlight = true;
    worker.postMessage({
      type: 'lint',
      request: {
        id: job.version,
        fileName: 'server.js',
        languageId: 'javascript',
        text: job.text,
        settings: SETTINGS(),
      },
    });
  };
  worker.on('message', (m) => {
    if (m.type !== 'result') return;
    inFlight = false;
    lints++;
    if (!m.result.cold) lastDuration = m.result.durationMs;
    if (m.id === version) {
      if (m.result.parseError) publish(m.id, policy === 'now' ? lastGood : 0);
      else {
        lastGood = m.result.findings.length;
        publish(m.id, lastGood);
      }
    }
    pump();
  });
  const schedule = () => {
    clearTimeout(timer);
    const delay = policy === 'now' ? typingDelay(lastDuration) : TYPING_DELAY_MS;
    const job = { version, text };
    timer = setTimeout(() => {
      queued = job;
      pump();
    }, delay);
  };
  // The file as opened, and linted a few times (the user looked at it before typing).
  for (let i = 0; i < 4; i++) {
    version++;
    text = textOf(`  // v${version}`);
    queued = { version, text };
    shown = undefined;
    pump();
    while (shown === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  text = textOf('');
  lints = 0;
  shownCounts.length = 0;
  shownCounts.push(shown);
  const keys = [];
  for (let i = 1; i <= line.length; i++) {
    version++;
    text = textOf(line.slice(0, i));
    keys.push({ version, at: performance.now() });
    schedule();
    await new Promise((resolve) => setTimeout(resolve, 110));
  }
  const last = keys.at(-1);
  while (!published.some((p) => p.version === last.version)) await new Promise((resolve) => setTimeout(resolve, 5));
  await worker.terminate();
  // Keystroke to diagnostics: from each key to the first publish of its text or a later one.
  const waits = keys.map((k) => published.find((p) => p.version >= k.version && p.at >= k.at).at - k.at);
  return {
    keyToDiagnosticsMs: median(waits),
    finalMs: published.find((p) => p.version === last.version).at - last.at,
    changes: shownCounts.length - 1,
    shownCounts: shownCounts.join('→'),
    lints,
  };
}
