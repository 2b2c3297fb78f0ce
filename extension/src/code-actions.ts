/**
 * Quick fixes from lint results: each rule suggestion (the first one preferred), "Disable <rule> for this
 * line", "Show documentation for <rule>", a disabled action explaining why there is no automatic fix, and
 * a `source.fixAll.corsGuard` pass for rules with autofixes. Edits are computed on the linted text and
 * offered only while the document is still at that version; VS Code then refuses to apply them if the
 * user types in between.
 */
import * as vscode from 'vscode';
import { docsUrlOf } from '../../eslint-plugin/src/util/docs-url';
import { disableLineEdit, nonOverlapping } from './core/edits';
import { noFixReason, suggestionTitle } from './core/describe';
import type { Finding, OffsetEdit } from './core/protocol';
import type { DiagnosticsManager } from './diagnostics';
import { SOURCE } from './diagnostics';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('corsGuard');
export const SHOW_DOCS_COMMAND = 'corsGuard.showDocumentation';

export class CorsGuardCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly diagnostics: DiagnosticsManager) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const state = this.diagnostics.stateOf(document.uri);
    // Offsets are valid only for the text they were computed on.
    if (!state || state.version !== document.version) return [];
    const only = context.only;
    if (only && FIX_ALL_KIND.intersects(only) && !vscode.CodeActionKind.QuickFix.intersects(only)) {
      const fixAll = this.fixAll(document, state.findings);
      return fixAll ? [fixAll] : [];
    }
    if (only && !vscode.CodeActionKind.QuickFix.intersects(only)) return [];
    const actions: vscode.CodeAction[] = [];
    const seenRules = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const finding = this.diagnostics.findingOf(document.uri, diagnostic);
      if (!finding) continue;
      finding.suggestions.forEach((s, i) => {
        const action = new vscode.CodeAction(suggestionTitle(s.desc, finding.ruleId), vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.edit = workspaceEdit(document, [s.fix]);
        action.isPreferred = i === 0;
        actions.push(action);
      });
      if (finding.suggestions.length === 0 && !finding.fix) {
        const none = new vscode.CodeAction(`Fix ${finding.ruleId} automatically`, vscode.CodeActionKind.QuickFix);
        none.diagnostics = [diagnostic];
        none.disabled = { reason: noFixReason(finding) };
        actions.push(none);
      }
      const line = diagnostic.range.start.line + 1;
      const disableKey = `${finding.ruleId}:${line}`;
      if (!seenRules.has(disableKey)) {
        seenRules.add(disableKey);
        const disable = new vscode.CodeAction(
          `Disable ${finding.ruleId} for this line`,
          vscode.CodeActionKind.QuickFix,
        );
        disable.diagnostics = [diagnostic];
        disable.edit = workspaceEdit(document, [disableLineEdit(document.getText(), line, finding.ruleId)]);
        actions.push(disable);
      }
      if (!seenRules.has(finding.ruleId)) {
        seenRules.add(finding.ruleId);
        const docs = new vscode.CodeAction(`Show documentation for ${finding.ruleId}`, vscode.CodeActionKind.QuickFix);
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

export function showDocumentation(ruleId: unknown): Thenable<boolean> | undefined {
  if (typeof ruleId !== 'string' || !/^cors-guard\/[a-z-]+$/.test(ruleId)) return undefined;
  return vscode.env.openExternal(vscode.Uri.parse(docsUrlOf(ruleId)));
}
