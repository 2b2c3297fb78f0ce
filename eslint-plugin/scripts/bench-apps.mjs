#!/usr/bin/env node
// Lint cost of cross-module resolution on real multi-file server applications that ship their server
// source on the npm registry. Each is fetched once with `npm pack` into bench-results/apps/ (ignored by
// git), then every source file is linted under its real path, with the application as the project root,
// under three configurations alternating per file: ESLint + one no-op rule (the floor), the recommended
// preset with cross-module resolution off, and with it on. Prints a Markdown table and writes
// bench-results/apps.json. `--check` only compares findings under `eslint --concurrency=auto` and `off`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Linter } from 'eslint';

const rootDir = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const require = createRequire(import.meta.url);
const plugin = require(join(rootDir, 'eslint-plugin', 'dist', 'index.js'));
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });

/** Server applications published with their server source (not bundled), and the folders that hold it. */
export const APPS = [
  { name: 'ghost', spec: 'ghost@6.65.0', source: ['core/server', 'core/shared', 'core/frontend'] },
  { name: 'parse-server', spec: 'parse-server@9.10.0', source: ['lib'] },
  { name: 'node-red-editor-api', spec: '@node-red/editor-api@5.0.7', source: ['lib'] },
  { name: 'node-red-runtime', spec: '@node-red/runtime@5.0.7', source: ['lib'] },
  { name: 'json-server', spec: 'json-server@0.17.4', source: ['lib'] },
];
const appsDir = join(rootDir, 'bench-results', 'apps');

/** Downloads (once) and unpacks an application; returns its root. */
export function fetchApp(app) {
  const dir = join(appsDir, app.name);
  const root = join(dir, 'package');
  if (existsSync(root)) return root;
  mkdirSync(dir, { recursive: true });
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir, app.spec], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop();
  execFileSync('tar', ['xzf', join(dir, tarball), '-C', dir]);
  return root;
}

export function sourceFiles(root, folders) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(p);
      } else if (/\.(c|m)?js$/.test(e.name) && statSync(p).size <= 200_000) {
        out.push(p);
      }
    }
  };
  for (const f of folders) if (existsSync(join(root, f))) walk(join(root, f));
  return out;
}

const noop = { rules: { noop: { meta: { type: 'problem', schema: [] }, create: () => ({ Program() {} }) } } };
const base = (sourceType) => ({
  files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
  languageOptions: { sourceType, ecmaVersion: 'latest' },
});
const configs = {
  floor: (t) => [{ ...base(t), plugins: { n: noop }, rules: { 'n/noop': 'error' } }],
  'modules off': (t) => [
    {
      ...base(t),
      plugins: { 'cors-guard': plugin },
      rules: plugin.configs.recommended.rules,
      settings: { 'cors-guard': { modules: false } },
    },
  ],
  'modules on': (t) => [{ ...base(t), plugins: { 'cors-guard': plugin }, rules: plugin.configs.recommended.rules }],
};
const names = Object.keys(configs);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(app) {
  const root = fetchApp(app);
  const linter = new Linter({ cwd: root });
  const sources = [];
  for (const file of sourceFiles(root, app.source)) {
    const text = readFileSync(file, 'utf8');
    const type = ['commonjs', 'module'].find((t) => !linter.verify(text, configs.floor(t), file).some((m) => m.fatal));
    if (type) sources.push({ file, text, built: Object.fromEntries(names.map((n) => [n, configs[n](type)])) });
  }
  const findings = {};
  const round = (k) => {
    const total = Object.fromEntries(names.map((n) => [n, 0]));
    sources.forEach((s, i) => {
      for (let j = 0; j < names.length; j++) {
        const name = names[(i + j + k) % names.length];
        const t = performance.now();
        const messages = linter.verify(s.text, s.built[name], s.file);
        total[name] += performance.now() - t;
        if (k === 0 && name !== 'floor') {
          for (const m of messages.filter((x) => x.ruleId?.startsWith('cors-guard/'))) {
            (findings[name] ??= []).push(`${relative(root, s.file)}:${m.line}:${m.column} ${m.ruleId}`);
          }
        }
      }
    });
    return total;
  };
  round(0); // warm-up (and findings)
  const rounds = Array.from({ length: Number(values.rounds) }, (_, k) => round(k + 1));
  return {
    app: app.name,
    spec: app.spec,
    files: sources.length,
    ms: Object.fromEntries(names.map((n) => [n, median(rounds.map((r) => r[n]))])),
    ratioOn: median(rounds.map((r) => r['modules on'] / r.floor)),
    ratioOff: median(rounds.map((r) => r['modules off'] / r.floor)),
    findingsOn: findings['modules on'] ?? [],
    findingsOff: findings['modules off'] ?? [],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const apps = APPS.map(measure);
  const lines = [
    '| application | files | floor (ms) | modules off (ms) | modules on (ms) | on / floor | off / floor | findings off → on |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const a of apps) {
    lines.push(
      `| ${a.spec} | ${a.files} | ${a.ms.floor.toFixed(0)} | ${a.ms['modules off'].toFixed(0)} | ${a.ms['modules on'].toFixed(0)} | ${a.ratioOn.toFixed(3)} | ${a.ratioOff.toFixed(3)} | ${a.findingsOff.length} → ${a.findingsOn.length} |`,
    );
  }
  const sum = (n) => apps.reduce((t, a) => t + a.ms[n], 0);
  lines.push(
    `| **all** | ${apps.reduce((t, a) => t + a.files, 0)} | ${sum('floor').toFixed(0)} | ${sum('modules off').toFixed(0)} | ${sum('modules on').toFixed(0)} | ${(sum('modules on') / sum('floor')).toFixed(3)} | ${(sum('modules off') / sum('floor')).toFixed(3)} | ${apps.reduce((t, a) => t + a.findingsOff.length, 0)} → ${apps.reduce((t, a) => t + a.findingsOn.length, 0)} |`,
  );
  const markdown = lines.join('\n');
  console.log(markdown);
  for (const a of apps) for (const f of a.findingsOn) console.log(`  ${a.app}: ${f}`);
  mkdirSync(join(rootDir, 'bench-results'), { recursive: true });
  writeFileSync(join(rootDir, 'bench-results', 'apps.json'), JSON.stringify({ apps, markdown }, null, 2));
}
