/**
 * Rule documentation, offline first: the rule docs ship inside the `.vsix` (eslint-plugin/docs/rules) and
 * open as a Markdown preview; the web copy is the second choice (and the fallback when the bundled file
 * is missing, e.g. a development build without docs).
 */
import * as vscode from 'vscode';
import { docsUrlOf } from '../../eslint-plugin/src/util/docs-url';

const RULE_ID = /^cors-guard\/[a-z-]+$/;

export class RuleDocs {
  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The bundled Markdown file of a rule. */
  uriOf(ruleId: string): vscode.Uri {
    return vscode.Uri.joinPath(
      this.extensionUri,
      'eslint-plugin',
      'docs',
      'rules',
      `${ruleId.replace(/^cors-guard\//, '')}.md`,
    );
  }

  private async exists(uri: vscode.Uri): Promise<boolean> {
    try {
      await vscode.workspace.fs.stat(uri);
      return true;
    } catch {
      return false;
    }
  }

  /** Opens the bundled docs as a preview; returns the URI shown, or opens the web page if there is none. */
  async show(ruleId: unknown): Promise<vscode.Uri | undefined> {
    if (typeof ruleId !== 'string' || !RULE_ID.test(ruleId)) return undefined;
    const local = this.uriOf(ruleId);
    if (await this.exists(local)) {
      await vscode.commands.executeCommand('markdown.showPreview', local);
      return local;
    }
    return this.showOnline(ruleId);
  }

  async showOnline(ruleId: unknown): Promise<vscode.Uri | undefined> {
    if (typeof ruleId !== 'string' || !RULE_ID.test(ruleId)) return undefined;
    const web = vscode.Uri.parse(docsUrlOf(ruleId));
    await vscode.env.openExternal(web);
    return web;
  }
}
