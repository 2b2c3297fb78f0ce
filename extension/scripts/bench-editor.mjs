#!/usr/bin/env node
// `npm run bench:editor`: the extension's editor path, measured on the built bundles (extension/dist).
// - Re-lint cost: the worker's engine against the floor of this stack (ESLint's Linter with one no-op rule,
//   the same parser, the same file), alternating per edit, median of the per-edit ratios, for JavaScript and
//   TypeScript files of 200, 2,000 and 20,000 lines.
// - Through the worker thread: round trip of a lint request (what the host waits for, off its thread), and
//   the time the host thread itself spends per request (posting the text, receiving the result).
// - Cold start: a fresh process starting the worker to the first result, for a JavaScript and a TypeScript file.
// Writes bench-results/editor.json and prints a Markdown table.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const dist = join(root, 'extension', 'dist');
const require = createRequire(import.meta.url);
const TYPING_DELAY_MS = 75; // extension/src/diagnostics.ts

if (process.argv[2] === '--cold') {
  // Child mode: one cold start, printed as JSON.
  const ts = process.argv[3] === 'ts';
  const t0 = performance.now();
  const worker = new Worker(join(dist, 'linter-worker.cjs'));
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
  worker.on('message', (m) => {
    if (m.type !== 'result') return;
    console.log(JSON.stringify({ ms: performance.now() - t0, findings: m.result.findings.length }));
    void worker.terminate();
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

  // Cold starts in fresh processes.
  const cold = (kind) =>
    median(
      Array.from(
        { length: 5 },
        () =>
          JSON.parse(
            execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--cold', kind], { encoding: 'utf8' }),
          ).ms,
      ),
    );
  const coldStart = { javascriptMs: cold('js'), typescriptMs: cold('ts') };

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
    `Cold start to first result (fresh process, 200-line file): JavaScript ${coldStart.javascriptMs.toFixed(0)} ms, TypeScript ${coldStart.typescriptMs.toFixed(0)} ms (TypeScript parser loaded on demand).`,
  );
  console.log(lines.join('\n'));
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(
    join(root, 'bench-results', 'editor.json'),
    JSON.stringify({ machine, rows, worker: worker2k, coldStart, markdown: lines.join('\n') }, null, 2),
  );
}
