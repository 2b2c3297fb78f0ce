/** CORS Guard for VS Code: activation wires the parts together and nothing else. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CorsGuardCodeActions, SHOW_DOCS_COMMAND, showDocumentation } from './code-actions';
import { SECTION, settingsFor } from './config';
import { DiagnosticsManager, isLintable, LANGUAGES } from './diagnostics';
import {
  CodeHoverProvider,
  EXPLAIN_COMMAND,
  explainHeaders,
  RAW_HEADER_SELECTOR,
  RawHeaderHoverProvider,
} from './hover';
import { CorsMapView, MAP_COMMANDS, revealPolicy, type MapNodeSnapshot } from './map-view';
import { SHOW_OUTPUT_COMMAND, StatusItem } from './status';
import { LintWorkerClient } from './worker-client';
import { SCAN_COMMAND, WorkspaceScanner, type ScanSummary } from './workspace-scan';

export interface CorsGuardApi {
  /** The last lint of a document, for tests and other extensions. */
  readonly stateOf: DiagnosticsManager['stateOf'];
  readonly onDidLint: DiagnosticsManager['onDidChange'];
  /**
   * The code actions CORS Guard offers, including disabled ones (`vscode.executeCodeActionProvider`
   * returns only enabled actions).
   */
  /** What the language status item shows for the active editor. */
  status(): ReturnType<StatusItem['snapshot']>;
  /** Runs "Scan Workspace" (without the progress notification), cancellable like the notification. */
  scanWorkspace(token?: vscode.CancellationToken): Promise<ScanSummary>;
  /** The CORS Map view's tree, as shown. */
  mapView(): Promise<MapNodeSnapshot[]>;
  /** Fires when a scanned (closed) file's result changes. */
  readonly onDidScan: WorkspaceScanner['onDidChange'];
  codeActions(
    document: vscode.TextDocument,
    range: vscode.Range,
    diagnostics: readonly vscode.Diagnostic[],
  ): vscode.CodeAction[];
}

export function activate(context: vscode.ExtensionContext): CorsGuardApi {
  const log = vscode.window.createOutputChannel('CORS Guard', { log: true });
  const client = new LintWorkerClient({
    workerPath: path.join(__dirname, 'linter-worker.cjs'),
    log: (m) => log.warn(m),
  });
  const diagnostics = new DiagnosticsManager(client, log);
  const status = new StatusItem(diagnostics);
  const selector = LANGUAGES.map((language) => ({ language }));
  const codeActions = new CorsGuardCodeActions(diagnostics);
  const scanner = new WorkspaceScanner(client, diagnostics, log);
  const map = new CorsMapView(client, diagnostics, scanner);

  const lintSoon = (document: vscode.TextDocument) => {
    if (!isLintable(document)) return;
    if (document.languageId.startsWith('typescript')) client.warmTypeScript();
    void diagnostics.lint(document);
  };

  const modulesWatcher = vscode.workspace.createFileSystemWatcher('**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}');
  const relintDependents = (uri: vscode.Uri) => {
    for (const d of diagnostics.dependentsOf(uri.scheme === 'file' ? uri.fsPath : uri.path)) {
      diagnostics.schedule(d, 0, false);
    }
  };
  context.subscriptions.push(
    log,
    { dispose: () => client.dispose() },
    diagnostics,
    status,
    diagnostics.onDidChange(() => status.update()),
    vscode.window.onDidChangeActiveTextEditor(() => status.update()),
    vscode.languages.registerCodeActionsProvider(selector, codeActions, CorsGuardCodeActions.metadata),
    vscode.workspace.onDidOpenTextDocument(lintSoon),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || !isLintable(e.document)) return;
      if (settingsFor(e.document).run === 'onType') diagnostics.schedule(e.document);
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (isLintable(document) && settingsFor(document).run === 'onSave') void diagnostics.lint(document);
      // Open files that import this one read it from disk from now on.
      for (const d of diagnostics.dependentsOf(document.fileName))
        if (d !== document) diagnostics.schedule(d, 0, false);
    }),
    // A module changed on disk (a checkout, another tool): lint the open files that import it again.
    modulesWatcher,
    modulesWatcher.onDidChange(relintDependents),
    modulesWatcher.onDidDelete(relintDependents),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.clear(document.uri)),
    // VS Code closes a document's model minutes after its last tab: clear when the last tab goes, and
    // lint again if the document comes back into view.
    vscode.window.tabGroups.onDidChangeTabs((e) => {
      for (const tab of e.closed) {
        const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
        if (uri && !isInTab(uri)) diagnostics.clear(uri);
      }
    }),
    vscode.window.onDidChangeVisibleTextEditors((editors) => {
      for (const editor of editors) if (!diagnostics.isTracked(editor.document.uri)) lintSoon(editor.document);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      log.info('settings changed: re-linting open documents');
      for (const document of vscode.workspace.textDocuments) {
        if (!isLintable(document)) continue;
        if (settingsFor(document).enable) void diagnostics.lint(document);
        else diagnostics.clear(document.uri);
      }
    }),
    vscode.languages.registerHoverProvider(selector, new CodeHoverProvider(client)),
    vscode.languages.registerHoverProvider(RAW_HEADER_SELECTOR, new RawHeaderHoverProvider()),
    vscode.commands.registerCommand(EXPLAIN_COMMAND, explainHeaders),
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => log.show(true)),
    vscode.commands.registerCommand(SHOW_DOCS_COMMAND, showDocumentation),
    scanner,
    map,
    vscode.commands.registerCommand(SCAN_COMMAND, () => scanner.scanWithProgress()),
    vscode.commands.registerCommand(MAP_COMMANDS.reveal, revealPolicy),
    vscode.commands.registerCommand(MAP_COMMANDS.groupByFile, () => map.setGrouping('file')),
    vscode.commands.registerCommand(MAP_COMMANDS.groupByVerdict, () => map.setGrouping('verdict')),
    vscode.commands.registerCommand(MAP_COMMANDS.refresh, () => map.refresh()),
    vscode.commands.registerCommand(MAP_COMMANDS.export, (target?: vscode.Uri) => map.exportReport(target)),
  );

  log.info(`CORS Guard activated (VS Code ${vscode.version})`);
  for (const document of vscode.workspace.textDocuments) lintSoon(document);
  return {
    stateOf: (uri) => diagnostics.stateOf(uri),
    onDidLint: diagnostics.onDidChange,
    status: () => status.snapshot(),
    scanWorkspace: (token) => scanner.scan(token),
    mapView: () => map.snapshot(),
    onDidScan: scanner.onDidChange,
    codeActions: (document, range, list) =>
      codeActions.provideCodeActions(document, range, {
        diagnostics: list,
        only: undefined,
        triggerKind: vscode.CodeActionTriggerKind.Invoke,
      }),
  };
}

function isInTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((group) =>
    group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key),
  );
}

export function deactivate(): void {
  // Disposables registered in activate() stop the worker.
}
