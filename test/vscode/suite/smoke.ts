/**
 * Smoke test of the packaged .vsix: the extension installed into code-server (not the development
 * copy) activates on a JavaScript file and reports the order-processing server's findings.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runAll, test } from './harness';

test('the installed .vsix activates and reports', async () => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder);
  const document = await vscode.workspace.openTextDocument(
    vscode.Uri.joinPath(folder.uri, 'order-processing-server.js'),
  );
  await vscode.window.showTextDocument(document);
  const extension = vscode.extensions.getExtension('cors-guard.cors-guard');
  assert.ok(extension, 'cors-guard.cors-guard is installed');
  const installedIn = process.env['CORS_GUARD_SMOKE_EXTENSIONS_DIR'];
  assert.ok(
    installedIn && path.resolve(extension.extensionPath).startsWith(path.resolve(installedIn)),
    `loaded from ${extension.extensionPath}`,
  );
  // Waits on the diagnostics changing, not on the clock: the harness's timeout is the only bound.
  const found = await corsGuardDiagnostics(document.uri, (d) => d.length === 3);
  assert.ok(extension.isActive);
  assert.equal(found.length, 3, `findings: ${found.map((d) => d.message).join(' | ')}`);
  // The TypeScript parser bundle is in the package too.
  const ts = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'cors-options.ts'));
  await vscode.window.showTextDocument(ts);
  const tsFound = await corsGuardDiagnostics(ts.uri, (d) => d.length > 0);
  assert.ok(tsFound.length > 0, 'a TypeScript finding');
  // The rule docs ship in the package and are rendered from it, read-only and offline: the document shown
  // holds the text of the copy inside the installed extension.
  const shown = await vscode.commands.executeCommand<vscode.Uri>(
    'corsGuard.showDocumentation',
    'cors-guard/no-origin-reflection',
  );
  assert.ok(shown && shown.scheme === 'cors-guard-explain', `docs opened from ${shown?.toString()}`);
  const bundled = vscode.Uri.file(
    path.join(extension.extensionPath, 'eslint-plugin', 'docs', 'rules', 'no-origin-reflection.md'),
  );
  const bundledText = new TextDecoder().decode(await vscode.workspace.fs.readFile(bundled));
  const rendered = await vscode.workspace.openTextDocument(shown);
  assert.ok(
    bundledText.length > 0 && rendered.getText().includes(bundledText.split('\n')[0]!),
    rendered.getText().slice(0, 200),
  );
}, 150_000);

/** CORS Guard's diagnostics of `uri` once `ok` accepts them, checked now and at every change of them. */
function corsGuardDiagnostics(
  uri: vscode.Uri,
  ok: (diagnostics: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'CORS Guard');
  return new Promise((resolve) => {
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString()) && ok(current())) {
        sub.dispose();
        resolve(current());
      }
    });
    if (ok(current())) {
      sub.dispose();
      resolve(current());
    }
  });
}

export function run(): Promise<void> {
  return runAll();
}
