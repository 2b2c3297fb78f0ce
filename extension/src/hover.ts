/**
 * The header-decoding hover: in JavaScript and TypeScript from the policy model (computed in the worker,
 * where the lint's syntax tree lives), and in `.http`/`.rest`/plain-text files from the header lines
 * themselves. Plus the "CORS Guard: Explain Headers" command.
 */
import * as vscode from 'vscode';
import { headerBlockAt, headerBlocksIn, headerFacts } from '../../eslint-plugin/src/analysis';
import { headerBlockMarkdown } from './core/explain-markdown';
import { lintSettingsOf } from './core/settings';
import { skipReason } from './core/skip';
import { settingsFor } from './config';
import { isLintable } from './diagnostics';
import type { LintWorkerClient } from './worker-client';

export const EXPLAIN_COMMAND = 'corsGuard.explainHeaders';
/** Where raw header blocks are hovered. */
export const RAW_HEADER_SELECTOR: vscode.DocumentSelector = [
  { language: 'http' },
  { language: 'plaintext' },
  { pattern: '**/*.{http,rest}' },
];

function markdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

export class CodeHoverProvider implements vscode.HoverProvider {
  constructor(private readonly client: LintWorkerClient) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    if (!isLintable(document)) return undefined;
    const settings = settingsFor(document);
    const text = document.getText();
    if (!settings.enable || skipReason(document.fileName, text, settings.maxFileSize)) return undefined;
    const version = document.version;
    const answer = await this.client.hover({
      fileName: document.fileName,
      languageId: document.languageId,
      text,
      offset: document.offsetAt(position),
      settings: lintSettingsOf(settings),
    });
    if (!answer || token.isCancellationRequested || document.version !== version) return undefined;
    const range = new vscode.Range(document.positionAt(answer.range[0]), document.positionAt(answer.range[1]));
    return new vscode.Hover(markdown(answer.markdown), range);
  }
}

export class RawHeaderHoverProvider implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (document.lineCount > 50_000) return undefined;
    const line = document.lineAt(position.line).text;
    const name = /^([^:\s]+):/.exec(line)?.[1];
    const isStatus = /^HTTP\/\d/.test(line);
    if (!isStatus && !(name && headerFacts(name))) return undefined;
    // Only the neighbourhood of the line: a block is a few dozen lines at most.
    const from = Math.max(0, position.line - 100);
    const lines: string[] = [];
    for (let i = from; i < Math.min(document.lineCount, position.line + 100); i++) lines.push(document.lineAt(i).text);
    const block = headerBlockAt(lines, position.line - from);
    if (!block) return undefined;
    const shifted = { ...block, headers: block.headers.map((h) => ({ ...h, line: h.line + from })) };
    return new vscode.Hover(
      markdown(headerBlockMarkdown(shifted, position.line)),
      document.lineAt(position.line).range,
    );
  }
}

/** Decodes the selection (or the clipboard) into a Markdown preview. */
export async function explainHeaders(): Promise<vscode.TextDocument | undefined> {
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  const text = selected || (await vscode.env.clipboard.readText());
  const blocks = headerBlocksIn(text);
  if (blocks.length === 0) {
    void vscode.window.showInformationMessage(
      'CORS Guard: select HTTP headers (e.g. `curl -i` output) or copy them to the clipboard, then run Explain Headers.',
    );
    return undefined;
  }
  const body = blocks.map((b) => headerBlockMarkdown(b)).join('\n\n---\n\n');
  const document = await vscode.workspace.openTextDocument({
    language: 'markdown',
    content: `# CORS headers explained\n\n${body}\n`,
  });
  await vscode.commands.executeCommand('markdown.showPreview', document.uri);
  return document;
}
