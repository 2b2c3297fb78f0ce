/**
 * Rule documentation, offline first: the rule docs ship inside the `.vsix` (eslint-plugin/docs/rules) and
 * open as a Markdown preview; the web copy is the second choice (and the fallback when the bundled file
 * is missing, e.g. a development build without docs).
 */
import * as vscode from 'vscode';
import { docsUrlOf } from '../../eslint-plugin/src/util/docs-url';
import { SHOW_DOCS_COMMAND } from './code-actions';
import type { ExplainView } from './explain-view';

const RULE_ID = /^cors-guard\/[a-z-]+$/;

export class RuleDocs {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly view: ExplainView,
  ) {}

  /**
   * What a diagnostic's rule link opens: the "show documentation" command, so that the Problems panel and
   * the hover render the bundled docs read-only instead of opening the `.md` of the install folder.
   */
  linkOf(ruleId: string): vscode.Uri {
    return vscode.Uri.parse(`command:${SHOW_DOCS_COMMAND}?${encodeURIComponent(JSON.stringify([ruleId]))}`);
  }

  /** The bundled Markdown text of a rule, if it is there. */
  async textOf(ruleId: string): Promise<string | undefined> {
    if (!RULE_ID.test(ruleId)) return undefined;
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uriOf(ruleId)));
    } catch {
      return undefined;
    }
  }

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

  /**
   * Renders the bundled docs read-only (a virtual document in a Markdown preview); returns the URI
   * shown, or opens the web page if there is none.
   */
  async show(ruleId: unknown): Promise<vscode.Uri | undefined> {
    if (typeof ruleId !== 'string' || !RULE_ID.test(ruleId)) return undefined;
    const text = await this.textOf(ruleId);
    if (text !== undefined) return (await this.view.show(ruleId, text)).uri;
    return this.showOnline(ruleId);
  }

  async showOnline(ruleId: unknown): Promise<vscode.Uri | undefined> {
    if (typeof ruleId !== 'string' || !RULE_ID.test(ruleId)) return undefined;
    const web = vscode.Uri.parse(docsUrlOf(ruleId));
    await vscode.env.openExternal(web);
    return web;
  }
}
