/**
 * Hovers and header explanations. In JavaScript and TypeScript: on a CORS Guard finding a compact hover
 * (verdict, one line of why, links to details and docs) that leaves VS Code's "Quick Fix…" in view;
 * elsewhere the header-decoding hover from the policy model (computed in the worker). In `.http`,
 * `.rest` and plain-text files: the verdict of the exchange, then each header decoded. Plus the
 * "CORS Guard: Explain Headers" command, rendered read-only.
 */
import * as vscode from 'vscode';
import {
  EXAMPLE_ATTACKER,
  headerBlockVerdict,
  headerExchangeAt,
  headerExchangesIn,
  headerFacts,
  type HeaderExchange,
} from '../../eslint-plugin/src/analysis';
import { plainText, ruleWhy, shortRule } from './core/describe';
import { headerBlockMarkdown } from './core/explain-markdown';
import { lintSettingsOf } from './core/settings';
import { skipReason } from './core/skip';
import { settingsFor } from './config';
import { isLintable, SOURCE, type DiagnosticsManager } from './diagnostics';
import type { ExplainView } from './explain-view';
import type { LintWorkerClient } from './worker-client';

export const EXPLAIN_COMMAND = 'corsGuard.explainHeaders';
export const HOVER_DETAILS_COMMAND = 'corsGuard.showHoverDetails';
/** Where raw header blocks are hovered. */
export const RAW_HEADER_SELECTOR: vscode.DocumentSelector = [
  { language: 'http' },
  { pattern: '**/*.{http,rest}' },
  // A response pasted anywhere is recognised by its content (a status line and headers), whatever mode
  // the editor guessed: `curl -i` output is often detected as YAML, or left as plain text or a log.
  { language: 'plaintext' },
  { language: 'yaml' },
  { language: 'log' },
  { language: 'markdown' },
  { scheme: 'untitled' },
];

function markdown(text: string, commands: readonly string[] = []): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text);
  md.isTrusted = commands.length > 0 ? { enabledCommands: [...commands] } : false;
  md.supportHtml = false;
  return md;
}

function commandLink(label: string, command: string, args: readonly unknown[]): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

export class CodeHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly client: LintWorkerClient,
    private readonly diagnostics: DiagnosticsManager,
  ) {}

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
    if (token.isCancellationRequested || document.version !== version) return undefined;
    const finding = this.findingAt(document, position);
    if (finding) return this.compact(document, position, finding, answer?.verdict);
    if (!answer) return undefined;
    const range = new vscode.Range(document.positionAt(answer.range[0]), document.positionAt(answer.range[1]));
    return new vscode.Hover(markdown(answer.markdown), range);
  }

  /** The CORS Guard diagnostic under the cursor (VS Code shows its message above this hover). */
  private findingAt(document: vscode.TextDocument, position: vscode.Position): vscode.Diagnostic | undefined {
    const state = this.diagnostics.stateOf(document.uri);
    if (!state || state.version !== document.version) return undefined;
    return state.diagnostics.find(
      (d) => d.source === SOURCE && typeof d.code === 'object' && d.range.contains(position),
    );
  }

  /**
   * A few lines: the verdict (who gets in, with cookies), one line of why, and links. The details (the
   * decoded headers and simulated responses) open read-only on demand.
   */
  private compact(
    document: vscode.TextDocument,
    position: vscode.Position,
    diagnostic: vscode.Diagnostic,
    verdict: string | undefined,
  ): vscode.Hover {
    const ruleId = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : '';
    const lines: string[] = [];
    // The verdict only when it tells more than the message above it: a specific origin the message doesn't
    // name (not the generic example attacker, which says nothing new).
    const origins = (verdict?.match(/https?:\/\/[^\s`)]+/g) ?? []).filter((o) => o !== EXAMPLE_ATTACKER);
    // VS Code lists the related locations above this hover, a line each: with several of them, only the
    // links stay, so that "Quick Fix…" below remains in view.
    const crowded = (diagnostic.relatedInformation?.length ?? 0) >= 2;
    if (!crowded && verdict && origins.some((o) => !diagnostic.message.includes(o)))
      lines.push(`**Verdict:** ${verdict}`, '');
    if (!crowded) lines.push(`${ruleWhy(ruleId)}`, '');
    lines.push(
      [
        commandLink('Details', HOVER_DETAILS_COMMAND, [document.uri.toString(), document.offsetAt(position)]),
        commandLink(`Docs: ${shortRule(ruleId)}`, 'corsGuard.showDocumentation', [ruleId]),
        commandLink('online', 'corsGuard.showDocumentationOnline', [ruleId]),
      ].join(' · '),
    );
    return new vscode.Hover(
      markdown(lines.join('\n'), [
        HOVER_DETAILS_COMMAND,
        'corsGuard.showDocumentation',
        'corsGuard.showDocumentationOnline',
      ]),
      diagnostic.range,
    );
  }
}

/** Opens the full hover (decoded headers, responses) of a position, read-only. */
export async function showHoverDetails(
  client: LintWorkerClient,
  view: ExplainView,
  uri: unknown,
  offset: unknown,
): Promise<vscode.TextDocument | undefined> {
  if (typeof uri !== 'string' || typeof offset !== 'number') return undefined;
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (!document || !isLintable(document)) return undefined;
  const settings = settingsFor(document);
  const answer = await client.hover({
    fileName: document.fileName,
    languageId: document.languageId,
    text: document.getText(),
    offset,
    settings: lintSettingsOf(settings),
  });
  const diagnostics = vscode.languages
    .getDiagnostics(document.uri)
    .filter((d) => d.source === SOURCE && d.range.contains(document.positionAt(offset)));
  const findings = diagnostics.map((d) => {
    const ruleId = typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
    const related = (d.relatedInformation ?? []).map(
      (r) => `  - line ${r.location.range.start.line + 1}: ${r.message}`,
    );
    return [`- **${shortRule(ruleId)}** (line ${d.range.start.line + 1}): ${d.message}`, ...related].join('\n');
  });
  const body = [
    `# CORS Guard: line ${document.positionAt(offset).line + 1} of ${vscode.workspace.asRelativePath(document.uri)}`,
    '',
    ...(findings.length > 0 ? ['## Findings', '', ...findings, ''] : []),
    ...(answer ? ['## What the browser gets', '', answer.markdown] : []),
  ].join('\n');
  return view.show('CORS Guard details', body);
}

function exchangeOf(document: vscode.TextDocument, line: number): HeaderExchange | undefined {
  // Only the neighbourhood of the line: an exchange is a few dozen lines at most.
  const from = Math.max(0, line - 200);
  const lines: string[] = [];
  for (let i = from; i < Math.min(document.lineCount, line + 100); i++) lines.push(document.lineAt(i).text);
  const found = headerExchangeAt(lines.join('\n'), line - from);
  if (!found) return undefined;
  const shift = <B extends { headers: readonly { line: number }[]; status?: { line: number } }>(b: B): B => ({
    ...b,
    ...(b.status ? { status: { ...b.status, line: b.status.line + from } } : {}),
    headers: b.headers.map((h) => ({ ...h, line: h.line + from })),
  });
  return { response: shift(found.response), ...(found.request ? { request: shift(found.request) } : {}) };
}

export class RawHeaderHoverProvider implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (document.lineCount > 50_000) return undefined;
    const line = document.lineAt(position.line).text.replace(/^[<>] ?/, '');
    const name = /^([^:\s]+):/.exec(line)?.[1];
    const isStatus = /^HTTP\/\d/.test(line);
    if (!isStatus && !(name && headerFacts(name))) return undefined;
    const exchange = exchangeOf(document, position.line);
    // Outside .http files, only what reads as an HTTP response (a status line): not a YAML key `origin:`.
    if (!exchange || (!isHttpFile(document) && !exchange.response.status)) return undefined;
    const inRequest = exchange.request?.headers.some((h) => h.line === position.line);
    const block = inRequest ? exchange.request! : exchange.response;
    // On the line a diagnostic marks, VS Code already shows the verdict's title above this hover.
    const v = headerBlockVerdict(exchange);
    const marked = isHttpFile(document) && v.severity !== 'info' && v.line === position.line;
    return new vscode.Hover(
      markdown(
        headerBlockMarkdown(block, position.line, inRequest ? undefined : exchange.request, marked ? 'detail' : 'full'),
      ),
      document.lineAt(position.line).range,
    );
  }
}

/** `.http` / `.rest` files (REST Client, httpYac, IntelliJ), whatever language the editor gave them. */
export function isHttpFile(document: vscode.TextDocument): boolean {
  return document.languageId === 'http' || /\.(http|rest)$/i.test(document.uri.path);
}

/**
 * The HTTP responses in a document, by content: outside `.http` files, blocks with a status line. For the
 * "Explain these headers" CodeLens.
 */
export class HeaderCodeLenses implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (document.lineCount > 50_000 || isLintable(document)) return [];
    const http = isHttpFile(document);
    const lenses: vscode.CodeLens[] = [];
    for (const exchange of headerExchangesIn(document.getText())) {
      const { status, headers } = exchange.response;
      if (!http && !status) continue;
      // Only responses with something CORS to say.
      if (!headers.some((h) => /^(access-control-|vary$|origin$)/i.test(h.name))) continue;
      const line = status?.line ?? headers[0]?.line;
      if (line === undefined || line >= document.lineCount) continue;
      lenses.push(
        new vscode.CodeLens(document.lineAt(line).range, {
          title: 'Explain these headers',
          command: EXPLAIN_COMMAND,
          arguments: [document.uri, line],
        }),
      );
    }
    return lenses;
  }
}

/**
 * The exchanges to explain: the block at a given line (a CodeLens), the selection, the whole `.http` file,
 * the block at the cursor, or the clipboard.
 */
async function exchangesToExplain(at?: {
  uri: vscode.Uri;
  line: number;
}): Promise<{ exchanges: HeaderExchange[]; from: string }> {
  const target = at && vscode.workspace.textDocuments.find((d) => d.uri.toString() === at.uri.toString());
  if (target && at) {
    const found = exchangeOf(target, at.line);
    if (found) return { exchanges: [found], from: `line ${at.line + 1}` };
  }
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const { document, selection } = editor;
    if (!selection.isEmpty) {
      return { exchanges: headerExchangesIn(document.getText(selection)), from: 'the selection' };
    }
    if (isHttpFile(document)) {
      return { exchanges: headerExchangesIn(document.getText()), from: vscode.workspace.asRelativePath(document.uri) };
    }
    const at = exchangeOf(document, selection.active.line);
    if (at) return { exchanges: [at], from: `line ${selection.active.line + 1}` };
  }
  return { exchanges: headerExchangesIn(await vscode.env.clipboard.readText()), from: 'the clipboard' };
}

/** Explain Headers: each exchange's verdict, then its headers decoded, in a read-only Markdown preview. */
export async function explainHeaders(
  view: ExplainView,
  at?: { uri: vscode.Uri; line: number },
): Promise<vscode.TextDocument | undefined> {
  const { exchanges, from } = await exchangesToExplain(at);
  if (exchanges.length === 0) {
    void vscode.window.showInformationMessage(
      'CORS Guard: no HTTP headers at the cursor, in the selection or on the clipboard.',
    );
    return undefined;
  }
  const sections = exchanges.map((x, i) => {
    const v = headerBlockVerdict(x);
    const title = exchanges.length > 1 ? `## ${i + 1}. ${plainText(v.title)}` : `## ${plainText(v.title)}`;
    const request = x.request
      ? [
          '```http',
          ...[x.request.status?.text, ...x.request.headers.map((h) => `${h.name}: ${h.value}`)].filter(Boolean),
          '```',
          '',
        ]
      : [];
    return [title, '', v.detail, '', ...request, headerBlockMarkdown(x.response, undefined, x.request, 'none')].join(
      '\n',
    );
  });
  return view.show('CORS headers explained', `# CORS headers explained (${from})\n\n${sections.join('\n\n---\n\n')}\n`);
}

/** Findings in `.http` / `.rest` files: the same verdicts as Explain Headers, on the header lines. */
export class HttpDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('cors-guard-http');

  update(document: vscode.TextDocument): void {
    if (!isHttpFile(document) || document.lineCount > 50_000) return;
    const diagnostics: vscode.Diagnostic[] = [];
    for (const exchange of headerExchangesIn(document.getText())) {
      const v = headerBlockVerdict(exchange);
      if (v.severity === 'info') continue;
      const line = document.lineAt(Math.min(v.line, document.lineCount - 1));
      const d = new vscode.Diagnostic(
        line.range.with(line.range.start.translate(0, line.firstNonWhitespaceCharacterIndex)),
        plainText(v.title),
        v.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
      );
      d.source = SOURCE;
      d.code = `headers/${v.kind}`;
      d.relatedInformation = v.related.map(
        (r) =>
          new vscode.DiagnosticRelatedInformation(
            new vscode.Location(document.uri, document.lineAt(Math.min(r.line, document.lineCount - 1)).range),
            r.label,
          ),
      );
      diagnostics.push(d);
    }
    this.collection.set(document.uri, diagnostics);
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
