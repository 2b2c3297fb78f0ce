/** CORS Guard for VS Code: activation wires the parts together and nothing else. */
import { statSync } from 'node:fs';
import { READ_LIMITS } from '../../eslint-plugin/src/analysis/budgets';
import { readText } from '../../eslint-plugin/src/analysis/read-file';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CorsGuardCodeActions,
  SHOW_DOCS_COMMAND,
  SHOW_DOCS_ONLINE_COMMAND,
  WHY_NO_FIX_COMMAND,
  whyNoFixMarkdown,
} from './code-actions';
import { DisableStylePicker } from './core/eslint-config';
import type { DisableStyle } from './core/edits';
import { SECTION, settingsFor } from './config';
import { DiagnosticsManager, isLintable, LANGUAGES, SOURCE } from './diagnostics';
import { RuleDocs } from './docs';
import { EXPLAIN_SCHEME, ExplainView } from './explain-view';
import {
  CodeHoverProvider,
  EXPLAIN_COMMAND,
  explainHeaders,
  HeaderCodeLenses,
  HOVER_DETAILS_COMMAND,
  HttpDiagnostics,
  isHttpFile,
  RAW_HEADER_SELECTOR,
  RawHeaderHoverProvider,
  showHoverDetails,
} from './hover';
import { RegressionTestActions, WRITE_TEST_COMMAND, writeRegressionTest } from './regression-test';
import { CorsMapView, MAP_COMMANDS, revealPolicy, type MapNodeSnapshot } from './map-view';
import { TraceLog } from './log';
import { CountsStatusBar, SHOW_OUTPUT_COMMAND, StatusItem } from './status';
import { LintWorkerClient } from './worker-client';
import { languageOfPath, SCAN_COMMAND, WorkspaceScanner, type ScanSummary } from './workspace-scan';
import { lintSettingsOf } from './core/settings';

export interface CorsGuardApi {
  /** The last lint of a document, for tests and other extensions. */
  readonly stateOf: DiagnosticsManager['stateOf'];
  readonly onDidLint: DiagnosticsManager['onDidChange'];
  /** What the language status item shows for the active editor. */
  status(): ReturnType<StatusItem['snapshot']>;
  /** What the status bar item shows (counts and the last scan). */
  statusBar(): ReturnType<CountsStatusBar['snapshot']>;
  /**
   * Drops the scan results held in memory and restores them from the workspace state, as a reloaded
   * window does; returns how many files were restored.
   */
  reloadScan(): Promise<number>;
  /** Runs "Scan Workspace" (without the progress notification), cancellable like the notification. */
  scanWorkspace(token?: vscode.CancellationToken): Promise<ScanSummary>;
  /** The CORS Map view's tree, as shown. */
  mapView(): Promise<MapNodeSnapshot[]>;
  /** Scrolls the CORS Map view to a group (a file or a verdict). */
  revealInMap(label: string): Promise<boolean>;
  /** Where "Export Report" proposes to save. */
  defaultExportUri(): vscode.Uri;
  /** Fires when a scanned (closed) file's result changes. */
  readonly onDidScan: WorkspaceScanner['onDidChange'];
  /** The code actions CORS Guard offers for diagnostics of the document's current lint. */
  codeActions(
    document: vscode.TextDocument,
    range: vscode.Range,
    diagnostics: readonly vscode.Diagnostic[],
  ): vscode.CodeAction[];
  /** The comment style a disable quick fix writes in this document, and the flat config that decided it. */
  disableStyle(document: vscode.TextDocument): { style: DisableStyle; config?: string };
  /** Where a diagnostic's rule link goes (the command that renders the bundled docs read-only). */
  docsUri(ruleId: string): vscode.Uri;
  /** The bundled documentation file of a rule. */
  docsFile(ruleId: string): vscode.Uri;
  /** What the log records (`corsGuard.trace`). */
  logLines(): readonly string[];
}

export function activate(context: vscode.ExtensionContext): CorsGuardApi {
  const log = new TraceLog(() => settingsFor().trace);
  const codeCacheDir = context.globalStorageUri.scheme === 'file' ? context.globalStorageUri.fsPath : undefined;
  const client = new LintWorkerClient({
    workerPath: path.join(__dirname, 'worker-boot.cjs'),
    log: (m) => log.warn(m),
    ...(codeCacheDir ? { codeCacheDir } : {}),
  });
  const view = new ExplainView();
  const docs = new RuleDocs(context.extensionUri, view);
  const diagnostics = new DiagnosticsManager(client, log, (ruleId) => docs.linkOf(ruleId));
  const scanner = new WorkspaceScanner(client, diagnostics, log, context.workspaceState);
  // Once the workspace is scanned, every scanned file shows its own findings (closed or not): a defect is
  // shown once, where its fix goes, and an open caller adds no second diagnostic (run-scope.ts).
  diagnostics.scannedFiles = () => scanner.currentFiles();
  let scanned: { summary: ScanSummary | undefined; current: number } = { summary: scanner.summary, current: 0 };
  const status = new StatusItem(diagnostics, (uri) => scanner.fileOf(uri));
  const selector = LANGUAGES.map((language) => ({ language }));
  const picker = new DisableStylePicker({
    stamp: (file) => {
      try {
        return statSync(file).mtimeMs;
      } catch {
        return undefined;
      }
    },
    read: (file) => readText(file, { maxBytes: READ_LIMITS.configBytes }) ?? '',
  });
  const disableStyle = (document: vscode.TextDocument) =>
    document.uri.scheme === 'file'
      ? picker.styleFor(path.dirname(document.uri.fsPath))
      : { style: 'cors-guard' as const };
  const codeActions = new CorsGuardCodeActions(
    diagnostics,
    (document) => disableStyle(document).style,
    async (uri, root) => {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      let text: string;
      try {
        text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        return undefined;
      }
      const outcome = await client.lint(`helper-fix:${uri.toString()}`, {
        fileName: uri.scheme === 'file' ? uri.fsPath : uri.path,
        languageId: open?.languageId ?? languageOfPath(uri.path),
        text,
        settings: lintSettingsOf(settingsFor(uri)),
        ...(root ? { root: root.scheme === 'file' ? root.fsPath : root.path } : {}),
      });
      return outcome.kind === 'result' ? { text, findings: outcome.result.findings } : undefined;
    },
  );
  const http = new HttpDiagnostics();
  const counts = new CountsStatusBar(SOURCE, scanner);
  const map = new CorsMapView(client, diagnostics, scanner);

  const lintSoon = (document: vscode.TextDocument) => {
    if (isHttpFile(document)) return http.update(document);
    if (!isLintable(document)) return;
    if (document.languageId.startsWith('typescript')) client.warmTypeScript();
    void diagnostics.lint(document);
  };

  const MAX_IMPORTER_BYTES = 512 * 1024;
  const modulesWatcher = vscode.workspace.createFileSystemWatcher('**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,json}');
  /**
   * A module changed, appeared or went on disk: the open files whose findings may change with it. What the
   * worker knows of the disk (stats, resolutions: values/disk-cache.ts) is forgotten first.
   */
  const relintDependents = (uri: vscode.Uri) => {
    diagnostics.forgetModules();
    const fileName = uri.scheme === 'file' ? uri.fsPath : uri.path;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    let text = open?.getText();
    if (text === undefined && uri.scheme === 'file' && !fileName.endsWith('.json')) {
      // Gone meanwhile, or not a regular file: its dependents are still linted again.
      text = readText(fileName, { maxBytes: MAX_IMPORTER_BYTES });
    }
    for (const d of diagnostics.readersOf(fileName, text)) diagnostics.schedule(d, 0, false);
  };
  context.subscriptions.push(
    log,
    { dispose: () => client.dispose() },
    diagnostics,
    status,
    view,
    http,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, view),
    diagnostics.onDidChange(() => status.update()),
    scanner.onDidChange(() => status.update()),
    scanner.onDidChange(() => {
      // (Not file by file while a scan runs: its end is one change.)
      if (scanner.summary === scanned.summary && scanner.scanning) return;
      const now = { summary: scanner.summary, current: scanner.currentFiles().length };
      if (now.summary === scanned.summary && now.current === scanned.current) return;
      scanned = now;
      // A scan finished (or was restored), or a file's result went stale or current again: the open files
      // show what closed modules hold exactly when those modules' findings are not shown themselves.
      for (const d of vscode.workspace.textDocuments)
        if (!d.isClosed && diagnostics.isTracked(d.uri)) diagnostics.schedule(d, 0, false);
    }),
    vscode.window.onDidChangeActiveTextEditor(() => status.update()),
    // Registered first: VS Code lists later providers first, and this action goes after the fixes.
    vscode.languages.registerCodeActionsProvider(selector, new RegressionTestActions(), RegressionTestActions.metadata),
    vscode.languages.registerCodeActionsProvider(selector, codeActions, CorsGuardCodeActions.metadata),
    vscode.commands.registerCommand(WRITE_TEST_COMMAND, (uri: vscode.Uri, line: number) =>
      writeRegressionTest(client, log, uri, line),
    ),
    vscode.workspace.onDidOpenTextDocument((document) => {
      lintSoon(document);
      // What it shows from now on, the files that read it need not show again (run-scope.ts).
      if (isLintable(document))
        for (const d of diagnostics.readersOf(document.fileName)) if (d !== document) diagnostics.schedule(d, 0, false);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      if (isHttpFile(e.document)) return http.update(e.document);
      if (!isLintable(e.document)) return;
      diagnostics.onChange(e);
      if (e.document === vscode.window.activeTextEditor?.document) status.update();
      if (settingsFor(e.document).run === 'onType') diagnostics.schedule(e.document);
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (isLintable(document) && settingsFor(document).run === 'onSave') void diagnostics.lint(document);
      // Open files that import this one read it from disk from now on.
      for (const d of diagnostics.readersOf(document.fileName, document.getText()))
        if (d !== document) diagnostics.schedule(d, 0, false);
    }),
    // A module changed on disk (a checkout, another tool): lint the open files that import it again.
    modulesWatcher,
    modulesWatcher.onDidChange((uri) => relintDependents(uri)),
    modulesWatcher.onDidDelete((uri) => relintDependents(uri)),
    modulesWatcher.onDidCreate((uri) => relintDependents(uri)),
    vscode.workspace.onDidCloseTextDocument((document) => {
      // The files that read it may now show what was shown in it (run-scope.ts).
      const readers = isLintable(document) ? diagnostics.readersOf(document.fileName) : [];
      diagnostics.clear(document.uri);
      http.clear(document.uri);
      for (const d of readers) if (d !== document && !d.isClosed) diagnostics.schedule(d, 0, false);
    }),
    // VS Code closes a document's model minutes after its last tab: clear when the last tab goes, and
    // lint again if the document comes back into view.
    vscode.window.tabGroups.onDidChangeTabs((e) => {
      for (const tab of e.closed) {
        const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
        if (uri && !isInTab(uri)) {
          // The files that read it may now show what was shown in it (run-scope.ts).
          const readers = diagnostics.isTracked(uri)
            ? diagnostics.readersOf(uri.scheme === 'file' ? uri.fsPath : uri.path)
            : [];
          diagnostics.clear(uri);
          http.clear(uri);
          for (const d of readers) if (d.uri.toString() !== uri.toString()) diagnostics.schedule(d, 0, false);
        }
      }
    }),
    vscode.window.onDidChangeVisibleTextEditors((editors) => {
      for (const editor of editors) {
        // A TypeScript file in view: start loading the parser now, before its first lint needs it.
        if (editor.document.languageId.startsWith('typescript')) client.warmTypeScript();
        if (!diagnostics.isTracked(editor.document.uri)) lintSoon(editor.document);
      }
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      // The log reads `corsGuard.trace` at each line: a change of it alone changes no finding.
      const keys = Object.keys(vscode.workspace.getConfiguration(SECTION)).filter((k) => k !== 'trace');
      if (!keys.some((key) => e.affectsConfiguration(`${SECTION}.${key}`))) return;
      log.message('settings changed: re-linting open documents');
      for (const document of vscode.workspace.textDocuments) {
        if (!isLintable(document)) continue;
        if (settingsFor(document).enable) void diagnostics.lint(document);
        else diagnostics.clear(document.uri);
      }
    }),
    vscode.languages.registerHoverProvider(selector, new CodeHoverProvider(client, diagnostics)),
    vscode.languages.registerHoverProvider(RAW_HEADER_SELECTOR, new RawHeaderHoverProvider()),
    vscode.commands.registerCommand(EXPLAIN_COMMAND, (uri?: unknown, line?: unknown) =>
      explainHeaders(view, uri instanceof vscode.Uri && typeof line === 'number' ? { uri, line } : undefined),
    ),
    vscode.languages.registerCodeLensProvider(RAW_HEADER_SELECTOR, new HeaderCodeLenses()),
    vscode.commands.registerCommand(HOVER_DETAILS_COMMAND, (uri: unknown, offset: unknown) =>
      showHoverDetails(client, view, uri, offset),
    ),
    vscode.commands.registerCommand(WHY_NO_FIX_COMMAND, async (ruleId: unknown, message: unknown) =>
      typeof ruleId === 'string' && typeof message === 'string'
        ? view.show(`Why no automatic fix`, whyNoFixMarkdown(ruleId, message, await docs.textOf(ruleId)))
        : undefined,
    ),
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => log.channel.show(true)),
    vscode.commands.registerCommand(SHOW_DOCS_COMMAND, (ruleId: unknown) => docs.show(ruleId)),
    vscode.commands.registerCommand(SHOW_DOCS_ONLINE_COMMAND, (ruleId: unknown) => docs.showOnline(ruleId)),
    scanner,
    counts,
    map,
    vscode.commands.registerCommand(SCAN_COMMAND, () => scanner.scanWithProgress()),
    vscode.commands.registerCommand(MAP_COMMANDS.reveal, revealPolicy),
    vscode.commands.registerCommand(MAP_COMMANDS.groupByFile, () => map.setGrouping('file')),
    vscode.commands.registerCommand(MAP_COMMANDS.groupByVerdict, () => map.setGrouping('verdict')),
    vscode.commands.registerCommand(MAP_COMMANDS.groupByPackage, () => map.setGrouping('package')),
    vscode.commands.registerCommand(MAP_COMMANDS.refresh, () => map.refresh()),
    vscode.commands.registerCommand(MAP_COMMANDS.export, (target?: vscode.Uri) => map.exportReport(target)),
    vscode.commands.registerCommand(MAP_COMMANDS.openReport, (uri: vscode.Uri) => map.openReport(uri)),
  );

  log.message(`CORS Guard activated (VS Code ${vscode.version})`);
  for (const document of vscode.workspace.textDocuments) lintSoon(document);
  // The last session's scan, shown at once and brought up to date.
  void scanner.restore();
  return {
    stateOf: (uri) => diagnostics.stateOf(uri),
    onDidLint: diagnostics.onDidChange,
    status: () => status.snapshot(),
    statusBar: () => {
      counts.update();
      return counts.snapshot();
    },
    reloadScan: async () => {
      // As a new window starts: no lint results in memory; the open documents are linted again and the
      // scan comes back from the workspace state.
      diagnostics.clearAll();
      const restored = scanner.restore(true);
      for (const document of vscode.workspace.textDocuments) if (isInTab(document.uri)) lintSoon(document);
      return restored;
    },
    scanWorkspace: (token) => scanner.scan(token),
    mapView: () => map.snapshot(),
    defaultExportUri: () => map.defaultExportUri(),
    revealInMap: (label) => map.revealGroup(label),
    onDidScan: scanner.onDidChange,
    codeActions: (document, _range, list) => codeActions.actionsFor(document, list),
    disableStyle,
    docsUri: (ruleId) => docs.linkOf(ruleId),
    docsFile: (ruleId) => docs.uriOf(ruleId),
    logLines: () => log.lines,
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
