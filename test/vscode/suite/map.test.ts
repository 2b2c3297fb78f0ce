/**
 * "Scan Workspace" and the CORS Map view in a real VS Code: findings for a file never opened, cleared when
 * the file is fixed on disk (the file watcher), excludes and `.gitignore` respected, the map's nodes
 * (who gets in, cookies, verdict icon, the policy hover), grouping, a click to the site, and the exported
 * HTML report.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { CorsGuardApi } from '../../../extension/src/extension';
import type { MapNodeSnapshot } from '../../../extension/src/map-view';
import { test, waitingFor } from './harness';
import { nextChange, until as untilEvent } from './helpers';

const SOURCE = 'CORS Guard';

function api(): CorsGuardApi {
  const extension = vscode.extensions.getExtension<CorsGuardApi>('cors-guard.cors-guard');
  assert.ok(extension?.isActive, 'the extension is active');
  return extension.exports;
}

function uriOf(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder);
  return vscode.Uri.joinPath(folder.uri, name);
}

function ruleIds(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === SOURCE)
    .map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
}

/** Waits for a condition, checking it at every scan result. */
function until(condition: () => boolean, what: string): Promise<void> {
  return untilEvent(condition, what, api().onDidScan);
}

function isOpen(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
}

async function group(label: string): Promise<MapNodeSnapshot | undefined> {
  return (await api().mapView()).find((g) => g.label === label);
}

/** Waits for an async condition, re-checked after each scan update (with a short backstop poll). */
async function eventually(condition: () => Promise<boolean>, what: string): Promise<void> {
  const wait = waitingFor(() => what);
  try {
    while (!(await condition())) {
      if (wait.abandoned) throw new Error(`gave up waiting for ${what}`);
      await nextChange(api().onDidScan);
    }
  } finally {
    wait.done();
  }
}

const closed = () => uriOf('scan/closed-reflection.js');

test('Scan Workspace reports a file never opened, and leaves excluded, ignored and minified files alone', async () => {
  // Written now, so that no earlier test could have opened them.
  for (const dir of ['scan/ignored-by-git', 'scan/excluded']) {
    mkdirSync(uriOf(dir).fsPath, { recursive: true });
    writeFileSync(uriOf(`${dir}/reflect.js`).fsPath, "require('cors')({ origin: true, credentials: true });\n");
  }
  await vscode.workspace
    .getConfiguration('files')
    .update('exclude', { '**/excluded': true }, vscode.ConfigurationTarget.Workspace);
  assert.equal(isOpen(closed()), false, 'the file was never opened');
  assert.deepEqual(ruleIds(closed()), []);

  // The command, as a person runs it (with its progress notification).
  const summary = await vscode.commands.executeCommand<{ files: number; linted: number; cancelled: boolean }>(
    'corsGuard.scanWorkspace',
  );
  assert.equal(summary.cancelled, false);
  assert.ok(summary.linted >= 2, JSON.stringify(summary));
  assert.deepEqual(ruleIds(closed()), ['cors-guard/no-origin-reflection']);
  assert.equal(isOpen(closed()), false, 'scanning does not open the file');
  assert.deepEqual(ruleIds(uriOf('scan/nested/allowlist.ts')), []);
  assert.deepEqual(ruleIds(uriOf('scan/ignored-by-git/reflect.js')), [], '.gitignore is respected');
  assert.deepEqual(ruleIds(uriOf('scan/excluded/reflect.js')), [], 'files.exclude is respected');
  assert.deepEqual(ruleIds(uriOf('vendor.min.js')), [], 'minified files are skipped');
});

test('the CORS Map lists every policy with who gets in, cookies, a verdict icon and the policy hover', async () => {
  const file = await group('scan/closed-reflection.js');
  assert.ok(file, `groups: ${(await api().mapView()).map((g) => g.label).join(', ')}`);
  assert.equal(file.description, '1 policy');
  const node = file.children[0]!;
  assert.equal(node.label, 'any origin, reflected');
  assert.equal(node.description, 'with cookies · cors · line 6');
  assert.equal(node.icon, 'error');
  // The same simulated responses as the code hover.
  assert.match(node.tooltip ?? '', /https:\/\/evil\.example/);
  assert.match(node.tooltip ?? '', /Access-Control-Allow-Credentials/);
  assert.match(node.tooltip ?? '', /cors-guard\/no-origin-reflection/);

  const allowlist = (await group('scan/nested/allowlist.ts'))?.children[0];
  assert.ok(allowlist);
  assert.equal(allowlist.label, 'https://shop.example.com, https://admin.example.com');
  assert.equal(allowlist.icon, 'pass');
  // Open documents are in the map too (the order-processing server, opened by the earlier tests).
  const guide = await group('order-processing-server.js');
  assert.ok(guide, 'open documents are mapped');
  assert.ok(guide.children.some((c) => c.label === 'any origin (*)' && c.icon === 'warning'));
  assert.equal(await group('scan/excluded/reflect.js'), undefined);
  assert.equal(await group('vendor.min.js'), undefined);

  await vscode.commands.executeCommand('corsGuard.map.groupByVerdict');
  const verdicts = (await api().mapView()).map((g) => g.label);
  assert.deepEqual(
    verdicts.filter((v) => v !== 'unknown'),
    ['unsafe', 'broken', 'safe'],
  );
  const unsafe = (await api().mapView()).find((g) => g.label === 'unsafe')!;
  assert.ok(unsafe.children.some((c) => c.description === 'with cookies · cors · scan/closed-reflection.js:6'));
  await vscode.commands.executeCommand('corsGuard.map.groupByFile');
  assert.ok(await group('scan/closed-reflection.js'));
});

test('a click on a policy opens its site; closing it hands the file back to the scan', async () => {
  const node = (await group('scan/closed-reflection.js'))!.children[0]!;
  assert.equal(node.command?.command, 'corsGuard.map.reveal');
  await vscode.commands.executeCommand(node.command.command, ...node.command.arguments);
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor);
  assert.equal(editor.document.uri.toString(), closed().toString());
  assert.equal(editor.selection.active.line, 5);
  assert.equal(editor.document.lineAt(5).text.slice(editor.selection.active.character).startsWith('cors('), true);
  // While open, the editor's own lint shows the finding (once, not twice).
  await until(() => ruleIds(closed()).length === 1 && api().stateOf(closed()) !== undefined, 'the editor lint');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  await until(
    () => api().stateOf(closed()) === undefined && ruleIds(closed()).length === 1,
    'the scan to take the closed file back',
  );
  assert.ok(await group('scan/closed-reflection.js'));
});

test('fixing a closed file on disk clears its findings; new and deleted files are followed', async () => {
  const file = closed().fsPath;
  const original = readFileSync(file, 'utf8');
  try {
    writeFileSync(file, original.replace('origin: true', "origin: ['https://shop.example.com']"));
    await until(() => ruleIds(closed()).length === 0, 'the finding to clear after the fix on disk');
    const node = (await group('scan/closed-reflection.js'))?.children[0];
    assert.equal(node?.label, 'https://shop.example.com');
    assert.equal(node?.icon, 'pass');

    const added = uriOf('scan/added.js');
    writeFileSync(added.fsPath, "const cors = require('cors');\nmodule.exports = cors({ origin: ['null'] });\n");
    await until(() => ruleIds(added).includes('cors-guard/no-null-origin'), 'a new file to be scanned');
    rmSync(added.fsPath);
    await eventually(
      async () => ruleIds(added).length === 0 && !(await group('scan/added.js')),
      'a deleted file to leave the map',
    );
  } finally {
    writeFileSync(file, original);
  }
  await until(() => ruleIds(closed()).length === 1, 'the finding to come back with the original text');
});

test('"Export report" writes the self-contained HTML page of the map', async () => {
  const target = uriOf('cors-map.html');
  const written = await vscode.commands.executeCommand<vscode.Uri>('corsGuard.map.exportReport', target);
  assert.equal(written.toString(), target.toString());
  assert.ok(existsSync(target.fsPath));
  const html = readFileSync(target.fsPath, 'utf8');
  const policies = (await api().mapView()).reduce((n, g) => n + g.children.length, 0);
  assert.equal(html.match(/<tr id="p\d+"/g)?.length, policies);
  assert.match(html, /href="\.\/scan\/closed-reflection\.js#L6"/);
  assert.doesNotMatch(html, /\bsrc=|<link\b/);
});

test('a cancelled scan stops and says so', async () => {
  const source = new vscode.CancellationTokenSource();
  const scanning = api().scanWorkspace(source.token);
  source.cancel();
  const summary = await scanning;
  assert.equal(summary.cancelled, true, JSON.stringify(summary));
  assert.ok(summary.linted < Math.max(1, summary.files), JSON.stringify(summary));
  // The findings of the last full scan stay.
  assert.deepEqual(ruleIds(closed()), ['cors-guard/no-origin-reflection']);
});

test('shows the CORS Map view (screenshot by the runner)', async () => {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('corsGuard.map.focus');
  const done = process.env['CORS_GUARD_SCREENSHOT_DONE'];
  if (!done) return;
  console.log('CORS_GUARD_SCREENSHOT map-view');
  await untilEvent(() => existsSync(`${done}.map-view`), 'the map-view screenshot');
  // The runner clicked the closed file's policy in the view: its site is open.
  await until(
    () => vscode.window.activeTextEditor?.document.uri.toString() === closed().toString(),
    'the click in the view to open the site',
  );
  assert.equal(vscode.window.activeTextEditor!.selection.active.line, 5);
}, 180_000);
