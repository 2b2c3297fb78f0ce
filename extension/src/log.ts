/** The CORS Guard log, governed by `corsGuard.trace`: errors always; `messages` adds skips, slow lints and
 * settings changes; `verbose` adds one line per lint. */
import * as vscode from 'vscode';
import type { Trace } from './core/settings';

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  /** Worth a line at `messages` and `verbose`. */
  message(message: string): void;
  /** One per lint or request: only at `verbose`. */
  verbose(message: string): void;
}

export class TraceLog implements Logger, vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('CORS Guard', { log: true });
  /** The last lines written (for tests, through the extension's API). */
  private readonly recent: string[] = [];

  constructor(private readonly trace: () => Trace) {}

  get lines(): readonly string[] {
    return this.recent;
  }

  private record(line: string): void {
    this.recent.push(line);
    if (this.recent.length > 500) this.recent.splice(0, this.recent.length - 500);
  }

  error(message: string): void {
    this.record(`error ${message}`);
    this.channel.error(message);
  }

  warn(message: string): void {
    this.record(`warn ${message}`);
    this.channel.warn(message);
  }

  message(message: string): void {
    if (this.trace() === 'off') return;
    this.record(`info ${message}`);
    this.channel.info(message);
  }

  verbose(message: string): void {
    if (this.trace() !== 'verbose') return;
    this.record(`info ${message}`);
    this.channel.info(message);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
