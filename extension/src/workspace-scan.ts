/**
 * "CORS Guard: Scan Workspace": lints every JavaScript and TypeScript file of the workspace folders as it
 * is on disk, open or not, through the worker (behind any edit of an open document), respecting
 * `files.exclude`, `.gitignore`, `corsGuard.maxFileSize` and the skip rules. Every file's result is kept
 * and saved in the workspace state, so a reload shows all of it at once; an open document's own lint is
 * shown instead of the file's scan result only once that lint has a result. A file watcher lints changed
 * files again; until it has, their result is marked stale (changed on disk since the scan), never shown as
 * current. The policies each lint returns feed the CORS map.
 */
import * as vscode from 'vscode';
import { READ_LIMITS } from '../../eslint-plugin/src/analysis/budgets';
import { readText } from '../../eslint-plugin/src/analysis/read-file';
import type { TraceLog } from './log';
import { excludeGlob, GitIgnores, SCAN_EXTENSIONS, SCAN_GLOB } from './core/map';
import type { Finding, PolicyEntry } from './core/protocol';
import { plural } from './core/describe';
import { lintSettingsOf } from './core/settings';
import { skipReason } from './core/skip';
import { settingsFor } from './config';
import { toDiagnostic, type DiagnosticsManager } from './diagnostics';
import type { LintWorkerClient } from './worker-client';

export const SCAN_COMMAND = 'corsGuard.scanWorkspace';

/** How many files are read ahead of the worker (their text waits in the background queue). */
const READ_AHEAD = 4;
/** A burst of watcher events for one file (save, format on save) becomes one lint. */
const WATCH_DELAY_MS = 150;

export interface ScannedFile {
  readonly uri: vscode.Uri;
  readonly findings: readonly Finding[];
  readonly policies: readonly PolicyEntry[];
  /** The file's modification time when it was linted (a restored result is checked against it). */
  readonly mtime: number;
  /** Other modules its lint read (a helper, imported options): a change there calls for a new lint. */
  readonly dependencies?: readonly string[];
  /**
   * The file (or a module its lint read) changed on disk since this result: it is shown, marked as stale,
   * until the new lint replaces it.
   */
  readonly stale?: boolean;
  /** The lint failed: nothing is known of the file (it is never counted as clean). */
  readonly failed?: string;
}

/** How a file's scan result stands: current, or stale (the file changed on disk since it was linted). */
export type Freshness = 'current' | 'stale';

/** What the workspace state keeps of the last scan, so a reload shows it at once. */
const STATE_KEY = 'corsGuard.scan';
const STATE_VERSION = 1;
interface SavedScan {
  readonly version: number;
  readonly summary: ScanSummary;
  readonly files: readonly {
    uri: string;
    mtime: number;
    findings: readonly Finding[];
    policies: readonly PolicyEntry[];
    dependencies?: readonly string[];
    failed?: string;
  }[];
}
/** Appended to the Problems message of a stale result. */
export const STALE_NOTE = ' (stale: the file changed on disk since the scan; linting it again)';
/** Saving waits for a pause in result changes (a scan changes hundreds). */
const SAVE_DELAY_MS = 500;

export interface ScanSummary {
  /** Files found after excludes and `.gitignore`. */
  readonly files: number;
  readonly linted: number;
  /** Skipped by size, as minified or generated, or disabled there. */
  readonly skipped: number;
  readonly failed: number;
  readonly findings: number;
  readonly policies: number;
  readonly cancelled: boolean;
  readonly ms: number;
  /** When the scan ended (Date.now()). */
  readonly finishedAt: number;
}

const LANGUAGE_OF: Record<string, string> = { ts: 'typescript', tsx: 'typescriptreact', jsx: 'javascriptreact' };

/** The language id of a file not open in the editor, from its extension. */
export function languageOfPath(path: string): string {
  const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? 'js';
  return LANGUAGE_OF[ext] ?? (ext.includes('t') ? 'typescript' : 'javascript');
}

export class WorkspaceScanner implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('cors-guard-workspace');
  private readonly results = new Map<string, ScannedFile>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly ignores = new Map<string, GitIgnores>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a scanned file's result changes (or goes away). */
  readonly onDidChange = this.changed.event;
  /** Whether a scan has run: from then on the watcher keeps closed files current. */
  private active = false;
  private running: Promise<ScanSummary> | undefined;
  private scans = 0;
  private lastSummary: ScanSummary | undefined;

  private saveTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: LintWorkerClient,
    private readonly diagnostics: DiagnosticsManager,
    private readonly log: TraceLog,
    private readonly state?: vscode.Memento,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(SCAN_GLOB);
    this.disposables.push(
      this.changed.event(() => this.saveSoon()),
      watcher,
      watcher.onDidChange((uri) => this.onDiskChange(uri)),
      watcher.onDidCreate((uri) => this.onDiskChange(uri, true)),
      watcher.onDidDelete((uri) => {
        this.forget(uri);
        this.onDiskChange(uri);
      }),
      // Settings change what is reported (preset, rules, trusted origins) and what is scanned: scan again.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (this.active && (e.affectsConfiguration('corsGuard') || e.affectsConfiguration('files.exclude')))
          void this.scanWithProgress();
      }),
      // An open document's own lint is shown once it has a result; when it is closed, the scan result is
      // shown again (linted again if the file changed on disk meanwhile, or was never scanned).
      diagnostics.onDidChange((uri) => {
        if (!this.active || uri.scheme !== 'file') return;
        this.show(uri);
        if (diagnostics.stateOf(uri)) return;
        const file = this.results.get(uri.toString());
        if (file) void this.relintIfChanged(file);
        else if (this.inAFolder(uri)) this.schedule(uri);
      }),
    );
  }

  /**
   * Shows the last session's scan at once (findings and map), then lints again the files that changed on
   * disk since, and forgets those that are gone; from then on the watcher keeps them current.
   */
  async restore(fresh = false): Promise<number> {
    if (fresh) {
      // As a new window starts: nothing in memory, only what the workspace state holds.
      await this.save();
      for (const t of this.timers.values()) clearTimeout(t);
      this.timers.clear();
      for (const key of [...this.results.keys()]) this.forget(vscode.Uri.parse(key), false);
      this.active = false;
      this.lastSummary = undefined;
    }
    const saved = this.state?.get<SavedScan>(STATE_KEY);
    if (!saved || saved.version !== STATE_VERSION || this.active) return 0;
    this.active = true;
    this.lastSummary = saved.summary;
    // Every file of the scan, open or not: an open document's lint is shown instead once it has a result.
    for (const f of saved.files) {
      const uri = vscode.Uri.parse(f.uri);
      if (!vscode.workspace.getWorkspaceFolder(uri)) continue;
      this.results.set(f.uri, {
        uri,
        findings: f.findings,
        policies: f.policies,
        mtime: f.mtime,
        ...(f.dependencies ? { dependencies: f.dependencies } : {}),
        ...(f.failed ? { failed: f.failed } : {}),
      });
      this.show(uri);
    }
    this.changed.fire();
    this.log.message(`restored the last workspace scan: ${plural(this.results.size, 'file')}`);
    // Files changed on disk since (or whose imported modules did) are stale until linted again.
    const changed = new Set<string>();
    await Promise.all(
      [...this.results.values()].map(async (file) => {
        try {
          const stat = await vscode.workspace.fs.stat(file.uri);
          if (stat.mtime !== file.mtime) changed.add(file.uri.scheme === 'file' ? file.uri.fsPath : file.uri.path);
        } catch {
          this.forget(file.uri);
        }
      }),
    );
    const stale = [...this.results.values()].filter(
      (file) =>
        changed.has(file.uri.scheme === 'file' ? file.uri.fsPath : file.uri.path) ||
        file.dependencies?.some((d) => changed.has(d)),
    );
    for (const file of stale) this.markStale(file.uri, false);
    if (stale.length > 0) {
      this.log.message(`restored scan: ${plural(stale.length, 'file')} changed on disk since; linting again`);
      this.changed.fire();
    }
    for (const file of stale) this.schedule(file.uri);
    return this.results.size;
  }

  /** Marks a file's result stale (it changed on disk, or a module it read did) until it is linted again. */
  private markStale(uri: vscode.Uri, notify = true): void {
    const file = this.results.get(uri.toString());
    if (!file || file.stale) return;
    this.results.set(uri.toString(), { ...file, stale: true });
    this.show(uri);
    if (notify) this.changed.fire();
  }

  /** Lints a closed file again when it changed on disk while it was open (or since its result). */
  private async relintIfChanged(file: ScannedFile): Promise<void> {
    try {
      const stat = await vscode.workspace.fs.stat(file.uri);
      if (stat.mtime === file.mtime && !file.stale) return;
      this.markStale(file.uri);
      this.schedule(file.uri);
    } catch {
      this.forget(file.uri);
    }
  }

  /**
   * Shows a file's scan result in the Problems panel, unless the open document's own lint has a result
   * (that is shown instead). A stale result says so in each message.
   */
  private show(uri: vscode.Uri): void {
    const file = this.results.get(uri.toString());
    if (!file || this.diagnostics.stateOf(uri)) {
      this.collection.delete(uri);
      return;
    }
    this.collection.set(
      uri,
      file.findings.map((x) => {
        const d = toDiagnostic(uri, x, this.diagnostics.docsUri);
        if (file.stale) d.message += STALE_NOTE;
        return d;
      }),
    );
  }

  /** How a file stands in the last scan: undefined when it has no scan result. */
  freshnessOf(uri: vscode.Uri): Freshness | undefined {
    const file = this.results.get(uri.toString());
    return file ? (file.stale ? 'stale' : 'current') : undefined;
  }

  /** A file's scan result (open or not). */
  fileOf(uri: vscode.Uri): ScannedFile | undefined {
    return this.results.get(uri.toString());
  }

  private saveSoon(): void {
    if (!this.state || !this.active) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
  }

  /** Writes the current results to the workspace state. */
  async save(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (!this.state || !this.lastSummary) return;
    const saved: SavedScan = {
      version: STATE_VERSION,
      summary: this.lastSummary,
      files: [...this.results.values()].map((f) => ({
        uri: f.uri.toString(),
        mtime: f.mtime,
        findings: f.findings,
        policies: f.policies,
        ...(f.dependencies ? { dependencies: f.dependencies } : {}),
        ...(f.failed ? { failed: f.failed } : {}),
      })),
    };
    await this.state.update(STATE_KEY, saved);
  }

  /**
   * The files whose scan result is current (not stale, not failed), by path: their findings are shown in
   * the Problems panel whether they are open or not. Empty before the first scan.
   */
  currentFiles(): string[] {
    if (!this.lastSummary) return [];
    return [...this.results.values()]
      .filter((f) => !f.stale && !f.failed && f.uri.scheme === 'file')
      .map((f) => f.uri.fsPath);
  }

  /** Every scanned file's result, open or not (an open document's own lint may be newer). */
  files(): readonly ScannedFile[] {
    return [...this.results.values()];
  }

  get summary(): ScanSummary | undefined {
    return this.lastSummary;
  }

  /** Runs a scan with a cancellable progress notification (or joins the one running). */
  scanWithProgress(): Promise<ScanSummary> {
    return (this.running ??= Promise.resolve(
      vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: 'CORS Guard: scanning the workspace',
          cancellable: true,
        },
        (progress, token) => this.scan(token, progress),
      ),
    ).finally(() => (this.running = undefined)));
  }

  async scan(
    token?: vscode.CancellationToken,
    progress?: vscode.Progress<{ message?: string; increment?: number }>,
  ): Promise<ScanSummary> {
    this.scans++;
    try {
      return await this.scanOnce(token, progress);
    } finally {
      this.scans--;
    }
  }

  /** Whether a scan is under way (its results arrive one file at a time). */
  get scanning(): boolean {
    return this.scans > 0;
  }

  private async scanOnce(
    token?: vscode.CancellationToken,
    progress?: vscode.Progress<{ message?: string; increment?: number }>,
  ): Promise<ScanSummary> {
    const started = Date.now();
    this.active = true;
    const cancelled = () => token?.isCancellationRequested === true;
    let uris: vscode.Uri[] = [];
    try {
      uris = await this.listFiles(token);
    } catch (error) {
      if (!cancelled()) throw error;
    }
    if (cancelled()) {
      // Stopped before linting anything: the last scan's results stay as they were.
      this.log.message('workspace scan cancelled while listing files');
      return {
        files: uris.length,
        linted: 0,
        skipped: 0,
        failed: 0,
        findings: 0,
        policies: 0,
        cancelled: true,
        ms: Date.now() - started,
        finishedAt: Date.now(),
      };
    }
    let linted = 0;
    let skipped = 0;
    let failed = 0;
    let done = 0;
    const seen = new Set(uris.map((u) => u.toString()));
    // Files scanned before that are gone from the list (now excluded or ignored) leave the map.
    for (const key of [...this.results.keys()]) if (!seen.has(key)) this.forget(vscode.Uri.parse(key), false);
    const cancelSub = token?.onCancellationRequested(() => this.client.cancelBackground());
    let next = 0;
    const worker = async () => {
      while (next < uris.length && !cancelled()) {
        const uri = uris[next++]!;
        const outcome = await this.lintFromDisk(uri);
        if (outcome === 'linted') linted++;
        else if (outcome === 'failed') failed++;
        else if (outcome === 'skipped') skipped++;
        done++;
        progress?.report({ message: `${done} of ${plural(uris.length, 'file')}`, increment: 100 / uris.length });
      }
    };
    try {
      await Promise.all(Array.from({ length: READ_AHEAD }, worker));
    } finally {
      cancelSub?.dispose();
    }
    const files = this.files();
    const summary: ScanSummary = {
      files: uris.length,
      linted,
      skipped,
      failed,
      findings: files.reduce((n, f) => n + f.findings.length, 0),
      policies: files.reduce((n, f) => n + f.policies.length, 0),
      cancelled: cancelled(),
      ms: Date.now() - started,
      finishedAt: Date.now(),
    };
    this.lastSummary = summary;
    this.log.message(
      `workspace scan${summary.cancelled ? ' (cancelled)' : ''}: ${plural(summary.files, 'file')}, ${linted} linted, ${skipped} skipped, ${failed} failed, ${plural(summary.findings, 'finding')}, ${summary.policies} ${summary.policies === 1 ? 'policy' : 'policies'}, ${summary.ms} ms`,
    );
    this.changed.fire();
    return summary;
  }

  /** The workspace's JavaScript and TypeScript files, after `files.exclude`, node_modules and `.gitignore`. */
  private async listFiles(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
    const out: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (!settingsFor(folder.uri).enable) continue;
      const exclude = excludeGlob(vscode.workspace.getConfiguration('files', folder.uri).get('exclude'));
      const ignores = await this.gitIgnoresOf(folder, token);
      const found = await vscode.workspace.findFiles(
        new vscode.RelativePattern(folder, SCAN_GLOB),
        exclude,
        undefined,
        token,
      );
      for (const uri of found) {
        if (!ignores.ignores(relativeIn(folder, uri))) out.push(uri);
      }
    }
    return out.sort((a, b) => a.toString().localeCompare(b.toString()));
  }

  private async gitIgnoresOf(folder: vscode.WorkspaceFolder, token?: vscode.CancellationToken): Promise<GitIgnores> {
    const ignores = new GitIgnores();
    const files = await vscode.workspace.findFiles(
      new vscode.RelativePattern(folder, '**/.gitignore'),
      '**/node_modules/**',
      undefined,
      token,
    );
    for (const file of files) {
      try {
        const text = await readWorkspaceFile(file, READ_LIMITS.configBytes);
        if (text === undefined) continue;
        const rel = relativeIn(folder, file);
        ignores.add(rel.slice(0, Math.max(0, rel.lastIndexOf('/'))), text);
      } catch {
        // unreadable: ignored
      }
    }
    this.ignores.set(folder.uri.toString(), ignores);
    return ignores;
  }

  /**
   * Lints the file as it is on disk, open or not: the result is kept (and saved) for the file, and shown
   * while no open document's own lint has a result.
   */
  private async lintFromDisk(uri: vscode.Uri): Promise<'linted' | 'skipped' | 'failed' | 'superseded'> {
    const key = uri.toString();
    const settings = settingsFor(uri);
    if (!settings.enable) {
      this.forget(uri);
      return 'skipped';
    }
    let text: string;
    let mtime = 0;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      mtime = stat.mtime;
      const read = stat.size > settings.maxFileSize ? undefined : await readWorkspaceFile(uri, settings.maxFileSize);
      if (read === undefined) {
        this.forget(uri);
        return 'skipped';
      }
      text = read;
    } catch {
      this.forget(uri);
      return 'failed';
    }
    if (skipReason(uri.path, text, settings.maxFileSize)) {
      this.forget(uri);
      return 'skipped';
    }
    const ext = /\.([^./]+)$/.exec(uri.path)?.[1]?.toLowerCase() ?? 'js';
    // The workspace folder is the project root, as for an open document's lint: imported modules (a
    // helper in ../lib) are resolved within it, not only beside the file.
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const outcome = await this.client.lintInBackground(key, {
      fileName: uri.fsPath || uri.path,
      languageId: languageOfPath(`x.${ext}`),
      text,
      settings: lintSettingsOf(settings),
      withPolicies: true,
      ...(folder ? { root: uri.scheme === 'file' ? folder.uri.fsPath : folder.uri.path } : {}),
    });
    if (outcome.kind === 'superseded') return 'superseded';
    if (outcome.kind === 'failed') {
      this.log.warn(`scan: lint of ${uri.fsPath} failed: ${outcome.message}`);
      // Kept as "not analysed": a file whose lint failed never reads as clean.
      this.results.set(key, { uri, findings: [], policies: [], mtime, failed: outcome.message });
      this.show(uri);
      this.changed.fire();
      return 'failed';
    }
    const { findings, policies = [], dependencies } = outcome.result;
    this.results.set(key, { uri, findings, policies, mtime, ...(dependencies ? { dependencies } : {}) });
    this.show(uri);
    this.changed.fire();
    return 'linted';
  }

  private onDiskChange(uri: vscode.Uri, created = false): void {
    if (!this.active) return;
    // Closed files whose lint read this module (a helper, imported options) are linted again.
    // Open ones too: their scan result is what the next window shows.
    const path = uri.scheme === 'file' ? uri.fsPath : uri.path;
    for (const file of [...this.results.values()]) {
      if (!file.dependencies?.includes(path)) continue;
      this.markStale(file.uri);
      this.schedule(file.uri);
    }
    if (created || !this.results.has(uri.toString())) {
      // A new file (or one not scanned before): only if the scan would have listed it.
      void this.wouldScan(uri).then((yes) => yes && this.schedule(uri));
      return;
    }
    this.markStale(uri);
    this.schedule(uri);
  }

  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.wouldScan(uri).then(async (yes) => {
          if (yes) await this.lintFromDisk(uri);
          else this.forget(uri);
        });
      }, WATCH_DELAY_MS),
    );
  }

  /** Whether a scan would list this file (folder, extension, excludes, `.gitignore`). */
  private async wouldScan(uri: vscode.Uri): Promise<boolean> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || !(SCAN_EXTENSIONS as readonly string[]).includes(/\.([^./]+)$/.exec(uri.path)?.[1] ?? ''))
      return false;
    const rel = relativeIn(folder, uri);
    if (this.ignores.get(folder.uri.toString())?.ignores(rel)) return false;
    const exclude = excludeGlob(vscode.workspace.getConfiguration('files', folder.uri).get('exclude'));
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, rel), exclude, 1);
    return found.length > 0;
  }

  private inAFolder(uri: vscode.Uri): boolean {
    return vscode.workspace.getWorkspaceFolder(uri) !== undefined;
  }

  /** Forgets a file (deleted, excluded, skipped). */
  private forget(uri: vscode.Uri, notify = true): void {
    this.collection.delete(uri);
    if (this.results.delete(uri.toString()) && notify) this.changed.fire();
  }

  dispose(): void {
    if (this.saveTimer) void this.save();
    for (const t of this.timers.values()) clearTimeout(t);
    this.client.cancelBackground();
    this.collection.dispose();
    this.changed.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** A path relative to the workspace folder, with `/`. */
export function relativeIn(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path;
}

/**
 * A workspace file's text, read as every project file is: on disk, a regular file inside its workspace
 * folder under `maxBytes` (never a FIFO, a device, a socket or a link leaving the folder: see
 * `read-file.ts`); elsewhere (a virtual workspace), a file whose stat says it is one, under `maxBytes`.
 * Undefined when the file is skipped.
 */
export async function readWorkspaceFile(uri: vscode.Uri, maxBytes: number): Promise<string | undefined> {
  if (uri.scheme === 'file') {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return readText(uri.fsPath, { maxBytes, ...(folder?.uri.scheme === 'file' ? { root: folder.uri.fsPath } : {}) });
  }
  const stat = await vscode.workspace.fs.stat(uri);
  if ((stat.type & vscode.FileType.File) === 0 || stat.size > maxBytes) return undefined;
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}
