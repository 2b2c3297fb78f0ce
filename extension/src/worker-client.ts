/**
 * The host side of the linter worker: one request in flight, a queue holding only the latest request per
 * document ("latest wins"), a watchdog that restarts a worker stuck on one file.
 */
import { Worker } from 'node:worker_threads';
import type {
  HoverRequest,
  HoverResult,
  LintRequest,
  LintResult,
  PolicyEntry,
  WorkerRequest,
  WorkerResponse,
} from './core/protocol';

export type LintOutcome =
  | { readonly kind: 'result'; readonly result: LintResult }
  | { readonly kind: 'superseded' }
  | { readonly kind: 'failed'; readonly message: string };

interface Job {
  readonly key: string;
  readonly request: LintRequest;
  readonly resolve: (outcome: LintOutcome) => void;
}

export interface WorkerClientOptions {
  readonly workerPath: string;
  readonly log: (message: string) => void;
  /** A lint that takes longer than this is abandoned and the worker restarted. */
  readonly timeoutMs?: number;
  /** Where the worker keeps V8's code cache of its bundles (faster cold starts); none: no cache. */
  readonly codeCacheDir?: string;
}

export class LintWorkerClient {
  private worker: Worker | undefined;
  private readonly queue = new Map<string, Job>();
  /** Workspace-scan lints: taken only when no document lint is waiting, so a scan never delays typing. */
  private readonly background = new Map<string, Job>();
  private inFlight: (Job & { timer: NodeJS.Timeout }) | undefined;
  private nextId = 1;
  private disposed = false;
  private warmedTypeScript = false;
  private readonly hovers = new Map<number, { resolve: (h: HoverResult | undefined) => void; timer: NodeJS.Timeout }>();
  private readonly policyAsks = new Map<
    number,
    { resolve: (p: readonly PolicyEntry[] | undefined) => void; timer: NodeJS.Timeout }
  >();

  constructor(private readonly options: WorkerClientOptions) {}

  /** Loads the TypeScript parser ahead of the first TypeScript lint. */
  warmTypeScript(): void {
    if (this.warmedTypeScript) return;
    this.warmedTypeScript = true;
    this.post({ type: 'warm', typescript: true });
  }

  /**
   * Lints `request` for the document `key`. A later call for the same key before this one starts makes
   * this one resolve as `superseded`.
   */
  lint(key: string, request: Omit<LintRequest, 'id'>): Promise<LintOutcome> {
    return new Promise((resolve) => {
      if (this.disposed) return resolve({ kind: 'failed', message: 'disposed' });
      this.queue.get(key)?.resolve({ kind: 'superseded' });
      this.queue.set(key, { key, request: { ...request, id: this.nextId++ }, resolve });
      this.pump();
    });
  }

  /**
   * Lints a file for the workspace scan, after every queued document lint (the worker yields to edits:
   * an edit waits at most for the one scan file in flight).
   */
  lintInBackground(key: string, request: Omit<LintRequest, 'id'>): Promise<LintOutcome> {
    return new Promise((resolve) => {
      if (this.disposed) return resolve({ kind: 'failed', message: 'disposed' });
      this.background.get(key)?.resolve({ kind: 'superseded' });
      this.background.set(key, { key, request: { ...request, id: this.nextId++ }, resolve });
      this.pump();
    });
  }

  /** Drops every queued background lint (a cancelled scan). */
  cancelBackground(): void {
    for (const job of this.background.values()) job.resolve({ kind: 'superseded' });
    this.background.clear();
  }

  /** A hover, answered by the worker after the lint it may be running; `undefined` after 10 s. */
  hover(request: Omit<HoverRequest, 'id'>): Promise<HoverResult | undefined> {
    if (this.disposed) return Promise.resolve(undefined);
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.hovers.delete(id);
        resolve(undefined);
      }, 10_000);
      this.hovers.set(id, { resolve, timer });
      this.post({ type: 'hover', request: { ...request, id } });
    });
  }

  /** A document's CORS policies (for the map), answered after the lint the worker may be running. */
  policies(request: Omit<LintRequest, 'id'>): Promise<readonly PolicyEntry[] | undefined> {
    if (this.disposed) return Promise.resolve(undefined);
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.policyAsks.delete(id);
        resolve(undefined);
      }, 30_000);
      this.policyAsks.set(id, { resolve, timer });
      this.post({ type: 'policies', request: { ...request, id } });
    });
  }

  /** Drops a queued request (the document closed). */
  cancel(key: string): void {
    this.queue.get(key)?.resolve({ kind: 'superseded' });
    this.queue.delete(key);
  }

  dispose(): void {
    this.disposed = true;
    for (const job of this.queue.values()) job.resolve({ kind: 'superseded' });
    this.queue.clear();
    this.cancelBackground();
    for (const p of this.policyAsks.values()) {
      clearTimeout(p.timer);
      p.resolve(undefined);
    }
    this.policyAsks.clear();
    if (this.inFlight) {
      clearTimeout(this.inFlight.timer);
      this.inFlight.resolve({ kind: 'superseded' });
      this.inFlight = undefined;
    }
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.workerPath, {
      workerData: { codeCacheDir: this.options.codeCacheDir },
    });
    worker.on('message', (message: WorkerResponse) => this.onMessage(message));
    worker.on('error', (error) => this.options.log(`linter worker error: ${error.stack ?? error.message}`));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.warmedTypeScript = false;
      if (this.disposed) return;
      this.options.log(`linter worker exited (code ${code}); restarting on the next lint`);
      for (const [id, h] of this.hovers) {
        clearTimeout(h.timer);
        h.resolve(undefined);
        this.hovers.delete(id);
      }
      for (const [id, p] of this.policyAsks) {
        clearTimeout(p.timer);
        p.resolve(undefined);
        this.policyAsks.delete(id);
      }
      this.finishInFlight({ kind: 'failed', message: `the linter worker exited (code ${code})` });
    });
    this.worker = worker;
    return worker;
  }

  private post(message: WorkerRequest): void {
    this.ensureWorker().postMessage(message);
  }

  private pump(): void {
    if (this.inFlight || this.disposed) return;
    const next = this.queue.values().next();
    const fromQueue = !next.done;
    const job = fromQueue ? next.value : this.background.values().next().value;
    if (!job) return;
    (fromQueue ? this.queue : this.background).delete(job.key);
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    const timer = setTimeout(() => {
      this.options.log(`lint of ${job.request.fileName} took over ${timeoutMs} ms; restarting the worker`);
      const stuck = this.worker;
      this.worker = undefined;
      this.warmedTypeScript = false;
      void stuck?.terminate();
      this.finishInFlight({ kind: 'failed', message: `linting took over ${timeoutMs / 1000} s and was stopped` });
    }, timeoutMs);
    this.inFlight = { ...job, timer };
    this.post({ type: 'lint', request: job.request });
  }

  private onMessage(message: WorkerResponse): void {
    if (message.type === 'ready') return;
    if (message.type === 'policies') {
      const pending = this.policyAsks.get(message.id);
      if (!pending) return;
      this.policyAsks.delete(message.id);
      clearTimeout(pending.timer);
      pending.resolve(message.policies ?? undefined);
      return;
    }
    if (message.type === 'hover') {
      const pending = this.hovers.get(message.id);
      if (!pending) return;
      this.hovers.delete(message.id);
      clearTimeout(pending.timer);
      pending.resolve(message.hover ?? undefined);
      return;
    }
    if (!this.inFlight || this.inFlight.request.id !== message.id) return;
    if (message.type === 'result') this.finishInFlight({ kind: 'result', result: message.result });
    else {
      this.options.log(`lint of ${this.inFlight.request.fileName} failed: ${message.message}`);
      this.finishInFlight({ kind: 'failed', message: message.message.split('\n')[0] ?? 'lint failed' });
    }
  }

  private finishInFlight(outcome: LintOutcome): void {
    const job = this.inFlight;
    if (!job) return;
    clearTimeout(job.timer);
    this.inFlight = undefined;
    job.resolve(outcome);
    this.pump();
  }
}
