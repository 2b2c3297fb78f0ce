/**
 * "Write a regression test for this finding": a quick fix on a CORS Guard finding that writes, beside the
 * file, a test in the project's own stack that sends the witness origin and a trusted one (the plugin's
 * prove module writes it; this only finds the policy, reads package.json and writes the new file, never
 * over an existing one) and opens it, with what it could not set up in the log and a notification.
 */
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { sentence } from '../../eslint-plugin/src/util/wording';
import { READ_LIMITS } from '../../eslint-plugin/src/analysis/budgets';
import { readText } from '../../eslint-plugin/src/analysis/read-file';
import { CannotWriteTest, policyAtLine, regressionTestFor, type PackageJson } from '../../eslint-plugin/src/prove';
import { lintSettingsOf } from './core/settings';
import { settingsFor } from './config';
import { SOURCE } from './diagnostics';
import type { Logger } from './log';
import type { LintWorkerClient } from './worker-client';

export const WRITE_TEST_COMMAND = 'corsGuard.writeRegressionTest';
export const WRITE_TEST_TITLE = 'Write a regression test for this finding';

/** The rules whose findings name an attacker origin that gets in. */
const PROVABLE = new Set([
  'cors-guard/no-origin-reflection',
  'cors-guard/no-unsafe-origin-check',
  'cors-guard/no-null-origin',
  'cors-guard/no-permissive-default',
]);

export class RegressionTestActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    if (document.uri.scheme !== 'file') return [];
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const diagnostic = context.diagnostics.find(
      (d) => d.source === SOURCE && PROVABLE.has(typeof d.code === 'object' ? String(d.code.value) : String(d.code)),
    );
    if (!diagnostic) return [];
    const action = new vscode.CodeAction(WRITE_TEST_TITLE, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.command = {
      command: WRITE_TEST_COMMAND,
      title: WRITE_TEST_TITLE,
      arguments: [document.uri, diagnostic.range.start.line + 1],
    };
    return [action];
  }
}

function packageRootOf(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'package.json'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

/** The command: returns the test's path (undefined when none was written, after saying why). */
export async function writeRegressionTest(
  client: LintWorkerClient,
  log: Logger,
  uri: vscode.Uri,
  line: number,
): Promise<string | undefined> {
  const document = await vscode.workspace.openTextDocument(uri);
  const settings = settingsFor(document);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const policies = await client.policies({
    fileName: document.fileName,
    languageId: document.languageId,
    text: document.getText(),
    settings: lintSettingsOf(settings),
    // Imports resolved within the workspace folder, as the document's lint resolves them.
    ...(folder?.uri.scheme === 'file' ? { root: folder.uri.fsPath } : {}),
  });
  const policy = policyAtLine(policies ?? [], line);
  const root = packageRootOf(path.dirname(document.fileName)) ?? path.dirname(document.fileName);
  let pkg: PackageJson = {};
  try {
    pkg = JSON.parse(
      readText(path.join(root, 'package.json'), { maxBytes: READ_LIMITS.configBytes }) ?? '{}',
    ) as PackageJson;
  } catch {
    // no package.json: node:test
  }
  let test;
  try {
    if (!policy) throw new CannotWriteTest('no CORS policy in this file');
    const sourcePath = path.relative(root, document.fileName).split(path.sep).join('/');
    // The test names files relative to the package (it is committed and run on other machines).
    const relative = (file: string) =>
      path.isAbsolute(file) ? path.relative(root, file).split(path.sep).join('/') : file;
    test = regressionTestFor({
      policy: {
        ...policy,
        file: sourcePath,
        related: policy.related.map((r) => ({ ...r, file: relative(r.file) })),
      },
      sourcePath,
      sourceText: document.getText(),
      pkg,
      trustedOrigins: settings.trustedOrigins,
      // The editor's own setting (the ESLint config is the command line's way).
      trustedOriginsSetting: 'the `corsGuard.trustedOrigins` setting',
      exists: (p) => existsSync(path.join(root, p)),
    });
  } catch (error) {
    if (!(error instanceof CannotWriteTest)) throw error;
    void vscode.window.showWarningMessage(sentence(`CORS Guard cannot write a test: ${error.message}`));
    return undefined;
  }
  const file = path.join(root, test.path);
  writeFileSync(file, test.content, { flag: 'wx' });
  await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
  for (const note of test.notes) log.message(`regression test ${test.path}: ${note}`);
  const summary = `Wrote ${test.path} (${test.runner}): run ${test.command}; it fails until the policy is fixed.`;
  void vscode.window.showInformationMessage(
    test.notes.length > 0 ? `${summary} Not set up: ${test.notes.join(' ')}` : summary,
  );
  return file;
}
