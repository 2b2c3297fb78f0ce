/**
 * Documents -> lint requests (debounced, latest wins) -> diagnostics with related information.
 * Keeps each document's last result (and the version it was computed on) for quick fixes and the status.
 */
import * as vscode from 'vscode';
import { spanOf, type Span } from './core/edits';
import { keep, keptAsFindings, shiftKept, typingDelay, type KeptFinding } from './core/keep';
import { plainText, plural } from './core/describe';
import type { Finding, LintResult } from './core/protocol';
import { lintSettingsOf } from './core/settings';
import { skipReason, type SkipReason } from './core/skip';
import { settingsFor } from './config';
import type { Logger } from './log';
import { mayName, namesOf, specifiersIn } from '../../eslint-plugin/src/analysis/values/specifiers';
import type { LintOutcome, LintWorkerClient } from './worker-client';

export const SOURCE = 'CORS Guard';
export const LANGUAGES: readonly string[] = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'];
/** Views of other things that happen to have a JavaScript language id. */
const IGNORED_SCHEMES: ReadonlySet<string> = new Set(['git', 'output', 'vscode-scm', 'gitlens', 'conflictResolution']);
/** A lint slower than this is flagged in the status item. */
export const SLOW_LINT_MS = 500;

export interface FileState {
  readonly uri: vscode.Uri;
  readonly version: number;
  readonly findings: readonly Finding[];
  readonly diagnostics: readonly vscode.Diagnostic[];
  readonly result?: LintResult;
  readonly skipped?: SkipReason;
  /** The findings shown are the last good ones, moved with the edits: this version does not parse. */
  readonly kept?: boolean;
  readonly failed?: string;
  /** When the lint read the text and settings (Date.now()). */
  readonly startedAt: number;
  /** From the edit (or open) to diagnostics shown, in ms. */
  readonly latencyMs: number;
  readonly finishedAt: Date;
}

export function isLintable(document: vscode.TextDocument): boolean {
  return LANGUAGES.includes(document.languageId) && !IGNORED_SCHEMES.has(document.uri.scheme);
}

export function toRange(span: Span): vscode.Range {
  return new vscode.Range(span.start.line, span.start.character, span.end.line, span.end.character);
}

/** Where a rule's documentation opens: the copy bundled with the extension (offline). */
export type DocsUri = (ruleId: string) => vscode.Uri;

export function toDiagnostic(uri: vscode.Uri, f: Finding, docsUri: DocsUri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(
    toRange(spanOf(f)),
    plainText(f.message),
    f.severity === 2 ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  d.source = SOURCE;
  d.code = { value: f.ruleId, target: docsUri(f.ruleId) };
  if (f.related.length > 0) {
    d.relatedInformation = f.related.map(
      (r) =>
        new vscode.DiagnosticRelatedInformation(
          new vscode.Location(r.file ? moduleUri(uri, r.file) : uri, toRange(spanOf(r))),
          plainText(r.message),
        ),
    );
  }
  return d;
}

/** The URI of another module, in the same file system as the linted document. */
export function moduleUri(document: vscode.Uri, file: string): vscode.Uri {
  return document.scheme === 'file' ? vscode.Uri.file(file) : document.with({ path: file });
}

/** A workspace whose files can't be read from disk: imports are resolved among open documents only. */
export function isVirtual(uri: vscode.Uri): boolean {
  return uri.scheme !== 'file' && uri.scheme !== 'untitled';
}

/** Other open JavaScript/TypeScript documents the analysis should read instead of the disk. */
function buffersFor(
  document: vscode.TextDocument,
  virtual: boolean,
): { fileName: string; text: string; version: number }[] {
  const out: { fileName: string; text: string; version: number }[] = [];
  for (const d of vscode.workspace.textDocuments) {
    if (d === document || !LANGUAGES.includes(d.languageId)) continue;
    if (virtual ? d.uri.scheme === document.uri.scheme : d.isDirty && d.uri.scheme === 'file') {
      out.push({ fileName: d.fileName, text: d.getText(), version: d.version });
    }
  }
  return out;
}

export class DiagnosticsManager implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('cors-guard');
  private readonly states = new Map<string, FileState>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Lints in progress, by document (a count: an in-flight lint and a newer queued one may overlap). */
  private readonly linting = new Map<string, number>();
  /** Bumped by `clear()`: a lint that started before a clear does not publish. */
  private readonly generations = new Map<string, number>();
  /** The last findings of a version that parsed, moved with every edit since. */
  private readonly kept = new Map<string, KeptFinding[]>();
  /** The last lint time of each document that was not a cold start (what the next lint will cost). */
  private readonly warmLintMs = new Map<string, number>();
  /** Lints waiting for a code-action request (resolved when the document's state changes). */
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Other modules each document's last lint read, by document. */
  private readonly dependencies = new Map<string, ReadonlySet<string>>();
  /** Whether files changed on disk since the last lint request (`forgetModules`). */
  private modulesChanged = false;
  /** Import specifiers of open documents, by document and version (`readersOf`). */
  private readonly specifiers = new Map<string, { readonly version: number; readonly list: readonly string[] }>();
  /** Fires when a document's result (or skip) changes. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly client: LintWorkerClient,
    private readonly log: Logger,
    readonly docsUri: DocsUri,
  ) {}

  /** Moves the kept findings with a change event (call for every change of a tracked document). */
  onChange(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const kept = this.kept.get(key);
    if (kept && e.contentChanges.length > 0) this.kept.set(key, shiftKept(kept, e.contentChanges));
  }

  /** Whether a lint of the document is scheduled or running. */
  isPending(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return this.linting.has(key) || this.timers.has(key);
  }

  /**
   * The state for the document's current version: starts a scheduled lint at once (`flush`) and waits for
   * it, at most `timeoutMs` (a quick-fix request right after a keystroke gets the fresh findings).
   */
  async current(document: vscode.TextDocument, timeoutMs = 2000, flush = true): Promise<FileState | undefined> {
    const key = document.uri.toString();
    const fresh = () => {
      const s = this.states.get(key);
      return s && s.version === document.version ? s : undefined;
    };
    if (fresh() || !isLintable(document)) return fresh();
    if (this.timers.has(key) && flush) {
      clearTimeout(this.timers.get(key));
      this.timers.delete(key);
      void this.lint(document);
    } else if (!this.linting.has(key) && !this.timers.has(key)) {
      // Nothing pending (e.g. `corsGuard.run` is `onSave`): the old findings no longer apply.
      return undefined;
    }
    const deadline = Date.now() + timeoutMs;
    while (!fresh() && Date.now() < deadline && !document.isClosed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.max(deadline - Date.now(), 0));
        let set = this.waiters.get(key);
        if (!set) this.waiters.set(key, (set = new Set()));
        set.add(done);
        function done() {
          clearTimeout(timer);
          set!.delete(done);
          resolve();
        }
      });
    }
    return fresh();
  }

  stateOf(uri: vscode.Uri): FileState | undefined {
    return this.states.get(uri.toString());
  }

  /** Whether the document has a result or a lint under way. */
  isTracked(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return this.states.has(key) || this.linting.has(key) || this.timers.has(key);
  }

  /** The finding behind a diagnostic VS Code hands back (a copy: matched by rule, range and message). */
  findingOf(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Finding | undefined {
    const state = this.stateOf(uri);
    if (!state || diagnostic.source !== SOURCE) return undefined;
    const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    return state.findings.find(
      (f, i) =>
        f.ruleId === code &&
        plainText(f.message) === diagnostic.message &&
        state.diagnostics[i]!.range.isEqual(diagnostic.range),
    );
  }

  /**
   * Open documents whose last lint read `fileName` (an imported module): a change there calls for a new
   * lint of them.
   */
  dependentsOf(fileName: string): vscode.TextDocument[] {
    const out: vscode.TextDocument[] = [];
    for (const document of vscode.workspace.textDocuments) {
      if (this.dependencies.get(document.uri.toString())?.has(fileName)) out.push(document);
    }
    return out;
  }

  /**
   * Open documents whose findings may change with `fileName` (whose text is `text`, when known): those whose
   * last lint read it, those that import a file of its name (it may have been missing, or be new), and
   * those it imports (a new importer changes what a helper there is judged on). Names are matched without
   * resolving: a document too many costs one lint.
   */
  readersOf(fileName: string, text?: string): vscode.TextDocument[] {
    const out = new Set(this.dependentsOf(fileName));
    const names = namesOf(fileName);
    const imported = text === undefined ? [] : specifiersIn(text);
    for (const document of vscode.workspace.textDocuments) {
      if (document.fileName === fileName || out.has(document) || !this.isTracked(document.uri)) continue;
      const own = namesOf(document.fileName);
      if (imported.some((s) => mayName(s, own) && !s.startsWith('#'))) out.add(document);
      else if (this.specifiersOf(document).some((s) => !s.startsWith('#') && mayName(s, names))) out.add(document);
    }
    return [...out];
  }

  /** Files changed, appeared or went on disk: the next lint reads them afresh (the worker's cache forgets). */
  forgetModules(): void {
    this.modulesChanged = true;
  }

  /**
   * The other documents whose findings are shown (tracked: open in a tab, or being linted): where a finding
   * of two files goes (run-scope.ts). A closed tab's document may stay in `textDocuments` for minutes.
   */
  private shownFiles(document: vscode.TextDocument): string[] {
    const open = vscode.workspace.textDocuments
      .filter((d) => d !== document && d.uri.scheme === document.uri.scheme && this.isTracked(d.uri))
      .map((d) => d.fileName);
    if (document.uri.scheme !== 'file') return open;
    // Files whose current scan result is shown in the Problems panel (workspace-scan.ts) show their own
    // findings: a helper's defect stays there, once, and the open caller adds no second diagnostic.
    const scanned = this.scannedFiles().filter((f) => f !== document.fileName);
    return scanned.length > 0 ? [...new Set([...open, ...scanned])] : open;
  }

  /**
   * The files of the last workspace scan whose result is current (set by the scanner; none without a
   * scan, and then a file shows what its closed modules hold, issue 37).
   */
  scannedFiles: () => readonly string[] = () => [];

  /** A document's import specifiers, read once per version. */
  private specifiersOf(document: vscode.TextDocument): readonly string[] {
    const key = document.uri.toString();
    const hit = this.specifiers.get(key);
    if (hit?.version === document.version) return hit.list;
    const list = specifiersIn(document.getText());
    this.specifiers.set(key, { version: document.version, list });
    return list;
  }

  /**
   * Lints after a pause in typing: longer for files whose last lint was slow (see `typingDelay`). Open
   * documents whose findings may change with this one follow (`readersOf`).
   */
  schedule(document: vscode.TextDocument, delayMs?: number, dependents = true): void {
    if (dependents) {
      for (const d of this.readersOf(document.fileName, document.getText())) {
        if (d !== document) this.schedule(d, delayMs === undefined ? undefined : delayMs * 2, false);
      }
    }
    if (!isLintable(document)) return;
    const key = document.uri.toString();
    delayMs ??= typingDelay(this.warmLintMs.get(key));
    clearTimeout(this.timers.get(key));
    const requested = performance.now();
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.lint(document, requested);
      }, delayMs),
    );
  }

  async lint(document: vscode.TextDocument, requestedAt = performance.now()): Promise<void> {
    if (!isLintable(document) || document.isClosed) return;
    const startedAt = Date.now();
    const settings = settingsFor(document);
    const key = document.uri.toString();
    if (!settings.enable) return this.clear(document.uri);
    const version = document.version;
    const text = document.getText();
    const skipped = skipReason(document.fileName, text, settings.maxFileSize);
    if (skipped) {
      this.log.message(`skipped ${document.uri.fsPath || key}: ${skipped.detail}`);
      return this.publish({
        uri: document.uri,
        version,
        findings: [],
        diagnostics: [],
        skipped,
        startedAt,
        latencyMs: 0,
        finishedAt: new Date(),
      });
    }
    const generation = this.generations.get(key) ?? 0;
    this.linting.set(key, (this.linting.get(key) ?? 0) + 1);
    let outcome: LintOutcome;
    try {
      const virtual = isVirtual(document.uri);
      const folder = vscode.workspace.getWorkspaceFolder(document.uri);
      const modulesChanged = this.modulesChanged;
      this.modulesChanged = false;
      outcome = await this.client.lint(key, {
        ...(modulesChanged ? { modulesChanged } : {}),
        shown: this.shownFiles(document),
        fileName: document.fileName,
        languageId: document.languageId,
        text,
        settings: lintSettingsOf(settings),
        buffers: buffersFor(document, virtual),
        ...(folder ? { root: virtual ? folder.uri.path : folder.uri.fsPath } : {}),
        ...(virtual ? { virtual } : {}),
      });
    } finally {
      const left = (this.linting.get(key) ?? 1) - 1;
      if (left > 0) this.linting.set(key, left);
      else this.linting.delete(key);
    }
    // Latest wins: a result for text that has changed since is dropped (a newer lint is scheduled), and
    // so is one for a document cleared meanwhile (closed, or CORS Guard disabled).
    if (outcome.kind === 'superseded' || document.isClosed || document.version !== version) return;
    if ((this.generations.get(key) ?? 0) !== generation) return;
    const latencyMs = performance.now() - requestedAt;
    if (outcome.kind === 'failed') {
      this.log.error(`lint of ${document.fileName} failed: ${outcome.message}`);
      return this.publish({
        uri: document.uri,
        version,
        findings: [],
        diagnostics: [],
        failed: outcome.message,
        startedAt,
        latencyMs,
        finishedAt: new Date(),
      });
    }
    const { result } = outcome;
    this.dependencies.set(key, new Set(result.dependencies ?? []));
    if (!result.cold) this.warmLintMs.set(key, result.durationMs);
    let findings = result.findings;
    let kept = false;
    if (result.parseError) {
      // Keep the last good findings (moved with the edits since) rather than blanking the file.
      findings = keptAsFindings(text, this.kept.get(key) ?? []);
      kept = findings.length > 0;
    } else {
      this.kept.set(key, keep(text, result.findings));
    }
    // No diagnostic of our own at a syntax error: the JavaScript/TypeScript language features already
    // mark it, and a second squiggle would say the same thing. The status items say why the findings are
    // old (or missing).
    const diagnostics = findings.map((f) => toDiagnostic(document.uri, f, this.docsUri));
    this.log.verbose(
      `linted ${document.uri.fsPath || key} v${version} (${result.parser}) in ${result.durationMs.toFixed(0)} ms, shown after ${latencyMs.toFixed(0)} ms: ${plural(findings.length, 'finding')}${result.parseError ? ` (kept from the last version that parsed; parse error: ${result.parseError.message})` : ''}`,
    );
    if (result.durationMs > SLOW_LINT_MS) {
      this.log.message(`slow lint: ${document.uri.fsPath || key} took ${result.durationMs.toFixed(0)} ms`);
    }
    this.publish({
      uri: document.uri,
      version,
      findings,
      diagnostics,
      result,
      ...(kept ? { kept } : {}),
      startedAt,
      latencyMs,
      finishedAt: new Date(),
    });
  }

  clear(uri: vscode.Uri): void {
    const key = uri.toString();
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.client.cancel(key);
    this.collection.delete(uri);
    this.dependencies.delete(key);
    this.specifiers.delete(key);
    this.kept.delete(key);
    this.warmLintMs.delete(key);
    if (this.states.delete(key)) this.changed.fire(uri);
    this.wake(key);
  }

  clearAll(): void {
    for (const state of [...this.states.values()]) this.clear(state.uri);
    this.collection.clear();
  }

  private publish(state: FileState): void {
    this.states.set(state.uri.toString(), state);
    this.collection.set(state.uri, [...state.diagnostics]);
    this.changed.fire(state.uri);
    this.wake(state.uri.toString());
  }

  private wake(key: string): void {
    for (const done of [...(this.waiters.get(key) ?? [])]) done();
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.collection.dispose();
    this.changed.dispose();
  }
}
