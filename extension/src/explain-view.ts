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

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '# Gone\n\nRun the command again.';
  }

  /**
   * The read-only URI of the view named `title`, now holding `markdown`. One URI per title: running a
   * command again updates the view (and its open preview) instead of leaving the old result in a tab.
   */
  uriFor(title: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${title.replace(/[\\/:*?"<>|]/g, '-')}.md` });
    const key = uri.toString();
    const before = this.contents.get(key);
    this.contents.delete(key);
    this.contents.set(key, markdown);
    // Old views of a long session: keep the last 50.
    if (this.contents.size > 50) this.contents.delete(this.contents.keys().next().value!);
    if (before !== undefined && before !== markdown) this.changed.fire(uri);
    return uri;
  }

  /** Shows `markdown` as a Markdown preview beside the editor; returns the virtual document, up to date. */
  async show(title: string, markdown: string): Promise<vscode.TextDocument> {
    const uri = this.uriFor(title, markdown);
    let document = await vscode.workspace.openTextDocument(uri);
    if (document.getText() !== markdown) {
      // An open document follows the provider's change event: wait for it (or for the document to close).
      // The timer is only a backstop for an update that never comes; a busy machine takes seconds to
      // deliver one, and the command must not hand back the old text.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, 60_000);
        const subs = [
          vscode.workspace.onDidChangeTextDocument((e) => {
            if (e.document.uri.toString() === uri.toString() && e.document.getText() === markdown) done();
          }),
          vscode.workspace.onDidCloseTextDocument((d) => {
            if (d.uri.toString() === uri.toString()) done();
          }),
        ];
        function done() {
          clearTimeout(timer);
          subs.forEach((s) => s.dispose());
          resolve();
        }
      });
      document = await vscode.workspace.openTextDocument(uri);
    }
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    return document;
  }

  dispose(): void {
    this.changed.dispose();
    this.contents.clear();
  }
}
