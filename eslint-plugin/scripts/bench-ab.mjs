#!/usr/bin/env node
// `npm run bench:ab -- --against <git revision> [--files N --rounds N]`: an interleaved A/B of the lint
// cost of this working tree's recommended preset against another revision's, on the same real files
// (node_modules JavaScript, as in bench.mjs), with both plugins loaded in one process and alternating per
// file in a rotating order, so machine drift cancels out. Prints the ratio new/old per round and the
// median; a change is a regression only if that median is clearly above 1.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Linter } from 'eslint';
import { listFiles, rootDir } from './sweep-lib.mjs';

const { values } = parseArgs({
  options: {
    against: { type: 'string' },
    files: { type: 'string', default: '1500' },
    rounds: { type: 'string', default: '7' },
  },
});
if (!values.against) {
  console.error('usage: npm run bench:ab -- --against <git revision>');
  process.exit(2);
}
const require = createRequire(import.meta.url);

// Build the other revision's plugin in a throwaway worktree that borrows this tree's node_modules.
const dir = mkdtempSync(join(tmpdir(), 'cors-guard-ab-'));
const worktree = join(dir, 'tree');
execFileSync('git', ['worktree', 'add', '--detach', worktree, values.against], { cwd: rootDir, stdio: 'ignore' });
try {
  symlinkSync(join(rootDir, 'node_modules'), join(worktree, 'node_modules'));
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'eslint-plugin/tsconfig.build.json'], {
    cwd: worktree,
    stdio: 'inherit',
  });
  const newPlugin = require(join(rootDir, 'eslint-plugin', 'dist', 'index.js'));
  const oldPlugin = require(join(worktree, 'eslint-plugin', 'dist', 'index.js'));
  if (!existsSync(join(rootDir, 'eslint-plugin', 'dist', 'index.js'))) throw new Error('run npm run build first');

  const files = listFiles()
    .filter((f) => statSync(f).size <= 200_000)
    .slice(0, Number(values.files));
  const linter = new Linter();
  const config = (plugin, sourceType) => [
    {
      files: ['**/*.js'],
      languageOptions: { sourceType, ecmaVersion: 'latest' },
      plugins: { 'cors-guard': plugin },
      rules: plugin.configs.recommended.rules,
    },
  ];
  const sources = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const type = ['module', 'commonjs'].find(
      (t) => !linter.verify(text, config(oldPlugin, t), 'f.js').some((m) => m.fatal),
    );
    if (type) sources.push({ text, configs: { new: config(newPlugin, type), old: config(oldPlugin, type) } });
  }
  const round = (k) => {
    const total = { new: 0, old: 0 };
    sources.forEach((s, i) => {
      const order = (i + k) % 2 ? ['new', 'old'] : ['old', 'new'];
      for (const name of order) {
        const t = performance.now();
        linter.verify(s.text, s.configs[name], 'f.js');
        total[name] += performance.now() - t;
      }
    });
    return total;
  };
  round(0); // warm-up
  const ratios = [];
  for (let k = 1; k <= Number(values.rounds); k++) {
    const r = round(k);
    ratios.push(r.new / r.old);
    console.log(
      `round ${k}: new ${r.new.toFixed(0)} ms, old ${r.old.toFixed(0)} ms, new/old ${(r.new / r.old).toFixed(3)}`,
    );
  }
  const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
  console.log(
    `\n${sources.length} files, ${ratios.length} rounds: median new/old ${median.toFixed(3)} (against ${values.against})`,
  );
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: rootDir, stdio: 'ignore' });
  rmSync(dir, { recursive: true, force: true });
}
