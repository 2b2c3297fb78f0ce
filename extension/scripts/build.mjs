#!/usr/bin/env node
// Bundles the extension with esbuild into extension/dist/: the host part, the linter worker (ESLint's
// Linter + the plugin) and the TypeScript parser, which the worker loads only for TypeScript files.
// `--dev` keeps the output readable with source maps (never packaged: .vscodeignore is an allowlist).
import * as esbuild from 'esbuild';
import { rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dev = process.argv.includes('--dev');
const outdir = join(root, 'dist');
rmSync(outdir, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: !dev,
  sourcemap: dev ? 'linked' : false,
  legalComments: 'none',
  logLevel: 'warning',
  // Root package.json is "type": "module"; the bundles are CommonJS.
  outExtension: { '.js': '.cjs' },
  outdir,
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: { extension: join(root, 'src/extension.ts') }, external: ['vscode'] }),
  esbuild.build({
    ...common,
    entryPoints: { 'linter-worker': join(root, 'src/linter-worker.ts') },
    external: ['./ts-parser.cjs'],
  }),
  // The worker's entry: loads linter-worker.cjs through V8's code cache.
  esbuild.build({ ...common, entryPoints: { 'worker-boot': join(root, 'src/worker-boot.ts') } }),
  esbuild.build({ ...common, entryPoints: { 'ts-parser': join(root, 'src/ts-parser.ts') } }),
]);

for (const name of ['extension.cjs', 'worker-boot.cjs', 'linter-worker.cjs', 'ts-parser.cjs']) {
  const size = statSync(join(outdir, name)).size;
  console.log(`extension/dist/${name}  ${(size / 1024).toFixed(0)} kB`);
}
