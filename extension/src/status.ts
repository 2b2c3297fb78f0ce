/** The language status item (findings in this file, last lint, skips and slow lints) and its log. */
import * as vscode from 'vscode';
import { plainText, plural, statusSummary } from './core/describe';
import { isVirtual, LANGUAGES, SLOW_LINT_MS, type DiagnosticsManager } from './diagnostics';

export const SHOW_OUTPUT_COMMAND = 'corsGuard.showOutput';

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('corsGuard.status', [...LANGUAGES]);

  constructor(private readonly diagnostics: DiagnosticsManager) {
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
      item.text = 'CORS Guard';
      item.detail = 'not linted yet';
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
      item.detail = `Syntax error on line ${result.parseError.line}: ${plainText(result.parseError.message)}. ${
        state.kept ? 'Findings are from the last version that parsed.' : 'Checked once the file parses.'
      }`;
      item.severity = vscode.LanguageStatusSeverity.Warning;
      return;
    }
    item.text = statusSummary(state.findings);
    item.detail = `${plural(state.findings.length, 'finding')}; linted at ${at} in ${ms.toFixed(0)} ms`;
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
    this.item.text = `$(shield) CORS $(error) ${errors} $(warning) ${warnings}${when ? ` · scanned ${when}` : ''}`;
    this.item.tooltip = [
      `CORS Guard: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in the workspace`,
      summary
        ? `Last workspace scan: ${new Date(summary.finishedAt).toLocaleString()} (${plural(summary.files, 'file')}${summary.cancelled ? ', cancelled' : ''})`
        : 'No workspace scan yet: run "CORS Guard: Scan Workspace"',
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
