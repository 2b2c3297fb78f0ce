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
import { PLACEHOLDER_ORIGIN } from '../../eslint-plugin/src/analysis';
import type { DiagnosticsManager } from './diagnostics';
import { moduleUri, SOURCE } from './diagnostics';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('corsGuard');
export const SHOW_DOCS_COMMAND = 'corsGuard.showDocumentation';
export const SHOW_DOCS_ONLINE_COMMAND = 'corsGuard.showDocumentationOnline';
export const WHY_NO_FIX_COMMAND = 'corsGuard.whyNoFix';

/** Picks the comment style for a document (see core/eslint-config.ts). */
export type StylePicker = (document: vscode.TextDocument) => DisableStyle;

/** Lints another module as it is now (its open buffer, else the disk): the findings made in it. */
export type ModuleLinter = (
  uri: vscode.Uri,
  root: vscode.Uri | undefined,
) => Promise<{ text: string; findings: readonly Finding[] } | undefined>;

/** The related location a finding made in another module carries first (see util/related.ts). */
const PROBLEM_HERE = 'The problem is here.';

export class CorsGuardCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly diagnostics: DiagnosticsManager,
    private readonly styleOf: StylePicker,
    private readonly lintModule?: ModuleLinter,
  ) {}

  /**
   * Fixes for findings made in another module (a helper's origin check, reported here at its call): the
   * helper's own suggestions, applied in the helper's file, where the bug is.
   */
  async helperFixes(
    document: vscode.TextDocument,
    diagnostics: readonly vscode.Diagnostic[],
  ): Promise<vscode.CodeAction[]> {
    if (!this.lintModule) return [];
    const out: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const diagnostic of diagnostics) {
      const finding = diagnostic.source === SOURCE ? this.diagnostics.findingOf(document.uri, diagnostic) : undefined;
      const at = finding?.related.find((r) => r.file && r.message === PROBLEM_HERE);
      if (!finding || !at?.file) continue;
      const uri = moduleUri(document.uri, at.file);
      const linted = await this.lintModule(uri, vscode.workspace.getWorkspaceFolder(document.uri)?.uri);
      const there = linted?.findings.find(
        (f) =>
          f.ruleId === finding.ruleId &&
          (f.line < at.line || (f.line === at.line && f.column <= at.column)) &&
          (f.endLine > at.line || (f.endLine === at.line && f.endColumn >= at.column)),
      );
      if (!linted || !there) continue;
      const name = vscode.workspace.asRelativePath(uri, false);
      for (const s of there.suggestions) {
        const key = `${uri.toString()}:${s.fix.range.join(':')}:${s.fix.text}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const action = new vscode.CodeAction(
          `${suggestionTitle(s.desc).replace(/\.$/, '')} (in ${name})`,
          vscode.CodeActionKind.QuickFix,
        );
        action.diagnostics = [diagnostic];
        action.isPreferred = out.length === 0;
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, rangeIn(linted.text, s.fix.range), s.fix.text);
        action.edit = edit;
        out.push(action);
      }
    }
    return out;
  }

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
    const own = this.actionsFor(document, diagnostics, context.only);
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return own;
    const helper = await this.helperFixes(document, diagnostics);
    if (token?.isCancellationRequested) return own;
    return [...helper, ...own];
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
        const placeholder = hasPlaceholder(s.fix);
        const action = new vscode.CodeAction(suggestionTitle(s.desc), vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.edit = placeholder ? snippetEdit(document, s.fix) : workspaceEdit(document, [s.fix]);
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

/** The quote-delimited placeholder an allowlist suggestion writes when no trusted origins are set. */
const PLACEHOLDER = `'${PLACEHOLDER_ORIGIN}'`;

function hasPlaceholder(edit: OffsetEdit): boolean {
  return edit.text.includes(PLACEHOLDER);
}

/**
 * The suggestion as a snippet whose tab stop is the placeholder origin (selected, so typing replaces it):
 * with no `corsGuard.trustedOrigins`, the fix asks for the real origins instead of writing an empty list.
 */
function snippetEdit(document: vscode.TextDocument, edit: OffsetEdit): vscode.WorkspaceEdit {
  const at = edit.text.indexOf(PLACEHOLDER);
  const snippet = new vscode.SnippetString()
    .appendText(edit.text.slice(0, at + 1))
    .appendPlaceholder(PLACEHOLDER_ORIGIN)
    .appendText(edit.text.slice(at + PLACEHOLDER.length - 1));
  const range = new vscode.Range(document.positionAt(edit.range[0]), document.positionAt(edit.range[1]));
  const workspace = new vscode.WorkspaceEdit();
  workspace.set(document.uri, [new vscode.SnippetTextEdit(range, snippet)]);
  return workspace;
}

/** A range of character offsets in a text that is not an open document. */
function rangeIn(text: string, [from, to]: readonly [number, number]): vscode.Range {
  const at = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return new vscode.Position(line, offset - (before.lastIndexOf('\n') + 1));
  };
  return new vscode.Range(at(from), at(to));
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

/**
 * The Markdown the "Why no automatic fix?" action opens, with the rule's bundled documentation below it
 * (`docs`, its own title dropped): the how-to is right there, with no link to a file of the install folder.
 */
export function whyNoFixMarkdown(ruleId: string, message: string, docs: string | undefined): string {
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
    ...(docs
      ? ['---', '', `## How to fix it by hand: the documentation of ${rule}`, '', docs.replace(/^# [^\n]*\n/, '')]
      : [`How to fix it by hand: *Show documentation for ${rule}* in the quick-fix menu.`]),
  ].join('\n');
}
