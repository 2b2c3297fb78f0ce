/**
 * Read-only Markdown views (Explain Headers, hover details, "why no automatic fix"): a virtual document
 * under the `cors-guard-explain` scheme, rendered by VS Code's Markdown preview. Never an Untitled file,
 * so nothing is dirty and closing never asks to save.
 */
import * as vscode from 'vscode';

export const EXPLAIN_SCHEME = 'cors-guard-explain';

export class ExplainView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private next = 1;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '# Gone\n\nRun the command again.';
  }

  /** Registers `markdown` under a read-only URI named `title` (kept for the session; views are small). */
  uriFor(title: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({
      scheme: EXPLAIN_SCHEME,
      path: `/${title.replace(/[\\/:*?"<>|]/g, '-')}.md`,
      query: `v=${this.next++}`,
    });
    this.contents.set(uri.toString(), markdown);
    // Old views of a long session: keep the last 50.
    if (this.contents.size > 50) this.contents.delete(this.contents.keys().next().value!);
    return uri;
  }

  /** Shows `markdown` as a Markdown preview beside the editor; returns the virtual document. */
  async show(title: string, markdown: string): Promise<vscode.TextDocument> {
    const uri = this.uriFor(title, markdown);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    return document;
  }

  dispose(): void {
    this.changed.dispose();
    this.contents.clear();
  }
}
