/**
 * "CORS Guard: Scan Workspace": lints every JavaScript and TypeScript file of the workspace folders
 * through the worker (behind any edit of an open document), respecting `files.exclude`, `.gitignore`,
 * `corsGuard.maxFileSize` and the skip rules, and publishes findings for files that are not open. A file
 * watcher keeps them current until the file changes or is deleted; an open document's own lint takes over
 * while it is open. The policies each lint returns feed the CORS map.
 */
import * as vscode from 'vscode';
import { READ_LIMITS } from '../../eslint-plugin/src/analysis/budgets';
import { readText } from '../../eslint-plugin/src/analysis/read-file';
import type { TraceLog } from './log';
import { excludeGlob, GitIgnores, SCAN_EXTENSIONS, SCAN_GLOB } from './core/map';
import type { Finding, PolicyEntry } from './core/protocol';
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
}

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
  }[];
}
/** Saving waits for a pause in result changes (a scan changes hundreds). */
const SAVE_DELAY_MS = 500;

export interface ScanSummary {
  /** Files found after excludes and `.gitignore`. */
  readonly files: number;
  readonly linted: number;
  /** Skipped by size, as minified or generated, or open in the editor (linted there). */
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
      // An open document's own lint takes over; when it is closed, the file on disk is linted again.
      diagnostics.onDidChange((uri) => {
        if (!this.active || uri.scheme !== 'file') return;
        if (diagnostics.isTracked(uri)) this.drop(uri);
        else if (this.results.has(uri.toString()) || this.inAFolder(uri)) this.schedule(uri);
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
    for (const f of saved.files) {
      const uri = vscode.Uri.parse(f.uri);
      if (this.diagnostics.isTracked(uri) || !vscode.workspace.getWorkspaceFolder(uri)) continue;
      this.results.set(f.uri, {
        uri,
        findings: f.findings,
        policies: f.policies,
        mtime: f.mtime,
        ...(f.dependencies ? { dependencies: f.dependencies } : {}),
      });
      this.collection.set(
        uri,
        f.findings.map((x) => toDiagnostic(uri, x, this.diagnostics.docsUri)),
      );
    }
    this.changed.fire();
    this.log.message(`restored the last workspace scan: ${this.results.size} files`);
    await Promise.all(
      [...this.results.values()].map(async (file) => {
        try {
          const stat = await vscode.workspace.fs.stat(file.uri);
          if (stat.mtime !== file.mtime) this.schedule(file.uri);
        } catch {
          this.forget(file.uri);
        }
      }),
    );
    return this.results.size;
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
      })),
    };
    await this.state.update(STATE_KEY, saved);
  }

  /** Scanned files that are not open (open ones are the DiagnosticsManager's). */
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
        progress?.report({ message: `${done} of ${uris.length} files`, increment: 100 / uris.length });
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
      `workspace scan${summary.cancelled ? ' (cancelled)' : ''}: ${summary.files} files, ${linted} linted, ${skipped} skipped, ${failed} failed, ${summary.findings} findings in closed files, ${summary.policies} policies, ${summary.ms} ms`,
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

  /** Lints the file as it is on disk, unless it is open (the editor lints it) or skipped. */
  private async lintFromDisk(uri: vscode.Uri): Promise<'linted' | 'skipped' | 'failed' | 'superseded'> {
    const key = uri.toString();
    if (this.diagnostics.isTracked(uri)) {
      this.drop(uri);
      return 'skipped';
    }
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
    // Opened while it was being linted: the editor's lint is the current one.
    if (this.diagnostics.isTracked(uri)) return 'skipped';
    if (outcome.kind === 'failed') {
      this.log.warn(`scan: lint of ${uri.fsPath} failed: ${outcome.message}`);
      this.forget(uri);
      return 'failed';
    }
    const { findings, policies = [], dependencies } = outcome.result;
    this.results.set(key, { uri, findings, policies, mtime, ...(dependencies ? { dependencies } : {}) });
    this.collection.set(
      uri,
      findings.map((f) => toDiagnostic(uri, f, this.diagnostics.docsUri)),
    );
    this.changed.fire();
    return 'linted';
  }

  private onDiskChange(uri: vscode.Uri, created = false): void {
    if (!this.active) return;
    // Closed files whose lint read this module (a helper, imported options) are linted again.
    const path = uri.scheme === 'file' ? uri.fsPath : uri.path;
    for (const file of this.results.values()) {
      if (file.dependencies?.includes(path) && !this.diagnostics.isTracked(file.uri)) this.schedule(file.uri);
    }
    if (this.diagnostics.isTracked(uri)) return;
    if (created || !this.results.has(uri.toString())) {
      // A new file (or one not scanned before): only if the scan would have listed it.
      void this.wouldScan(uri).then((yes) => yes && this.schedule(uri));
      return;
    }
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

  /** Drops a file's scan result (it is open: the editor's lint shows it). */
  private drop(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    this.collection.delete(uri);
    if (this.results.delete(uri.toString())) this.changed.fire();
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
