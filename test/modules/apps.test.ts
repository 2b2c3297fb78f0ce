// `eslint --concurrency=auto` and `--concurrency=off` give identical findings on real multi-file server
// applications with cross-module resolution on. The applications are the ones `npm run bench` fetches
// from the npm registry into bench-results/apps/ (this test does not download them: it runs on those
// present, and on the fixture projects in test/modules/cli.test.ts).
import { execFile } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const eslintBin = join(dirname(createRequire(import.meta.url).resolve('eslint/package.json')), 'bin', 'eslint.js');
const APPS = ['json-server', 'node-red-editor-api', 'node-red-runtime', 'parse-server'];
const present = APPS.map((name) => join(rootDir, 'bench-results', 'apps', name, 'package')).filter((d) =>
  existsSync(d),
);

async function findings(root: string, concurrency: string): Promise<string[]> {
  let stdout: string;
  try {
    ({ stdout } = await run(
      process.execPath,
      [eslintBin, '--no-inline-config', '--format', 'json', `--concurrency=${concurrency}`, 'lib'],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
    ));
  } catch (error) {
    stdout = (error as { stdout: string }).stdout;
  }
  const results = JSON.parse(stdout) as {
    filePath: string;
    messages: { ruleId: string | null; line: number; column: number; message: string }[];
  }[];
  return results
    .flatMap((r) =>
      r.messages.map((m) => `${relative(root, r.filePath)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`),
    )
    .sort();
}

describe.skipIf(present.length === 0)('real applications (fetched by npm run bench)', () => {
  it.each(present)('%s: identical findings with --concurrency=auto and off', async (root) => {
    const config = join(root, 'eslint.config.mjs');
    const pluginEntry = join(rootDir, 'eslint-plugin', 'dist', 'index.js');
    writeFileSync(
      config,
      `import corsGuard from ${JSON.stringify(pluginEntry)};\nexport default [{ files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } }, corsGuard.configs.recommended];\n`,
    );
    try {
      const off = await findings(root, 'off');
      const auto = await findings(root, 'auto');
      expect(auto).toEqual(off);
    } finally {
      rmSync(config);
    }
  });
});
