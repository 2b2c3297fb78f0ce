/** Helpers shared by the VS Code suites: waiting for lints, code actions, hovers, screenshots. */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { CorsGuardApi } from '../../../extension/src/extension';
import { waitingFor } from './harness';

export const EXTENSION_ID = 'cors-guard.cors-guard';
export const SOURCE = 'CORS Guard';

export let api: CorsGuardApi;

export function setApi(a: CorsGuardApi): void {
  api = a;
}

export function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the test workspace folder is open');
  return f.uri;
}

export async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), name));
  return vscode.window.showTextDocument(document, { preview: false });
}

export function findings(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/**
 * Waits until the extension has linted the document's current version (and `until` holds): checked at
 * every lint and diagnostics change. No clock of its own: the test's timeout bounds it, and says what the
 * last state was.
 */
export async function linted(
  document: vscode.TextDocument,
  until: (d: vscode.Diagnostic[]) => boolean = () => true,
  /** Only a lint that started (read text and settings) at or after this time (Date.now()) counts. */
  after = 0,
): Promise<vscode.Diagnostic[]> {
  const seen = () => {
    const state = api.stateOf(document.uri);
    const current = findings(document.uri);
    return `a lint of ${document.fileName} v${document.version} that matches (state: v${state?.version} started ${state ? state.startedAt - after : '-'} ms after, ${state?.findings.map((f) => `${f.ruleId}@${f.line}`).join(', ')}; diagnostics: ${current.map(ruleOf).join(', ') || 'none'}; settings: ${JSON.stringify(vscode.workspace.getConfiguration('corsGuard'))})`;
  };
  const wait = waitingFor(seen);
  try {
    for (;;) {
      const state = api.stateOf(document.uri);
      const current = findings(document.uri);
      if (state && state.version === document.version && state.startedAt >= after && until(current)) return current;
      if (wait.abandoned) throw new Error(`gave up waiting for ${seen()}`);
      await nextChange(api.onDidLint, vscode.languages.onDidChangeDiagnostics);
    }
  } finally {
    wait.done();
  }
}

/**
 * Resolves at the next of `events`, or after `ms` at the latest (a backstop for a state that changes
 * without an event; never a verdict).
 */
export function nextChange(...events: vscode.Event<unknown>[]): Promise<void> {
  return eventOrTimeout(events, 100);
}

/** Resolves at the next `event` (any of them), or after `ms` at the latest. */
export function eventOrTimeout(event: vscode.Event<unknown> | vscode.Event<unknown>[], ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const subs = (Array.isArray(event) ? event : [event]).map((e) => e(finish));
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      subs.forEach((s) => s.dispose());
      resolve();
    }
  });
}

/**
 * Waits for a condition, checked at every `wake` event (default: a lint, a diagnostics change, an edit),
 * with a short backstop poll. No clock of its own: the test's timeout bounds it and names `what`.
 */
export async function until(condition: () => boolean, what: string, wake?: vscode.Event<unknown>): Promise<void> {
  const wait = waitingFor(() => what);
  try {
    while (!condition()) {
      if (wait.abandoned) throw new Error(`gave up waiting for ${what}`);
      await nextChange(
        ...(wake
          ? [wake]
          : [api.onDidLint, vscode.languages.onDidChangeDiagnostics, vscode.workspace.onDidChangeTextDocument]),
      );
    }
  } finally {
    wait.done();
  }
}

/**
 * The quick fixes at `range`, as the light bulb's Ctrl+. lists them. Only the QuickFix kind is asked for:
 * every CORS Guard action is one, and asking for all kinds also waits on the TypeScript server's refactors
 * (`getApplicableRefactors`), which on a loaded machine queue behind its first project load for many seconds.
 */
export async function codeActions(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  // VS Code cancels a code-action request when something changes while it runs (on a loaded machine, the
  // workbench catching up with an earlier edit or setting); the request is then asked again, as the light
  // bulb does. Any other error fails the test.
  for (let attempt = 1; ; attempt++) {
    try {
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        range,
        vscode.CodeActionKind.QuickFix.value,
      );
      return actions.filter(
        (a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'),
      );
    } catch (error) {
      if (attempt >= 5 || !(error instanceof Error) || error.message !== 'Canceled') throw error;
    }
  }
}

export async function revert(editor: vscode.TextEditor): Promise<void> {
  const document = editor.document;
  await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert', document.uri);
  await until(() => !document.isDirty, `the revert of ${document.fileName}`);
  await linted(document);
}

/** Changes a workspace setting; returns the time before the change, for `linted(..., after)`. */
export async function setting(key: string, value: unknown): Promise<number> {
  const before = Date.now();
  await vscode.workspace.getConfiguration('corsGuard').update(key, value, vscode.ConfigurationTarget.Workspace);
  return before;
}

/** CORS Guard's own actions (other extensions add refactorings and snippets). */
export function ours(actions: vscode.CodeAction[]): vscode.CodeAction[] {
  // Quick fixes: the built-in JavaScript/TypeScript features offer refactorings here, not quick fixes.
  return actions.filter((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
}

/** CORS Guard's findings (errors and warnings), without the information diagnostic at a parse error. */
export function problems(uri: vscode.Uri): vscode.Diagnostic[] {
  return findings(uri).filter((d) => d.severity !== vscode.DiagnosticSeverity.Information);
}

/** What the code-server runner measured (it writes JSON next to the screenshot marker). */
export function measured<T>(name: string): T | undefined {
  const done = process.env['CORS_GUARD_SCREENSHOT_DONE'];
  if (!done || !existsSync(`${done}.${name}.json`)) return undefined;
  return JSON.parse(readFileSync(`${done}.${name}.json`, 'utf8')) as T;
}

export async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    position,
  );
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

export function positionOf(document: vscode.TextDocument, needle: string, delta = 1): vscode.Position {
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `${needle} is in ${document.fileName}`);
  return document.positionAt(index + delta);
}

/** Asks the code-server runner for screenshots now, while the extension host still runs. */
export async function screenshot(name: string): Promise<void> {
  const done = process.env['CORS_GUARD_SCREENSHOT_DONE'];
  if (!done) return;
  console.log(`CORS_GUARD_SCREENSHOT ${name}`);
  await until(() => existsSync(`${done}.${name}`), `the ${name} screenshots`);
}
