#!/usr/bin/env node
// `node eslint-plugin/scripts/bench-ab.mjs <baseline-dist> [rounds]`: an interleaved A/B of this plugin
// (eslint-plugin/dist) against another build of it (e.g. a release, compiled into tmp/) on the dependency
// corpus, each file linted under its real path with its package as the project root. Prints JSON.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Linter } from 'eslint';
import { listFiles, rootDir } from './sweep-lib.mjs';
const require = createRequire(import.meta.url);
const after = require(join(rootDir, 'eslint-plugin', 'dist', 'index.js'));
const before = require(join(process.argv[2] ?? join(rootDir, 'tmp', 'base', 'eslint-plugin', 'dist'), 'index.js'));
const FRAMEWORKS = [
  'express',
  'koa',
  'fastify',
  '@hapi',
  'hono',
  'socket.io',
  'engine.io',
  'cors',
  '@koa',
  '@fastify',
  '@middy',
  'find-my-way',
  'router',
];
const all = listFiles().filter((f) => statSync(f).size <= 200_000);
const isF = (f) => FRAMEWORKS.some((p) => f.includes(`/node_modules/${p}/`));
const corpus = [...all.filter(isF), ...all.filter((f) => !isF(f))].slice(0, 1600);
const noop = { rules: { noop: { meta: { type: 'problem', schema: [] }, create: () => ({ Program() {} }) } } };
const base = (t) => ({ files: ['**/*.js'], languageOptions: { sourceType: t, ecmaVersion: 'latest' } });
const configs = {
  floor: (t) => [{ ...base(t), plugins: { n: noop }, rules: { 'n/noop': 'error' } }],
  before: (t) => [{ ...base(t), plugins: { 'cors-guard': before }, rules: before.configs.recommended.rules }],
  after: (t) => [{ ...base(t), plugins: { 'cors-guard': after }, rules: after.configs.recommended.rules }],
};
const names = Object.keys(configs);
const linters = new Map();
const rootOf = (f) => {
  for (let d = dirname(f); d !== dirname(d); d = dirname(d)) if (existsSync(join(d, 'package.json'))) return d;
  return dirname(f);
};
const lf = (r) => {
  let l = linters.get(r);
  if (!l) linters.set(r, (l = new Linter({ cwd: r })));
  return l;
};
const sources = [];
for (const file of corpus) {
  const text = readFileSync(file, 'utf8');
  const linter = lf(rootOf(file));
  const t = ['module', 'commonjs'].find((t) => !linter.verify(text, configs.floor(t), file).some((m) => m.fatal));
  if (t) sources.push({ text, file, linter, built: Object.fromEntries(names.map((n) => [n, configs[n](t)])) });
}
const found = { before: 0, after: 0 };
function round(k) {
  const total = Object.fromEntries(names.map((n) => [n, 0]));
  sources.forEach((s, i) => {
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j + k) % names.length];
      const t = performance.now();
      const m = s.linter.verify(s.text, s.built[name], s.file);
      total[name] += performance.now() - t;
      if (k === 0 && name !== 'floor') found[name] += m.filter((x) => x.ruleId?.startsWith('cors-guard/')).length;
    }
  });
  return total;
}
round(0);
const R = Number(process.argv[3] ?? 5);
const rounds = Array.from({ length: R }, (_, k) => round(k + 1));
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  JSON.stringify(
    {
      files: sources.length,
      rounds: rounds.map((r) => Object.fromEntries(names.map((n) => [n, Math.round(r[n])]))),
      beforeRatio: med(rounds.map((r) => r.before / r.floor)),
      afterRatio: med(rounds.map((r) => r.after / r.floor)),
      afterVsBefore: med(rounds.map((r) => r.after / r.before)),
      found,
    },
    null,
    1,
  ),
);
