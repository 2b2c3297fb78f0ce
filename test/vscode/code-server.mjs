// code-server (VS Code 1.100.3 from npm) driven by Debian's Chromium with playwright-core: the way to run
// a real VS Code on machines that cannot download desktop VS Code (see ../shared/vscode-testing.md).
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { root } from './prepare.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Installs (once, cached under .cache/) and returns the code-server package folder. */
export function installCodeServer() {
  const out = execFileSync('bash', [join(root, 'test/vscode/install-code-server.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out.trim().split('\n').pop();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function serverArgs(sandbox, port) {
  const config = join(sandbox.dir, 'config.yaml');
  // Everything else is on the command line; the file only keeps code-server from writing its default one.
  writeFileSync(config, 'cert: false\n');
  return [
    '--config',
    config,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--user-data-dir',
    sandbox.userData,
    '--extensions-dir',
    sandbox.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
  ];
}

function serverEnv(sandbox, extra) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: join(sandbox.dir, 'xdg-config'),
    XDG_DATA_HOME: join(sandbox.dir, 'xdg-data'),
    ...extra,
  };
}

/** Runs the code-server CLI once (e.g. `--install-extension x.vsix`). */
export function codeServerCli(pkg, sandbox, args) {
  return execFileSync(
    process.execPath,
    [
      join(pkg, 'out/node/entry.js'),
      '--user-data-dir',
      sandbox.userData,
      '--extensions-dir',
      sandbox.extensions,
      ...args,
    ],
    {
      encoding: 'utf8',
      env: serverEnv(sandbox, {}),
    },
  );
}

/** Starts code-server on a free loopback port; resolves when it listens. */
export async function startCodeServer(pkg, sandbox, env = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(pkg, 'out/node/entry.js'), ...serverArgs(sandbox, port)], {
    env: serverEnv(sandbox, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('HTTP server listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`code-server exited (${code}):\n${output}`)));
  });
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    remote: (path) => `vscode-remote://127.0.0.1:${port}${path}`,
    log: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens the workbench with the extension-test payload and resolves with the exit code the workbench
 * reports through `codeAutomationExit`; the page stays open for screenshots. Each test has its own timeout
 * (the suite's harness); `timeoutMs` only catches a workbench that never reports, so it is generous: a
 * loaded 2-core machine must not fail the suite by it.
 */
export async function runTestsInWorkbench(
  browser,
  server,
  { workspace, extensionDevelopmentPath, extensionTestsPath, timeoutMs = 720_000, onLog = (text) => console.log(text) },
) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let resolveExit;
  const exited = new Promise((resolve) => (resolveExit = resolve));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = (Array.isArray(args) ? args : [args])
      .map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))
      .join(' ');
    if (!/extension gallery|marketplace|open-vsx|Failed to fetch/i.test(text)) onLog(text, page);
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  const payload = [
    ['extensionDevelopmentPath', server.remote(extensionDevelopmentPath)],
    ['extensionTestsPath', server.remote(extensionTestsPath)],
    ['skipWelcome', 'true'],
  ];
  const url = `${server.origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);
  let timer;
  const code = await Promise.race([
    exited,
    new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs))),
  ]);
  clearTimeout(timer);
  return { page, code };
}
