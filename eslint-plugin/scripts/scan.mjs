#!/usr/bin/env node
// `npm run scan [-- <paths>]`: runs the real eslint CLI with the CORS Guard recommended preset over the
// given paths, or over the built-in example (the classic guide's order-processing server and friends),
// then prints the CORS map's summary (`cors-guard map`): every policy and who it lets in.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const pluginDir = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

if (!existsSync(join(pluginDir, 'dist', 'index.js'))) {
  const build = spawnSync('npm', ['run', 'build', '-w', 'eslint-plugin-cors-guard'], {
    stdio: 'inherit',
    cwd: join(pluginDir, '..'),
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const args = process.argv.slice(2);
const paths = args.filter((a) => !a.startsWith('-'));
const flags = args.filter((a) => a.startsWith('-'));
const targets = paths.length > 0 ? paths : [relative(process.cwd(), join(pluginDir, 'examples')) || '.'];
if (paths.length === 0)
  console.log(`CORS Guard: scanning the built-in example (${targets[0]}). Pass paths to scan your own code.\n`);

const eslintBin = join(dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
const result = spawnSync(
  process.execPath,
  [
    eslintBin,
    '--no-config-lookup',
    '--config',
    join(pluginDir, 'scan.config.mjs'),
    '--no-warn-ignored',
    ...flags,
    ...targets,
  ],
  { stdio: 'inherit' },
);
// The map of the same files, with the same configuration.
const map = spawnSync(
  process.execPath,
  [join(pluginDir, 'bin', 'cors-guard.js'), 'map', '--config', join(pluginDir, 'scan.config.mjs'), ...targets],
  { stdio: 'inherit' },
);
if (map.status !== 0) process.exit(map.status ?? 1);
// With the example, findings are the point: succeed when eslint ran and reported them.
if (paths.length === 0 && result.status === 1) process.exit(0);
process.exit(result.status ?? 1);
