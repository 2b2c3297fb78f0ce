#!/usr/bin/env node
// `node eslint-plugin/scripts/bench-workspace.mjs [--packages 50] [--files 100] [--rounds 5]`: the lint cost
// of a generated monorepo (issue 34's budget: within 1.10x the no-op floor). A workspace of `packages`
// packages with `files` source files each is written to a temporary folder the way teams lay them out: a root
// package.json with `workspaces`, a root lockfile, hono hoisted to the root's node_modules, one package's own
// nested copy, packages importing each other by name (nothing linked), a shared config package, and a CORS
// policy in one file of each package. Every file is linted under its real path with the workspace root as
// ESLint's cwd, under the no-op floor and the recommended preset, alternating per file; the ratio is the
// median over rounds. Prints Markdown and writes bench-results/workspace.json.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Linter } from 'eslint';
import { rootDir } from './sweep-lib.mjs';

const { values } = parseArgs({
  options: {
    packages: { type: 'string', default: '50' },
    files: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '5' },
  },
});
const PACKAGES = Number(values.packages);
const FILES = Number(values.files);
const require = createRequire(import.meta.url);
const plugin = require(join(rootDir, 'eslint-plugin', 'dist', 'index.js'));

const top = mkdtempSync(join(tmpdir(), 'cors-guard-bench-workspace-'));
const write = (file, text) => {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
};
const json = (v) => JSON.stringify(v, null, 2);

write(join(top, 'package.json'), json({ name: 'bench-root', private: true, workspaces: ['packages/*'] }));
write(
  join(top, 'package-lock.json'),
  json({ lockfileVersion: 3, packages: { '': {}, 'node_modules/hono': { version: '4.12.25' } } }),
);
write(join(top, 'node_modules/hono/package.json'), json({ name: 'hono', version: '4.12.20' }));
write(join(top, 'node_modules/cors/package.json'), json({ name: 'cors', version: '2.8.5' }));
write(
  join(top, 'packages/config/package.json'),
  json({ name: '@bench/config', version: '1.0.0', main: 'dist/index.js' }),
);
write(
  join(top, 'packages/config/src/index.js'),
  "export const allowedOrigins = ['https://app.bench.dev', 'https://admin.bench.dev'];\nexport const credentials = true;\n",
);

/** Ordinary code: what most files of a service are (no CORS word, so the text screen turns them away). */
const ordinary = (p, f) => `import { helper${(f + 1) % FILES} } from './file${(f + 1) % FILES}.js';
import { format } from '@bench/pkg${(p + 1) % PACKAGES}';

export function helper${f}(items, options = {}) {
  const out = [];
  for (const item of items) {
    if (!item || typeof item !== 'object') continue;
    const value = options.transform ? options.transform(item.value) : item.value;
    out.push({ id: item.id, value, label: format(String(value)) });
  }
  return out.sort((a, b) => a.id - b.id).map((x, i) => ({ ...x, index: i, next: helper${(f + 1) % FILES} }));
}

export class Store${f} {
  #items = new Map();
  get(id) { return this.#items.get(id); }
  set(id, value) { this.#items.set(id, value); return this; }
  values() { return [...this.#items.values()]; }
}
`;

const corsFile = (p) =>
  p % 2 === 0
    ? `import cors from 'cors';
import { allowedOrigins, credentials } from '@bench/config';
app.use(cors({ origin: allowedOrigins, credentials }));
`
    : `import { cors } from 'hono/cors';
app.use('*', cors({ origin: (o) => (o === 'https://app.bench.dev' ? o : null), credentials: true }));
`;

const files = [];
for (let p = 0; p < PACKAGES; p++) {
  const dir = join(top, 'packages', `pkg${p}`);
  write(
    join(dir, 'package.json'),
    json({
      name: `@bench/pkg${p}`,
      version: '1.0.0',
      main: 'src/index.js',
      dependencies: { hono: '^4.12.0', cors: '^2.8.5', '@bench/config': '*' },
    }),
  );
  write(join(dir, 'src/index.js'), 'export const format = (s) => s.trim();\n');
  for (let f = 0; f < FILES; f++) {
    const file = join(dir, 'src', `file${f}.js`);
    write(file, f === 0 ? corsFile(p) : ordinary(p, f));
    files.push(file);
  }
}
// One package with its own older copy nested.
write(join(top, 'packages/pkg1/node_modules/hono/package.json'), json({ name: 'hono', version: '4.12.8' }));

const noop = { rules: { noop: { meta: { type: 'problem', schema: [] }, create: () => ({ Program() {} }) } } };
const base = { files: ['**/*.js'], languageOptions: { sourceType: 'module', ecmaVersion: 'latest' } };
const configs = {
  floor: [{ ...base, plugins: { n: noop }, rules: { 'n/noop': 'error' } }],
  recommended: [{ ...base, plugins: { 'cors-guard': plugin }, rules: plugin.configs.recommended.rules }],
};
const names = Object.keys(configs);
const linter = new Linter({ cwd: top });
const sources = files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));

let findings = 0;
function round(k) {
  const total = Object.fromEntries(names.map((n) => [n, 0]));
  sources.forEach((s, i) => {
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j + k) % names.length];
      const t = performance.now();
      const messages = linter.verify(s.text, configs[name], s.file);
      total[name] += performance.now() - t;
      if (k === 0 && name === 'recommended') findings += messages.filter((m) => m.ruleId).length;
    }
  });
  return total;
}
round(0); // warm-up (and the findings count)
const rounds = Array.from({ length: Number(values.rounds) }, (_, k) => round(k + 1));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const result = {
  packages: PACKAGES,
  files: files.length,
  rounds: rounds.length,
  floorMs: median(rounds.map((r) => r.floor)),
  recommendedMs: median(rounds.map((r) => r.recommended)),
  ratio: median(rounds.map((r) => r.recommended / r.floor)),
  findings,
};
rmSync(top, { recursive: true, force: true });
mkdirSync(join(rootDir, 'bench-results'), { recursive: true });
writeFileSync(join(rootDir, 'bench-results', 'workspace.json'), json(result));
console.log('| workspace | files | floor (ms/round) | recommended (ms/round) | ratio | findings |');
console.log('| --- | --- | --- | --- | --- | --- |');
console.log(
  `| ${PACKAGES} packages | ${files.length} | ${result.floorMs.toFixed(0)} | ${result.recommendedMs.toFixed(0)} | ${result.ratio.toFixed(3)} | ${findings} |`,
);
