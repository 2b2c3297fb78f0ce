/**
 * Quick fixes from lint results: each rule suggestion (the first one preferred), "Disable <rule> for this
 * line" and "... for this file" (an ESLint directive only where the file's flat config loads this plugin,
 * else a `cors-guard-ignore` comment, which cannot break anyone's ESLint run), "Why no automatic fix?"
 * (opens the explanation) and "Show documentation", plus a `source.fixAll.corsGuard` pass. Edits are
 * computed on the linted text: a request for a newer version waits (bounded) for the lint in flight.
 */
import * as vscode from 'vscode';
import { noFixReason, plainText, ruleWhy, shortRule, suggestionTitle } from './core/describe';
import { disableFileEdit, disableLineEdit, nonOverlapping, type DisableStyle } from './core/edits';
import type { Finding, OffsetEdit } from './core/protocol';
import type { DiagnosticsManager } from './diagnostics';
import { SOURCE } from './diagnostics';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('corsGuard');
export const SHOW_DOCS_COMMAND = 'corsGuard.showDocumentation';
export const SHOW_DOCS_ONLINE_COMMAND = 'corsGuard.showDocumentationOnline';
export const WHY_NO_FIX_COMMAND = 'corsGuard.whyNoFix';

/** Picks the comment style for a document (see core/eslint-config.ts). */
export type StylePicker = (document: vscode.TextDocument) => DisableStyle;

export class CorsGuardCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly diagnostics: DiagnosticsManager,
    private readonly styleOf: StylePicker,
  ) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token?: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    let diagnostics = context.diagnostics;
    let state = this.diagnostics.stateOf(document.uri);
    if (!state || state.version !== document.version) {
      // Typed a moment ago: wait for the lint of this version (bounded) instead of offering nothing. Ctrl+.
      // starts a scheduled lint at once; the light bulb's automatic requests wait for the typing pause.
      const invoked = context.triggerKind !== vscode.CodeActionTriggerKind.Automatic;
      state = await this.diagnostics.current(document, invoked ? 2000 : 1000, invoked);
      if (!state || token?.isCancellationRequested) return [];
      // The diagnostics VS Code passed are the old ones: use the fresh ones at the same place.
      diagnostics = state.diagnostics.filter((d) => d.range.intersection(range) !== undefined);
    }
    return this.actionsFor(document, diagnostics, context.only);
  }

  /** The actions for diagnostics of the document's current state (synchronous: for tests and the API). */
  actionsFor(
    document: vscode.TextDocument,
    diagnostics: readonly vscode.Diagnostic[],
    only?: vscode.CodeActionKind,
  ): vscode.CodeAction[] {
    const state = this.diagnostics.stateOf(document.uri);
    if (!state || state.version !== document.version) return [];
    if (only && FIX_ALL_KIND.intersects(only) && !vscode.CodeActionKind.QuickFix.intersects(only)) {
      const fixAll = this.fixAll(document, state.findings);
      return fixAll ? [fixAll] : [];
    }
    if (only && !vscode.CodeActionKind.QuickFix.intersects(only)) return [];
    const actions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    let style: DisableStyle | undefined;
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const finding = this.diagnostics.findingOf(document.uri, diagnostic);
      if (!finding) continue;
      const rule = shortRule(finding.ruleId);
      finding.suggestions.forEach((s, i) => {
        const action = new vscode.CodeAction(suggestionTitle(s.desc), vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.edit = workspaceEdit(document, [s.fix]);
        action.isPreferred = i === 0;
        actions.push(action);
      });
      if (finding.suggestions.length === 0 && !finding.fix && !state.kept && !seen.has(`why:${rule}`)) {
        seen.add(`why:${rule}`);
        // An enabled action (VS Code hides disabled ones from the menu) that opens the explanation.
        const why = new vscode.CodeAction(`Why no automatic fix for ${rule}?`, vscode.CodeActionKind.QuickFix);
        why.diagnostics = [diagnostic];
        why.command = { command: WHY_NO_FIX_COMMAND, title: why.title, arguments: [finding.ruleId, finding.message] };
        actions.push(why);
      }
      const upgrade = finding.upgrade;
      if (upgrade && !seen.has(`upgrade:${upgrade.package}`)) {
        seen.add(`upgrade:${upgrade.package}`);
        // A rule cannot edit package.json from a .js file: open it at the dependency instead.
        const open = new vscode.CodeAction(
          `Open package.json at ${upgrade.package} (upgrade to ${upgrade.fixedIn} or later)`,
          vscode.CodeActionKind.QuickFix,
        );
        open.diagnostics = [diagnostic];
        const at = new vscode.Position(upgrade.line - 1, upgrade.column - 1);
        open.command = {
          command: 'vscode.open',
          title: open.title,
          arguments: [vscode.Uri.file(upgrade.manifest), { selection: new vscode.Range(at, at) }],
        };
        actions.push(open);
      }
      style ??= this.styleOf(document);
      const line = diagnostic.range.start.line + 1;
      if (!seen.has(`line:${rule}:${line}`)) {
        seen.add(`line:${rule}:${line}`);
        const disable = new vscode.CodeAction(`Disable ${rule} for this line`, vscode.CodeActionKind.QuickFix);
        disable.diagnostics = [diagnostic];
        disable.edit = workspaceEdit(document, [disableLineEdit(document.getText(), line, finding.ruleId, style)]);
        actions.push(disable);
      }
      if (!seen.has(`file:${rule}`)) {
        seen.add(`file:${rule}`);
        const disableFile = new vscode.CodeAction(`Disable ${rule} for this file`, vscode.CodeActionKind.QuickFix);
        disableFile.diagnostics = [diagnostic];
        disableFile.edit = workspaceEdit(document, [disableFileEdit(document.getText(), finding.ruleId, style)]);
        actions.push(disableFile);
        const docs = new vscode.CodeAction(`Show documentation for ${rule}`, vscode.CodeActionKind.QuickFix);
        docs.command = { command: SHOW_DOCS_COMMAND, title: docs.title, arguments: [finding.ruleId] };
        actions.push(docs);
      }
    }
    return actions;
  }

  private fixAll(document: vscode.TextDocument, findings: readonly Finding[]): vscode.CodeAction | undefined {
    const edits = nonOverlapping(findings.flatMap((f) => (f.fix ? [f.fix] : [])));
    if (edits.length === 0) return undefined;
    const action = new vscode.CodeAction('Fix all auto-fixable CORS Guard problems', FIX_ALL_KIND);
    action.edit = workspaceEdit(document, edits);
    return action;
  }
}

function workspaceEdit(document: vscode.TextDocument, edits: readonly OffsetEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) {
    edit.replace(
      document.uri,
      new vscode.Range(document.positionAt(e.range[0]), document.positionAt(e.range[1])),
      e.text,
    );
  }
  return edit;
}

/** The Markdown the "Why no automatic fix?" action opens (`docs`: the bundled rule documentation). */
export function whyNoFixMarkdown(ruleId: string, message: string, docs: vscode.Uri): string {
  const rule = shortRule(ruleId);
  return [
    `# Why ${rule} has no automatic fix here`,
    '',
    `**The finding:** ${plainText(message)}`,
    '',
    `**Why no fix:** ${noFixReason({ ruleId })}`,
    '',
    `**Why it matters:** ${ruleWhy(ruleId)}`,
    '',
    `How to fix it by hand: [the documentation for ${rule}](${docs.toString()}).`,
  ].join('\n');
}
