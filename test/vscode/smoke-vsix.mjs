#!/usr/bin/env node
// Packages the extension (`npm run package`), installs the .vsix into a throwaway code-server with
// `--install-extension`, and checks that the installed copy activates and reports.
// Options: --results <file>, --no-package (use an existing cors-guard.vsix).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSuite, makeSandbox, root } from './prepare.mjs';
import {
  codeServerCli,
  installCodeServer,
  launchBrowser,
  runTestsInWorkbench,
  startCodeServer,
} from './code-server.mjs';

const argv = process.argv.slice(2);
const resultsFile = argv.includes('--results') ? argv[argv.indexOf('--results') + 1] : undefined;
const vsix = join(root, 'cors-guard.vsix');

const pkg = installCodeServer();
if (!argv.includes('--no-package')) {
  const r = spawnSync('npm', ['run', 'package'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (!existsSync(vsix)) throw new Error(`${vsix} is missing`);

const sandbox = makeSandbox('cors-guard-vsix-');
console.log(codeServerCli(pkg, sandbox, ['--install-extension', vsix]).trim());
// A stand-in development extension that only carries the test entry.
const dev = join(sandbox.dir, 'smoke-runner');
mkdirSync(dev);
writeFileSync(
  join(dev, 'package.json'),
  JSON.stringify({
    name: 'smoke-runner',
    publisher: 'cors-guard-tests',
    version: '0.0.0',
    engines: { vscode: '^1.100.0' },
  }),
);
const suite = await buildSuite('smoke.ts', join(sandbox.dir, 'suite'));
const results = resultsFile ?? `${sandbox.dir}-results.json`;
rmSync(results, { force: true });
const server = await startCodeServer(pkg, sandbox, {
  CORS_GUARD_TEST_RESULTS: results,
  CORS_GUARD_SMOKE_EXTENSIONS_DIR: sandbox.extensions,
});
const browser = await launchBrowser();
let exitCode = 1;
try {
  const { code } = await runTestsInWorkbench(browser, server, {
    workspace: sandbox.workspace,
    extensionDevelopmentPath: dev,
    extensionTestsPath: suite,
    timeoutMs: 180_000,
  });
  exitCode = code === 'timeout' ? 1 : code;
} finally {
  await browser.close();
  await server.stop();
  rmSync(sandbox.dir, { recursive: true, force: true, maxRetries: 3 });
}
if (existsSync(results)) {
  const list = JSON.parse(readFileSync(results, 'utf8'));
  console.log(
    `.vsix smoke test: ${list.filter((r) => r.ok).length} passed, ${list.filter((r) => !r.ok).length} failed`,
  );
}
process.exit(exitCode);
