#!/usr/bin/env node
// `npm run test:vscode:electron`: the same compiled suite in desktop VS Code via @vscode/test-electron,
// for machines that can download VS Code (this one can't: use `npm run test:vscode`).
// VS Code version: CORS_GUARD_VSCODE_VERSION (default 1.100.3, the oldest the manifest supports).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildExtension, buildSuite, makeSandbox, root } from './prepare.mjs';

buildExtension();
const sandbox = makeSandbox('cors-guard-electron-');
const suite = await buildSuite('index.ts', join(sandbox.dir, 'suite'));
let code = 0;
try {
  await runTests({
    version: process.env.CORS_GUARD_VSCODE_VERSION || '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: suite,
    launchArgs: [
      sandbox.workspace,
      '--user-data-dir',
      sandbox.userData,
      '--extensions-dir',
      sandbox.extensions,
      '--disable-workspace-trust',
      '--skip-welcome',
    ],
    extensionTestsEnv: { CORS_GUARD_TEST_RESULTS: `${sandbox.dir}-results.json` },
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  code = 1;
} finally {
  rmSync(sandbox.dir, { recursive: true, force: true, maxRetries: 3 });
}
process.exit(code);
