// Shared by the real-VS-Code runners: builds the extension and the compiled test suite, and makes a
// throwaway copy of the test workspace (the tests edit files in memory and revert them).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
export const artifacts = join(root, 'test-results', 'vscode');

export function buildExtension() {
  const r = spawnSync(process.execPath, [join(root, 'extension/scripts/build.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('extension build failed');
}

/** Compiles a suite entry (`suite/index.ts`, `suite/smoke.ts`) to CommonJS for the extension host. */
export async function buildSuite(entry, outDir) {
  const outfile = join(outDir, entry.replace(/\.ts$/, '.cjs'));
  await esbuild.build({
    entryPoints: [join(root, 'test/vscode/suite', entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}

/** A temp folder with `workspace/` (the fixtures), `user-data/` and `extensions/`. */
export function makeSandbox(prefix = 'cors-guard-vscode-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const workspace = join(dir, 'workspace');
  cpSync(join(root, 'test/vscode/workspace'), workspace, { recursive: true });
  // The guide's order-processing server, as shipped in the plugin's examples.
  cpSync(
    join(root, 'eslint-plugin/examples/order-processing-server.js'),
    join(workspace, 'order-processing-server.js'),
  );
  const userData = join(dir, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'telemetry.telemetryLevel': 'off',
        'editor.hover.delay': 150,
        // VS Code for the web saves after a delay by default: the suite's edits must stay in memory.
        'files.autoSave': 'off',
        // The TypeScript server's type acquisition runs `npm install @types/...` into one cache in the home
        // folder, shared by code-servers running side by side: off, so a run neither downloads nor races.
        'typescript.disableAutomaticTypeAcquisition': true,
        'workbench.colorTheme': 'Default Light Modern',
      },
      null,
      2,
    ),
  );
  const extensions = join(dir, 'extensions');
  mkdirSync(extensions, { recursive: true });
  mkdirSync(artifacts, { recursive: true });
  return { dir, workspace, userData, extensions };
}
