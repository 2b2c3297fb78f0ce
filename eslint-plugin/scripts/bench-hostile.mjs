#!/usr/bin/env node
// `node eslint-plugin/scripts/bench-hostile.mjs [--rounds N] [--full]`: each hostile case of the robustness
// suite (regex bombs by family, a generated file of 50,000 header setters, one of 10,000 handlers, CORS
// options imported from another module, alone or beside huge ones) timed cold in this one process beside
// its floor: ESLint's Linter parsing the same file with one no-op rule. "Cold": what the case needs has
// never been analysed (a new pattern each round, a new copy of the project each round, so no module or
// verdict cache helps); the process itself is warm (ESLint and the plugin loaded, a benign file linted).
// Floor and lint alternate, in a rotating order; each ratio is the median over rounds of lint / floor.
// Writes bench-results/hostile.json (its `markdown` is the table `npm run bench` prints).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Linter } from 'eslint';
import {
  manyHandlersFile,
  manySettersFile,
  regexBombFile,
  regexBombs,
  screenNearMissFile,
  writeImportProjects,
} from './hostile-lib.mjs';
import { rootDir } from './sweep-lib.mjs';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, quick: { type: 'boolean' } } });
const rounds = Number(values.rounds);
const require = createRequire(import.meta.url);
const plugin = require(join(rootDir, 'eslint-plugin', 'dist', 'index.js'));

const base = { files: ['**/*.js'], languageOptions: { sourceType: 'module', ecmaVersion: 'latest' } };
const noop = { rules: { noop: { meta: { type: 'problem', schema: [] }, create: () => ({ Program() {} }) } } };
const floorConfig = [{ ...base, plugins: { n: noop }, rules: { 'n/noop': 'error' } }];
const lintConfig = [{ ...base, plugins: { 'cors-guard': plugin }, rules: plugin.configs.recommended.rules }];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Times `floor()` and `lint()` alternately; each round gets fresh input from `input(k)`. Small cases get
 * more rounds (they are quick, and their medians noisier).
 */
function measure(input, { floor, lint }, n = rounds) {
  const samples = [];
  for (let k = 0; k < n; k++) {
    const x = input(k);
    const order = k % 2 ? ['lint', 'floor'] : ['floor', 'lint'];
    const ms = {};
    let findings = 0;
    for (const which of order) {
      const t = performance.now();
      const messages = (which === 'floor' ? floor : lint)(x);
      ms[which] = performance.now() - t;
      if (which === 'lint') findings = messages.filter((m) => m.ruleId?.startsWith('cors-guard/')).length;
    }
    samples.push({ ...ms, findings });
  }
  return {
    floorMs: median(samples.map((s) => s.floor)),
    lintMs: median(samples.map((s) => s.lint)),
    ratio: median(samples.map((s) => s.lint / s.floor)),
    /** Findings per lint (the same in every round, or the smallest and largest). */
    findings: [...new Set(samples.map((s) => s.findings))].sort((a, b) => a - b).join('-'),
  };
}

// Warm the process (not the cases): ESLint, the plugin, the automata's code paths.
const warm = new Linter();
for (let i = 0; i < 5; i++) {
  const text = regexBombFile({ pattern: String.raw`^https:\/\/(?:www|api${i})\.example\.com$` });
  warm.verify(text, lintConfig, 'warm.js');
  warm.verify(text, floorConfig, 'warm.js');
}

const cases = [];
const SMALL_ROUNDS = Math.max(rounds, 15);
const fileCase = (name, target, input, n = SMALL_ROUNDS) => {
  const linter = new Linter();
  const r = measure(
    input,
    {
      floor: (text) => linter.verify(text, floorConfig, 'server.js'),
      lint: (text) => linter.verify(text, lintConfig, 'server.js'),
    },
    n,
  );
  const bytes = input(0).length;
  cases.push({ name, target, bytes, ...r });
  process.stderr.write(`${name}: ${r.ratio.toFixed(2)}\n`);
};

// 1. Regex bombs, one family at a time, each round a pattern never seen (a different tag in it).
for (const { family } of regexBombs()) {
  fileCase(`regex bomb: ${family}`, 5, (k) => regexBombFile(regexBombs(`r${k}`).find((b) => b.family === family)));
}

// 2. Many sites: the generated files of the issue (3.2 MB: 50,000 setters in one handler; 1.5 MB: 10,000
//    handlers), a comment varying per round so that nothing is reused.
const setters = manySettersFile(values.quick ? 5_000 : 50_000);
fileCase('50,000 header setters in one handler', 5, (k) => `// round ${k}\n${setters}`, rounds);
const handlers = manyHandlersFile(values.quick ? 1_000 : 10_000);
fileCase('10,000 handlers', 5, (k) => `// round ${k}\n${handlers}`, rounds);
// The text screen on a file of near misses (it tries every alternative on every line and finds none).
const nearMisses = screenNearMissFile(values.quick ? 500_000 : 5_000_000);
fileCase('text screen: near misses', 5, (k) => `// round ${k}\n${nearMisses}`, rounds);

// 3. Options imported from other modules: a fresh copy of the projects per round (cold module cache), the
//    floor ESLint parsing the linted file.
const dir = mkdtempSync(join(tmpdir(), 'cors-guard-bench-hostile-'));
try {
  const copies = Array.from({ length: SMALL_ROUNDS }, (_, k) =>
    writeImportProjects(join(dir, `r${k}`), values.quick ? { chain: 100, huge: 600_000, minified: 600_000 } : {}),
  );
  for (const name of ['imported-options', 'wide-imports', 'huge-import', 'barrel', 'import-chain', 'minified-bundle']) {
    const target = name === 'imported-options' ? 2 : undefined;
    const r = measure(
      (k) => {
        const p = copies[k].find((x) => x.name === name);
        return { p, text: readFileSync(p.file, 'utf8'), linter: new Linter({ cwd: p.root }) };
      },
      {
        floor: ({ p, text, linter }) => linter.verify(text, floorConfig, p.file),
        lint: ({ p, text, linter }) => linter.verify(text, lintConfig, p.file),
      },
      SMALL_ROUNDS,
    );
    cases.push({ name: `imports: ${name}`, target, bytes: 0, ...r });
    process.stderr.write(`imports ${name}: ${r.ratio.toFixed(2)}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const lines = [
  `**Hostile inputs** (cold: never-seen patterns, a fresh copy of each project per round; ${SMALL_ROUNDS} rounds (the two big files ${rounds}), lint and floor alternating; floor: ESLint parsing the same file with one no-op rule; regex bombs in a 12-line Express file, imports into a 400-line server; \`npm run bench:hostile\`):`,
  '',
  '| case | floor ms | lint ms | ratio | target | findings |',
  '| --- | --- | --- | --- | --- | --- |',
  ...cases.map(
    (c) =>
      `| ${c.name}${c.bytes > 100_000 ? ` (${(c.bytes / 1e6).toFixed(1)} MB)` : ''} | ${c.floorMs.toFixed(1)} | ${c.lintMs.toFixed(1)} | ${c.ratio.toFixed(2)} | ${c.target ? `≤ ${c.target}` : '-'} | ${c.findings} |`,
  ),
];
const markdown = lines.join('\n');
console.log(markdown);
mkdirSync(join(rootDir, 'bench-results'), { recursive: true });
writeFileSync(join(rootDir, 'bench-results', 'hostile.json'), JSON.stringify({ rounds, cases, markdown }, null, 2));
