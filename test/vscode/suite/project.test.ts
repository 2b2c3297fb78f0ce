/**
 * The editor and the map as a new user finds them, on a small project (`shop/`: an Express app with a
 * config module, a helper module and routes, a Koa admin app, a TypeScript server and a Next.js route):
 * the workspace scan with nothing open, a helper called twice, one finding per defect, scan results across a
 * reload and the status bar item. The fixes, hovers and Explain Headers on the same project: fixes.test.ts.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MapNodeSnapshot } from '../../../extension/src/map-view';
import { test } from './harness';
import { api, findings, folder, linted, open, ruleOf, screenshot, until } from './helpers';

const uriOf = (name: string) => vscode.Uri.joinPath(folder(), name);
const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
const ORDERS = 'shop/src/routes/orders.js';
const HEADERS = 'shop/src/lib/headers.js';

function rules(uri: vscode.Uri): string[] {
  return findings(uri).map(ruleOf);
}

async function group(label: string): Promise<MapNodeSnapshot | undefined> {
  return (await api.mapView()).find((g) => g.label === label);
}

test('Scan Workspace with nothing open finds the helper bug of src/lib/headers.js, once, where src/routes/orders.js calls it', async () => {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  for (const name of [ORDERS, HEADERS]) assert.equal(isOpen(uriOf(name)), false, `${name} was never opened`);
  const summary = await api.scanWorkspace();
  assert.equal(summary.cancelled, false);
  // The scan resolves `../lib/headers` within the workspace folder, as the open-file lint does. One defect,
  // one finding: in the helper, where the fix goes, naming its callers; none at the calls.
  assert.deepEqual(rules(uriOf(HEADERS)), ['cors-guard/no-unsafe-origin-check']);
  assert.deepEqual(rules(uriOf(ORDERS)), []);
  const [finding] = findings(uriOf(HEADERS));
  assert.match(finding!.message, /^Origin check accepts .*called from `?shop\/src\/routes\/orders\.js:7`? and 1 more/);
  // The other findings of the project: the config's callback, the Koa admin app, the TypeScript server, Next.js.
  for (const name of [
    'shop/src/config.js',
    'shop/src/admin/index.js',
    'shop/src/server.ts',
    'shop/app/api/data/route.ts',
  ])
    assert.deepEqual(rules(uriOf(name)), ['cors-guard/no-origin-reflection'], name);
  assert.deepEqual(rules(uriOf('shop/src/admin/partners.js')), []);
  // Every caller is a related location.
  const callers = (finding!.relatedInformation ?? []).filter((r) =>
    r.location.uri.path.endsWith('/shop/src/routes/orders.js'),
  );
  assert.deepEqual(
    callers.map((r) => r.location.range.start.line + 1),
    [7, 12],
  );
  for (const name of [ORDERS, HEADERS]) assert.equal(isOpen(uriOf(name)), false, 'scanning opens nothing');
  // The status bar item: the counts and the time of the last scan.
  const bar = api.statusBar();
  assert.match(bar.text, /^\$\(shield\) CORS \$\(error\) \d+ \$\(warning\) \d+ · scanned \d{1,2}:\d{2}/);
  assert.match(bar.tooltip, /Last workspace scan: /);
  await vscode.commands.executeCommand('workbench.action.problems.focus');
  await screenshot('scan-project');
}, 120_000);

test('one defect, one finding in the editor: after the scan, opening a caller of the closed helper adds no second diagnostic', async () => {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  assert.equal(isOpen(uriOf(HEADERS)), false, 'the helper is closed');
  const orders = await open(ORDERS);
  // The caller's own lint: the helper's file is in the scan (its finding is shown there), so the caller
  // does not repeat it (without a scan it would, issue 37: workflows.test.ts).
  const own = await linted(orders.document);
  assert.deepEqual(own.map(ruleOf), [], own.map((d) => d.message).join(' | '));
  // In the whole Problems panel, the helper's defect once: at the helper (from the scan), none at the calls.
  assert.deepEqual(rules(uriOf(HEADERS)), ['cors-guard/no-unsafe-origin-check']);
  const both = [HEADERS, ORDERS].flatMap((name) => rules(uriOf(name)));
  assert.deepEqual(both, ['cors-guard/no-unsafe-origin-check']);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}, 60_000);

test('the CORS Map lists a helper called twice once, where it is set, with its callers (unique ids)', async () => {
  const headers = await group(HEADERS);
  assert.ok(headers, `groups: ${(await api.mapView()).map((g) => g.label).join(', ')}`);
  assert.equal(await group(ORDERS), undefined, 'no second entry at the calls');
  assert.equal(headers.children.length, 1, headers.children.map((c) => c.description).join(' | '));
  const ids = (await api.mapView()).flatMap((g) => [g.id, ...g.children.map((c) => c.id)]);
  assert.equal(new Set(ids).size, ids.length, `unique ids: ${ids.join(', ')}`);
  const tooltip = headers.children[0]!.tooltip ?? '';
  assert.match(tooltip, /shop\/src\/routes\/orders\.js:7/);
  assert.match(tooltip, /shop\/src\/routes\/orders\.js:12/);
  // The exported page lists the site once, at the helper.
  const target = vscode.Uri.joinPath(vscode.Uri.file(mkdtempSync(path.join(tmpdir(), 'cors-map-'))), 'map.html');
  await vscode.commands.executeCommand('corsGuard.map.exportReport', target);
  const html = readFileSync(target.fsPath, 'utf8');
  assert.doesNotMatch(html, /href="[^"]*orders\.js#L7"/);
  // "Open" shows the page inside VS Code (a webview: it works in a remote window too).
  await vscode.commands.executeCommand('corsGuard.map.openReport', target);
  await until(
    () =>
      vscode.window.tabGroups.all.some((g) =>
        g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && /corsGuard\.mapReport/.test(t.input.viewType)),
      ),
    'the report in a webview',
  );
  await screenshot('map-report-webview');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  // Saving proposes a place outside the repository.
  const proposed = api.defaultExportUri();
  assert.ok(!proposed.path.startsWith(`${folder().path}/`), `proposed ${proposed.toString()}`);
  assert.match(proposed.path, /cors-map-[^/]*\.html$/);
  await vscode.commands.executeCommand('corsGuard.map.focus');
  assert.ok(await api.revealInMap(HEADERS), 'the headers.js group in view');
  await screenshot('map-helper-twice');
}, 120_000);

test('scan results persist across a reload (workspace state) and follow the helper changing on disk', async () => {
  const restored = await api.reloadScan();
  assert.ok(restored >= 8, `restored ${restored} files`);
  // At once, before any lint: the findings and the map are back.
  assert.deepEqual(rules(uriOf(HEADERS)), ['cors-guard/no-unsafe-origin-check']);
  assert.ok(await group(HEADERS), 'the map has the restored files');
  const file = uriOf(HEADERS).fsPath;
  const original = readFileSync(file, 'utf8');
  try {
    writeFileSync(file, original.replace('/^https:\\/\\/shop.example.com/', '/^https:\\/\\/shop\\.example\\.com$/'));
    // The watcher lints the helper and the closed file that calls it again.
    await until(
      () => rules(uriOf(ORDERS)).length === 0 && rules(uriOf(HEADERS)).length === 0,
      'the findings to clear after the helper was fixed on disk',
      api.onDidScan,
    );
  } finally {
    writeFileSync(file, original);
  }
  await until(() => rules(uriOf(HEADERS)).length === 1, 'the finding to come back', api.onDidScan);
}, 90_000);

/** Every CORS Guard diagnostic of the workspace, as the Problems panel lists it. */
function problemsPanel(): string[] {
  return vscode.languages
    .getDiagnostics()
    .flatMap(([uri, list]) =>
      list
        .filter((d) => d.source === 'CORS Guard')
        .map((d) => `${vscode.workspace.asRelativePath(uri)}:${d.range.start.line + 1} ${ruleOf(d)} ${d.message}`),
    )
    .sort();
}

/** The map as labels and descriptions (what a person reads). */
async function mapLines(): Promise<string[]> {
  return (await api.mapView()).flatMap((g) => [
    `${g.label} (${g.description ?? ''})`,
    ...g.children.map((c) => `  ${c.label} · ${c.description ?? ''}`),
  ]);
}

test('a scan with files open in tabs survives a reload (simulated: results dropped, restored from the workspace state, open files linted again): the same map, Problems and status bar; a file changed on disk since is stale, never clean', async () => {
  // Files open in tabs while the workspace is scanned.
  const tabs = [HEADERS, 'shop/src/config.js', 'shop/src/server.ts'];
  for (const name of tabs) await linted((await open(name)).document);
  await api.scanWorkspace();
  const before = { problems: problemsPanel(), map: await mapLines(), bar: api.statusBar().text };
  for (const name of tabs)
    assert.ok(
      before.map.some((l) => l.startsWith(name)),
      `${name} is in the map before`,
    );
  assert.ok(
    before.problems.some((l) => l.startsWith('shop/src/config.js')),
    before.problems.join('\n'),
  );
  const sameAsBefore = async (when: string) => {
    assert.deepEqual(problemsPanel(), before.problems, `Problems ${when}`);
    assert.deepEqual(await mapLines(), before.map, `the map ${when}`);
    assert.equal(api.statusBar().text, before.bar, `the status bar ${when}`);
  };
  // Reload with the tabs open: at once (the scan's results, before the editor's lints are back) ...
  const restored = await api.reloadScan();
  assert.ok(restored >= 8, `restored ${restored} files`);
  assert.deepEqual(problemsPanel(), before.problems, 'Problems at once after the reload');
  assert.equal(api.statusBar().text, before.bar, 'the status bar at once after the reload');
  // ... and once the open files are linted again.
  for (const name of tabs) await linted((await open(name)).document);
  await sameAsBefore('after the reload with files open');
  await vscode.commands.executeCommand('corsGuard.map.focus');
  await vscode.commands.executeCommand('workbench.action.problems.focus');
  await screenshot('reload-with-tabs');
  // Close every editor and reload: nothing is open, the findings are all still there.
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await api.reloadScan();
  await sameAsBefore('after Close All Editors and a reload');
  // A file changed on disk after the scan: stale (in Problems, the map and the status bar) until linted
  // again, whether the watcher or the restored scan notices first.
  const admin = uriOf('shop/src/admin/index.js');
  const original = readFileSync(admin.fsPath, 'utf8');
  const seen: { problems: string[]; bar: string; map?: string[] }[] = [];
  const record = api.onDidScan(() => {
    const at: (typeof seen)[number] = { problems: findings(admin).map((d) => d.message), bar: api.statusBar().text };
    seen.push(at);
    // With nothing open the map asks the worker nothing: it is read before any new lint can land.
    void api.mapView().then((groups) => {
      const g = groups.find((x) => x.label === 'shop/src/admin/index.js');
      at.map = g ? [g.description ?? '', ...g.children.map((c) => c.description ?? '')] : [];
    });
  });
  try {
    writeFileSync(admin.fsPath, `${original}\n// changed after the scan\n`);
    await api.reloadScan();
    await until(
      () =>
        seen.some((s) => s.problems.some((m) => m.includes('(stale:'))) &&
        findings(admin).length > 0 &&
        !findings(admin)[0]!.message.includes('(stale:'),
      'the stale result, then the new lint',
      api.onDidScan,
    );
    const stale = seen.find((s) =>
      s.problems.some((m) => m.includes('(stale: the file changed on disk since the scan')),
    );
    assert.ok(stale, `a stale state was shown: ${JSON.stringify(seen.slice(0, 3))}`);
    assert.match(stale.bar, /\$\(history\) 1 stale/);
    await until(() => stale.map !== undefined, 'the map as it was then');
    assert.ok(
      /^\d+ polic(y|ies) · stale$/.test(stale.map![0] ?? '') &&
        stale.map!.slice(1).every((l) => l.startsWith('stale · ')),
      `the map marks it stale: ${stale.map!.join('\n')}`,
    );
    // Linted again: current, and the same finding as before.
    assert.deepEqual(rules(admin), ['cors-guard/no-origin-reflection']);
    await until(() => !api.statusBar().text.includes('stale'), 'the status bar without stale files');
  } finally {
    record.dispose();
    writeFileSync(admin.fsPath, original);
  }
  await until(() => !api.statusBar().text.includes('stale'), 'the restored file linted again', api.onDidScan);
}, 180_000);
