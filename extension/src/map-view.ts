/**
 * The CORS Map view (Explorer): every policy of the open documents and of the scanned workspace, grouped
 * by file or by verdict; each node says who gets in and whether cookies go along, carries the verdict's
 * icon and the same simulated responses as the code hover, and opens its site on a click. "Export report"
 * writes the CLI's self-contained HTML page for what the view shows.
 */
import { homedir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatHtml, relativeLink } from '../../eslint-plugin/src/map/html';
import { summaryLine } from '../../eslint-plugin/src/map/format';
import {
  groupMap,
  itemId,
  itemLabel,
  OUTDATED_WORDS,
  reportOf,
  type Grouping,
  type MapGroup,
  type MapItem,
  type Outdated,
} from './core/map';
import { plural } from './core/describe';
import type { PolicyEntry } from './core/protocol';
import { lintSettingsOf } from './core/settings';
import { settingsFor } from './config';
import { isLintable, isVirtual, type DiagnosticsManager } from './diagnostics';
import type { LintWorkerClient } from './worker-client';
import type { WorkspaceScanner } from './workspace-scan';

export const MAP_VIEW = 'corsGuard.map';
export const MAP_COMMANDS = {
  reveal: 'corsGuard.map.reveal',
  groupByFile: 'corsGuard.map.groupByFile',
  groupByVerdict: 'corsGuard.map.groupByVerdict',
  groupByPackage: 'corsGuard.map.groupByPackage',
  export: 'corsGuard.map.exportReport',
  openReport: 'corsGuard.map.openReport',
  refresh: 'corsGuard.map.refresh',
} as const;
const GROUPING_CONTEXT = 'corsGuard.map.grouping';

type Node = { readonly kind: 'group'; readonly group: MapGroup } | { readonly kind: 'item'; readonly item: MapItem };

const ICONS = {
  unsafe: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  broken: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  unknown: new vscode.ThemeIcon('question'),
  safe: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  /** A safe verdict of code that has changed since: not shown as a pass. */
  outdated: new vscode.ThemeIcon('history'),
} as const;

/** What a node shows, for tests and the API. */
export interface MapNodeSnapshot {
  /** The tree item's id (VS Code refuses two nodes with one id). */
  readonly id?: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly icon?: string;
  readonly command?: { readonly command: string; readonly arguments: readonly unknown[] };
  readonly children: readonly MapNodeSnapshot[];
}

export class CorsMapView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private grouping: Grouping = 'file';
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /**
   * Open documents' policies, asked of the worker after their lint, and only while the view is visible
   * (wording every policy is not something typing should pay for).
   */
  private readonly openPolicies = new Map<string, { version: number; policies: readonly PolicyEntry[] }>();
  private readonly stale = new Set<string>();

  constructor(
    private readonly client: LintWorkerClient,
    private readonly diagnostics: DiagnosticsManager,
    private readonly scanner: WorkspaceScanner,
  ) {
    this.view = vscode.window.createTreeView(MAP_VIEW, { treeDataProvider: this, showCollapseAll: true });
    void vscode.commands.executeCommand('setContext', GROUPING_CONTEXT, this.grouping);
    this.disposables.push(
      this.view,
      this.changed,
      diagnostics.onDidChange((uri) => {
        const key = uri.toString();
        if (!diagnostics.stateOf(uri)) {
          this.openPolicies.delete(key);
          this.stale.delete(key);
        } else {
          this.stale.add(key);
          if (this.view.visible) void this.refreshOpenDocuments();
        }
        this.refreshSoon();
      }),
      this.view.onDidChangeVisibility((e) => {
        if (e.visible) void this.refreshOpenDocuments();
      }),
      scanner.onDidChange(() => this.refreshSoon()),
    );
    this.updateMessage();
  }

  /** Asks the worker for the policies of open documents whose lint changed since they were last asked. */
  async refreshOpenDocuments(): Promise<void> {
    const asks: Promise<void>[] = [];
    for (const document of vscode.workspace.textDocuments) {
      const key = document.uri.toString();
      const state = this.diagnostics.stateOf(document.uri);
      if (!isLintable(document) || !state) continue;
      if (!this.stale.has(key) && this.openPolicies.get(key)?.version === state.version) continue;
      this.stale.delete(key);
      if (!state.result || state.result.parseError || state.version !== document.version) {
        this.openPolicies.delete(key);
        continue;
      }
      const version = document.version;
      // Read as the document's own lint reads it: imports resolved within its workspace folder (a helper
      // in ../lib called here is this file's policy too).
      const virtual = isVirtual(document.uri);
      const folder = vscode.workspace.getWorkspaceFolder(document.uri);
      asks.push(
        this.client
          .policies({
            fileName: document.fileName,
            languageId: document.languageId,
            text: document.getText(),
            settings: lintSettingsOf(settingsFor(document)),
            ...(folder ? { root: virtual ? folder.uri.path : folder.uri.fsPath } : {}),
            ...(virtual ? { virtual } : {}),
          })
          .then((policies) => {
            if (policies && document.version === version) this.openPolicies.set(key, { version, policies });
          }),
      );
    }
    await Promise.all(asks);
    if (asks.length > 0) this.refreshSoon();
  }

  /**
   * Every policy: an open document's from its own lint once the view has asked for them, every other
   * file's (and an open one's until then) from the workspace scan. Entries of code that changed since
   * their lint say so.
   */
  items(): MapItem[] {
    const out: MapItem[] = [];
    const seen = new Set<string>();
    const dirty = new Set<string>();
    for (const document of vscode.workspace.textDocuments) {
      if (!isLintable(document)) continue;
      const key = document.uri.toString();
      if (document.isDirty) dirty.add(key);
      const asked = this.openPolicies.get(key);
      if (!this.diagnostics.stateOf(document.uri) || !asked) continue;
      seen.add(key);
      const outdated = asked.version !== document.version ? 'unlinted' : undefined;
      for (const policy of asked.policies) out.push(this.itemOf(document.uri, policy, outdated));
    }
    for (const file of this.scanner.files()) {
      const key = file.uri.toString();
      if (seen.has(key)) continue;
      const outdated = file.stale ? 'stale' : dirty.has(key) ? 'unlinted' : undefined;
      for (const policy of file.policies) out.push(this.itemOf(file.uri, policy, outdated));
    }
    return out;
  }

  private itemOf(uri: vscode.Uri, policy: PolicyEntry, outdated?: Outdated): MapItem {
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    return {
      uri: uri.toString(),
      file: vscode.workspace.asRelativePath(uri, multiRoot),
      policy,
      ...(outdated ? { outdated } : {}),
    };
  }

  setGrouping(grouping: Grouping): void {
    this.grouping = grouping;
    void vscode.commands.executeCommand('setContext', GROUPING_CONTEXT, grouping);
    this.changed.fire(undefined);
  }

  refresh(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.updateMessage();
    this.changed.fire(undefined);
  }

  private refreshSoon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.refresh(), 100);
  }

  private updateMessage(): void {
    const items = this.items();
    const summary = this.scanner.summary;
    const report = reportOf(items, summary?.files ?? new Set(items.map((i) => i.uri)).size);
    this.view.description = items.length > 0 ? summaryLine(report).replace(/ in \d+ of \d+ files?/, '') : undefined;
    this.view.message = scanMessage(summary, this.scanner.files(), items.length);
  }

  /** The group a policy node is in (VS Code needs it to reveal a node). */
  getParent(node: Node): Node | undefined {
    if (node.kind === 'group') return undefined;
    const id = itemId(node.item);
    const group = groupMap(this.items(), this.grouping).find((g) => g.items.some((i) => itemId(i) === id));
    return group ? { kind: 'group', group } : undefined;
  }

  /** Scrolls the view to a group (a file or a verdict), expanded, with its last policy in view. */
  async revealGroup(label: string): Promise<boolean> {
    const group = groupMap(this.items(), this.grouping).find((g) => g.label === label);
    const last = group?.items[group.items.length - 1];
    if (!group || !last) return false;
    await this.view.reveal({ kind: 'item', item: last }, { select: false, focus: false });
    await this.view.reveal({ kind: 'group', group }, { expand: true, select: true, focus: true });
    return true;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return groupMap(this.items(), this.grouping).map((group) => ({ kind: 'group', group }));
    if (node.kind === 'group') return node.group.items.map((item) => ({ kind: 'item', item }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const { group } = node;
      const t = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Expanded);
      t.id = group.key;
      const counts = group.items.length;
      const outdated = group.items.find((i) => i.outdated)?.outdated;
      t.description = `${counts} ${counts === 1 ? 'policy' : 'policies'}${outdated ? ` · ${OUTDATED_WORDS[outdated].short}` : ''}`;
      if (this.grouping === 'file') {
        t.resourceUri = vscode.Uri.parse(group.items[0]!.uri);
        t.iconPath = vscode.ThemeIcon.File;
      } else if (this.grouping === 'package') {
        t.iconPath = new vscode.ThemeIcon('package');
      } else if (group.verdict) {
        t.iconPath = ICONS[group.verdict];
      }
      t.contextValue = 'corsGuard.mapGroup';
      return t;
    }
    const { item } = node;
    const { label, description, accessible } = itemLabel(item, this.grouping);
    const t = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    t.accessibilityInformation = { label: accessible };
    t.id = itemId(item);
    t.description = description;
    // A pass is shown only for code linted as it is now.
    t.iconPath = item.outdated && item.policy.verdict === 'safe' ? ICONS.outdated : ICONS[item.policy.verdict];
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    // Why: each related line, naming its file when it is another module (a helper's, an imported config).
    const why = item.policy.related.map((r) => {
      const where =
        r.file === item.policy.file
          ? `line ${r.line}`
          : `${vscode.workspace.asRelativePath(vscode.Uri.file(r.file), multiRoot)}:${r.line}`;
      return `- ${where}: ${r.note}`;
    });
    const tooltip = new vscode.MarkdownString(
      `${item.outdated ? `**${OUTDATED_WORDS[item.outdated].long}**\n\n` : ''}${fullLabel(item, this.grouping)}${item.policy.hover}\n\n---\n\n${why.length > 0 ? `${why.join('\n')}\n\n` : ''}\`${item.file}:${item.policy.line}\`${item.policy.rule ? ` · \`${item.policy.rule}\`` : ''}`,
    );
    tooltip.isTrusted = false;
    t.tooltip = tooltip;
    t.command = { title: 'Open', command: MAP_COMMANDS.reveal, arguments: [item.uri, rangeOf(item.policy)] };
    t.contextValue = 'corsGuard.mapPolicy';
    return t;
  }

  /** The tree as the view shows it (labels, descriptions, tooltips, commands), open documents asked first. */
  async snapshot(): Promise<MapNodeSnapshot[]> {
    await this.refreshOpenDocuments();
    const shot = (node: Node): MapNodeSnapshot => {
      const t = this.getTreeItem(node);
      const icon = t.iconPath instanceof vscode.ThemeIcon ? t.iconPath.id : undefined;
      return {
        ...(t.id ? { id: t.id } : {}),
        label: typeof t.label === 'string' ? t.label : (t.label?.label ?? ''),
        ...(typeof t.description === 'string' ? { description: t.description } : {}),
        ...(t.tooltip instanceof vscode.MarkdownString ? { tooltip: t.tooltip.value } : {}),
        ...(icon ? { icon } : {}),
        ...(t.command ? { command: { command: t.command.command, arguments: t.command.arguments ?? [] } } : {}),
        children: this.getChildren(node).map(shot),
      };
    };
    return this.getChildren().map(shot);
  }

  /**
   * Where "Export Report" proposes to save: the user's home folder on the machine the workspace is on (the
   * extension host's, also in a remote window), never inside the repository.
   */
  defaultExportUri(): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const name = `cors-map${folder ? `-${folder.name.replace(/[^\w.-]+/g, '-')}` : ''}.html`;
    if (!folder || folder.uri.scheme === 'file') return vscode.Uri.file(path.join(homedir(), name));
    // A virtual workspace has no home folder to offer: its root's parent, as the dialog's starting place.
    return vscode.Uri.joinPath(folder.uri, '..', name);
  }

  /** Writes the HTML report for what the view shows; asks where unless `target` is given. */
  async exportReport(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    await this.refreshOpenDocuments();
    const folder = vscode.workspace.workspaceFolders?.[0];
    let uri = target;
    if (!uri) {
      uri = await vscode.window.showSaveDialog({
        defaultUri: this.defaultExportUri(),
        filters: { HTML: ['html'] },
        title: 'Export the CORS map',
      });
    }
    if (!uri) return undefined;
    const items = this.items();
    const report = reportOf(items, this.scanner.summary?.files ?? new Set(items.map((i) => i.uri)).size, (p) =>
      vscode.workspace.asRelativePath(vscode.Uri.file(p), (vscode.workspace.workspaceFolders?.length ?? 0) > 1),
    );
    const byFile = new Map(items.map((i) => [i.file, vscode.Uri.parse(i.uri)]));
    const html = formatHtml(report, {
      title: `CORS map${folder ? ` of ${folder.name}` : ''}`,
      generatedAt: new Date().toISOString(),
      linkOf: (p) => {
        const file = byFile.get(p.file);
        if (!file || file.scheme !== uri.scheme) return undefined;
        return relativeLink(path.posix.relative(path.posix.dirname(uri.path), file.path), p.line);
      },
    });
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(html));
    if (!target) {
      const open = await vscode.window.showInformationMessage(`CORS map written to ${uri.fsPath || uri.path}`, 'Open');
      if (open) await this.openReport(uri);
    }
    return uri;
  }

  /**
   * Shows an exported report in a webview inside VS Code: it works in a remote window, where the file is
   * on the remote machine and an external browser could not open it.
   */
  async openReport(uri: vscode.Uri): Promise<vscode.WebviewPanel> {
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const panel = vscode.window.createWebviewPanel(
      'corsGuard.mapReport',
      `CORS map: ${path.posix.basename(uri.path)}`,
      vscode.ViewColumn.Active,
      // The page sorts and filters its table with its own inline script and loads nothing.
      { enableScripts: true, localResourceRoots: [] },
    );
    panel.webview.html = html;
    return panel;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * The node's whole label and description, which the tree cuts off in a narrow side bar (Markdown-escaped:
 * origins and patterns hold `*`, `_` and backslashes).
 */
function fullLabel(item: MapItem, grouping: Grouping): string {
  const { label, description } = itemLabel(item, grouping);
  const escape = (t: string) => t.replace(/[\\`*_{}[\]<>()#+\-.!|]/g, '\\$&');
  return `${escape(label)}  \n${escape(description)}\n\n---\n\n`;
}

/**
 * What the view says above its tree: that only open files are shown (no scan yet), a scan stopped early,
 * files whose result is stale or that could not be analysed. Undefined when the tree is the whole story.
 */
export function scanMessage(
  summary: { readonly cancelled: boolean } | undefined,
  files: readonly { readonly stale?: boolean; readonly failed?: string }[],
  shown: number,
): string | undefined {
  const parts: string[] = [];
  // With nothing to show, the welcome view offers the scan.
  if (!summary && shown > 0) parts.push('Open files only: the workspace has not been scanned.');
  if (summary?.cancelled) parts.push('The last scan was cancelled: some files were not linted.');
  const stale = files.filter((f) => f.stale).length;
  if (stale > 0) parts.push(`${plural(stale, 'file')} changed on disk since the scan (stale until linted again).`);
  const failed = files.filter((f) => f.failed).length;
  if (failed > 0) parts.push(`${plural(failed, 'file')} could not be analysed.`);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function rangeOf(p: PolicyEntry): vscode.Range {
  return new vscode.Range(p.line - 1, p.column - 1, p.endLine - 1, p.endColumn - 1);
}

/** Opens a policy's site with its range selected. */
export async function revealPolicy(uri: string | vscode.Uri, range: vscode.Range): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
  const start = new vscode.Range(range.start, range.start);
  const editor = await vscode.window.showTextDocument(document, { preview: true, selection: start });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
