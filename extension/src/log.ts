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

  constructor(private trace: () => Trace) {}

  error(message: string): void {
    this.channel.error(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  message(message: string): void {
    if (this.trace() !== 'off') this.channel.info(message);
  }

  verbose(message: string): void {
    if (this.trace() === 'verbose') this.channel.info(message);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
