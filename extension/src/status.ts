/** The language status item (findings in this file, last lint, skips and slow lints) and its log. */
import * as vscode from 'vscode';
import { plainText, plural, statusSummary } from './core/describe';
import { sentence } from '../../eslint-plugin/src/util/wording';
import type { Finding } from './core/protocol';
import { isVirtual, LANGUAGES, SLOW_LINT_MS, type DiagnosticsManager } from './diagnostics';

export const SHOW_OUTPUT_COMMAND = 'corsGuard.showOutput';

/** A file's result in the last workspace scan, as the status items read it. */
export interface ScannedResult {
  readonly findings: readonly Pick<Finding, 'severity'>[];
  readonly stale?: boolean;
  readonly failed?: string;
}

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('corsGuard.status', [...LANGUAGES]);

  constructor(
    private readonly diagnostics: DiagnosticsManager,
    /** The file's result in the last workspace scan (shown until the document's own lint has one). */
    private readonly scanned: (uri: vscode.Uri) => ScannedResult | undefined = () => undefined,
  ) {
    this.item.name = 'CORS Guard';
    this.item.command = { command: SHOW_OUTPUT_COMMAND, title: 'Show log' };
    this.update();
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const state = document ? this.diagnostics.stateOf(document.uri) : undefined;
    const item = this.item;
    item.severity = vscode.LanguageStatusSeverity.Information;
    item.busy = false;
    if (!state) {
      const file = document ? this.scanned(document.uri) : undefined;
      if (!document || !file) {
        item.text = 'CORS Guard: not linted yet';
        item.detail = document && this.diagnostics.isPending(document.uri) ? 'Linting…' : 'Not linted yet';
        item.busy = document ? this.diagnostics.isPending(document.uri) : false;
        return;
      }
      // The workspace scan's result, until the editor's own lint has one.
      if (file.failed) {
        item.text = 'CORS Guard: not analysed';
        item.detail = `The workspace scan could not lint this file: ${file.failed}`;
        item.severity = vscode.LanguageStatusSeverity.Error;
        return;
      }
      item.text = `${statusSummary(file.findings)} (from the scan)`;
      item.detail = file.stale
        ? 'Stale: the file changed on disk since the workspace scan; linting it again'
        : 'From the workspace scan; the editor has not linted this document yet';
      item.severity = file.stale ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
      item.busy = this.diagnostics.isPending(document.uri);
      return;
    }
    const at = state.finishedAt.toLocaleTimeString();
    if (state.skipped) {
      item.text = 'CORS Guard: skipped';
      item.detail = `Not linted: ${state.skipped.detail}`;
      item.severity = vscode.LanguageStatusSeverity.Warning;
      return;
    }
    if (state.failed) {
      item.text = 'CORS Guard: failed';
      item.detail = `Lint failed at ${at}: ${state.failed}`;
      item.severity = vscode.LanguageStatusSeverity.Error;
      return;
    }
    const result = state.result;
    const ms = result ? result.durationMs : 0;
    if (result?.parseError) {
      // The findings shown (if any) are the last good ones, moved with the edits.
      item.text = state.kept ? `${statusSummary(state.findings)} (last parse)` : 'CORS Guard: syntax error';
      item.detail = `Syntax error on line ${result.parseError.line}: ${sentence(plainText(result.parseError.message))} ${
        state.kept ? 'Findings are from the last version that parsed.' : 'Checked once the file parses.'
      }`;
      item.severity = vscode.LanguageStatusSeverity.Warning;
      return;
    }
    item.text = statusSummary(state.findings);
    item.detail = `${plural(state.findings.length, 'finding')}; linted at ${at} in ${ms.toFixed(0)} ms`;
    if (document && document.version !== state.version) {
      // Edited since: the findings are of an earlier version (a lint is due, or runs on save only).
      item.text += ' (not linted since this change)';
      item.detail += this.diagnostics.isPending(document.uri)
        ? '; linting the latest change…'
        : '; not linted since the last change (corsGuard.run lints on save)';
      if (!this.diagnostics.isPending(document.uri)) item.severity = vscode.LanguageStatusSeverity.Warning;
    }
    if (isVirtual(state.uri)) {
      item.detail += '; imports resolved among open files only (this workspace has no disk to read)';
    } else if (result?.dependencies?.length) {
      item.detail += `; followed ${plural(result.dependencies.length, 'imported module')}`;
    }
    if (ms > SLOW_LINT_MS) {
      item.detail += ` (slow: over ${SLOW_LINT_MS} ms)`;
      item.severity = vscode.LanguageStatusSeverity.Warning;
    }
  }

  /** What the item shows now (for tests: the API has no way to read a language status item). */
  snapshot(): { text: string; detail: string | undefined; severity: 'information' | 'warning' | 'error' } {
    const severity =
      this.item.severity === vscode.LanguageStatusSeverity.Error
        ? 'error'
        : this.item.severity === vscode.LanguageStatusSeverity.Warning
          ? 'warning'
          : 'information';
    return { text: this.item.text, detail: this.item.detail, severity };
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** What the status bar item needs of the workspace scan. */
export interface ScanInfo {
  readonly summary: { readonly finishedAt: number; readonly files: number; readonly cancelled: boolean } | undefined;
  readonly onDidChange: vscode.Event<void>;
  /** Every file's scan result. */
  files(): readonly { readonly stale?: boolean; readonly failed?: string }[];
}

export const MAP_FOCUS_COMMAND = 'corsGuard.map.focus';

/**
 * The status bar item: CORS Guard's errors and warnings in the workspace (open files and the last scan)
 * and when the last scan ran; a click opens the CORS Map.
 */
export class CountsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('corsGuard.counts', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: string,
    private readonly scan: ScanInfo,
  ) {
    this.item.name = 'CORS Guard';
    this.item.command = { command: MAP_FOCUS_COMMAND, title: 'Show the CORS Map' };
    this.disposables.push(
      this.item,
      vscode.languages.onDidChangeDiagnostics(() => this.updateSoon()),
      scan.onDidChange(() => this.updateSoon()),
    );
    this.update();
    this.item.show();
  }

  private updateSoon(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, 100);
  }

  update(): void {
    let errors = 0;
    let warnings = 0;
    for (const [, list] of vscode.languages.getDiagnostics()) {
      for (const d of list) {
        if (d.source !== this.source) continue;
        if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
        else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
      }
    }
    const summary = this.scan.summary;
    const when = summary
      ? new Date(summary.finishedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
      : undefined;
    const files = this.scan.files();
    const stale = files.filter((f) => f.stale).length;
    const failed = files.filter((f) => f.failed).length;
    // Zero counts are an all-clear only for what was linted: say what was not.
    const scope = !summary ? ' · open files only' : ` · ${summary.cancelled ? 'scan cancelled' : 'scanned'} ${when}`;
    this.item.text = `$(shield) CORS $(error) ${errors} $(warning) ${warnings}${scope}${
      stale > 0 ? ` · $(history) ${stale} stale` : ''
    }${failed > 0 ? ` · ${failed} not analysed` : ''}`;
    this.item.tooltip = [
      `CORS Guard: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${summary ? 'the workspace' : 'the open files'}`,
      summary
        ? `Last workspace scan: ${new Date(summary.finishedAt).toLocaleString()} (${plural(summary.files, 'file')}${summary.cancelled ? ', cancelled: some files were not linted' : ''})`
        : 'No workspace scan yet: files that are not open have not been linted. Run "CORS Guard: Scan Workspace"',
      ...(stale > 0 ? [`${plural(stale, 'file')} changed on disk since the scan: stale until linted again`] : []),
      ...(failed > 0 ? [`${plural(failed, 'file')} could not be analysed`] : []),
      'Click to open the CORS Map',
    ].join('\n');
  }

  /** What the item shows (for tests). */
  snapshot(): { text: string; tooltip: string } {
    return { text: this.item.text, tooltip: typeof this.item.tooltip === 'string' ? this.item.tooltip : '' };
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
