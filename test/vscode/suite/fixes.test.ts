/**
 * The fixes, hovers and Explain Headers on the small project of project.test.ts (`shop/`): the allowlist fix
 * with and without trusted origins (type-checked), the fixes for the commonest shapes, the hover at a call with
 * imported options, Explain Headers on `curl -i` and on a second run, read-only docs and the wording of the
 * hovers.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { test } from './harness';
import {
  codeActions,
  EXTENSION_ID,
  folder,
  hoverText,
  linted,
  open,
  ours,
  positionOf,
  revert,
  ruleOf,
  screenshot,
  setting,
  until,
} from './helpers';

const uriOf = (name: string) => vscode.Uri.joinPath(folder(), name);
const HEADERS = 'shop/src/lib/headers.js';

/** Type-checks one TypeScript file with the repository's compiler and Node's types. */
function typeCheck(text: string): { ok: boolean; output: string } {
  const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
  const dir = mkdtempSync(path.join(tmpdir(), 'cors-guard-tsc-'));
  const file = path.join(dir, 'server.ts');
  writeFileSync(file, text);
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/typescript/bin/tsc'),
      '--noEmit',
      '--strict',
      '--skipLibCheck',
      '--module',
      'nodenext',
      '--target',
      'es2022',
      '--typeRoots',
      path.join(root, 'node_modules/@types'),
      '--types',
      'node',
      file,
    ],
    { encoding: 'utf8', cwd: dir },
  );
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** Applies a code action's edit with its file in the active editor (a snippet edit needs one). */
async function apply(action: vscode.CodeAction | undefined, what: string): Promise<void> {
  assert.ok(action?.edit, `${what}: an action with an edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `${what}: applied`);
}

test('the allowlist fix never writes an empty list: a placeholder snippet without trusted origins, the origins with them (type-checked)', async () => {
  const editor = await open('shop/src/server.ts');
  const [reflection] = await linted(editor.document, (d) => d.length === 1);
  assert.equal(ruleOf(reflection!), 'cors-guard/no-origin-reflection');
  const fix = ours(await codeActions(editor.document, reflection!.range)).find((a) => a.isPreferred);
  assert.equal(fix?.title, 'Allow only origins in an allowlist (ALLOWED_ORIGINS), with Vary: Origin');
  await apply(fix, 'the placeholder fix');
  const text = editor.document.getText();
  assert.match(text, /const ALLOWED_ORIGINS = new Set\(\['https:\/\/your-frontend\.example'\]\);/);
  assert.doesNotMatch(text, /new Set\(\[\]\)|new Set\(\[\/\*/);
  // A snippet whose tab stop is the placeholder: typing replaces it.
  await until(() => editor.document.getText(editor.selection) === 'https://your-frontend.example', 'the tab stop');
  await screenshot('allowlist-snippet');
  const checked = typeCheck(text);
  assert.ok(checked.ok, `the fixed file type-checks:\n${checked.output}`);
  await vscode.commands.executeCommand('type', { text: 'https://shop.example.com' });
  await until(() => editor.document.getText().includes("new Set(['https://shop.example.com'])"), 'the typed origin');
  await linted(editor.document, (d) => d.length === 0);
  await revert(editor);
  // With corsGuard.trustedOrigins set: the list is filled, no snippet.
  const t = await setting('trustedOrigins', ['https://shop.example.com', 'https://admin.example.com']);
  try {
    const [again] = await linted(editor.document, (d) => d.length === 1, t);
    const filled = ours(await codeActions(editor.document, again!.range)).find((a) => a.isPreferred);
    assert.equal(filled?.title, 'Allow only origins in an allowlist (ALLOWED_ORIGINS), with Vary: Origin');
    await apply(filled, 'the filled fix');
    assert.match(
      editor.document.getText(),
      // Past 80 columns (no Prettier configuration here), one origin a line.
      /new Set\(\[\n  'https:\/\/shop\.example\.com',\n  'https:\/\/admin\.example\.com',\n\]\)/,
    );
    assert.ok(typeCheck(editor.document.getText()).ok, 'the filled fix type-checks');
    await linted(editor.document, (d) => d.length === 0);
  } finally {
    await setting('trustedOrigins', undefined);
    await revert(editor);
  }
}, 120_000);

test('quick fixes for an origin callback, a Next.js headers object and a helper in another file (fixed there)', async () => {
  const t = await setting('trustedOrigins', ['https://shop.example.com']);
  try {
    // cors: origin: (origin, cb) => cb(null, true)
    const config = await open('shop/src/config.js');
    const [callback] = await linted(config.document, (d) => d.length === 1, t);
    const byCallback = ours(await codeActions(config.document, callback!.range)).find((a) => a.isPreferred);
    assert.equal(byCallback?.title, 'Allow only origins in an allowlist (ALLOWED_ORIGINS.has(origin))');
    await apply(byCallback, 'the callback fix');
    assert.match(config.document.getText(), /cb\(null, ALLOWED_ORIGINS\.has\(origin\)\)/);
    assert.match(config.document.getText(), /const ALLOWED_ORIGINS = new Set\(\['https:\/\/shop\.example\.com'\]\);/);
    await linted(config.document, (d) => d.length === 0);
    await screenshot('quick-fix-callback');
    await revert(config);
    // Next.js: new Response(…, { headers: { 'Access-Control-Allow-Origin': origin } })
    const route = await open('shop/app/api/data/route.ts');
    const [header] = await linted(route.document, (d) => d.length === 1, t);
    const byHeader = ours(await codeActions(route.document, header!.range)).find((a) => a.isPreferred);
    assert.equal(
      byHeader?.title,
      'Send Access-Control-Allow-Origin only for origins in an allowlist (ALLOWED_ORIGINS)',
    );
    await apply(byHeader, 'the headers-object fix');
    assert.match(
      route.document.getText(),
      // Laid out to 80 columns: the spread breaks before `?` and `:`.
      /\.\.\.\(ALLOWED_ORIGINS\.has\(origin\)\n\s+\? \{ 'Access-Control-Allow-Origin': origin \}\n\s+: \{\}\),\n\s+Vary: 'Origin'/,
    );
    await linted(route.document, (d) => d.length === 0);
    assert.ok(typeCheck(route.document.getText()).ok, 'the Next.js fix type-checks');
    await revert(route);
    // The helper's origin check: one finding, in headers.js where it is written (its calls in orders.js are
    // related locations), repaired there.
    const helper = await open(HEADERS);
    const [check] = await linted(helper.document, (d) => d.length === 1, t);
    const repair = ours(await codeActions(helper.document, check!.range)).find((a) =>
      /^Use the verified pattern /.test(a.title),
    );
    assert.ok(repair, 'a fix in the helper file');
    await apply(repair, 'the helper fix');
    assert.ok(helper.document.isDirty, 'the helper file was edited');
    assert.match(helper.document.getText(), /\/\^https:\\\/\\\/shop\\\.example\\\.com/);
    await linted(helper.document, (d) => d.length === 0);
    await vscode.window.showTextDocument(helper.document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await until(() => !helper.document.isDirty, 'the helper revert');
  } finally {
    await setting('trustedOrigins', undefined);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}, 120_000);

test('the hover at app.use(cors(corsOptions)) explains the imported options; a finding with many related locations keeps its hover short', async () => {
  // With the options' own file open too, their finding is shown there (one defect, one finding), and the
  // hover at the use explains the configuration.
  await linted((await open('shop/src/config.js')).document);
  const app = await open('shop/src/app.js');
  await linted(app.document, (d) => d.length === 0);
  const text = await hoverText(app.document, positionOf(app.document, 'cors(corsOptions)'));
  assert.match(text, /\*\*Verdict:\*\* Unsafe: any website/);
  assert.match(text, /The options come from `src\/config\.js`/);
  app.selection = new vscode.Selection(
    positionOf(app.document, 'cors(corsOptions)'),
    positionOf(app.document, 'cors(corsOptions)'),
  );
  await vscode.commands.executeCommand('editor.action.showHover');
  await screenshot('imported-options-hover');
  // The helper's finding (the workspace is scanned: it is shown there, not at orders.js): its callers and
  // more as related locations; the compact hover keeps only its links.
  const headers = await open(HEADERS);
  const [call] = await linted(headers.document, (d) => d.length === 1);
  assert.ok((call!.relatedInformation?.length ?? 0) >= 3, `${call!.relatedInformation?.length} related`);
  const compact = await hoverText(headers.document, call!.range.start.translate(0, 1));
  assert.match(compact, /^\[Details\]/m);
  assert.doesNotMatch(compact, /\*\*Verdict:\*\*/);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}, 120_000);

test('a curl -i response pasted into a new editor detected as YAML gets the header hover and an "Explain these headers" CodeLens; a YAML key named origin does not', async () => {
  const response = [
    'HTTP/2 200',
    'content-type: application/json',
    'access-control-allow-origin: https://evil.example',
    'access-control-allow-credentials: true',
    '',
    '[]',
  ].join('\n');
  const pasted = await vscode.workspace.openTextDocument({ language: 'yaml', content: response });
  await vscode.window.showTextDocument(pasted, { preview: false });
  assert.equal(pasted.uri.scheme, 'untitled');
  assert.equal(pasted.languageId, 'yaml');
  const hover = await hoverText(pasted, positionOf(pasted, 'access-control-allow-origin', 3));
  assert.match(hover, /Access-Control-Allow-Origin/);
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
    'vscode.executeCodeLensProvider',
    pasted.uri,
    10,
  );
  const lens = lenses.find((l) => l.command?.title === 'Explain these headers');
  assert.ok(lens?.command, `lenses: ${lenses.map((l) => l.command?.title).join(', ')}`);
  assert.equal(lens.range.start.line, 0, 'on the status line');
  await screenshot('untitled-yaml-codelens');
  const explained = await vscode.commands.executeCommand<vscode.TextDocument>(
    lens.command.command,
    ...(lens.command.arguments ?? []),
  );
  assert.match(
    explained.getText(),
    /## Reflection: the attacker origin https:\/\/evil\.example is allowed, with credentials\./,
  );
  // A YAML file whose keys happen to be header names is not an HTTP response: no hover, no lens.
  const config = await vscode.workspace.openTextDocument({
    language: 'yaml',
    content: 'origin: https://shop.example.com\nvary: Origin\n',
  });
  assert.equal(await hoverText(config, new vscode.Position(0, 2)), '');
  const none = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', config.uri);
  assert.deepEqual(
    none.map((l) => l.command?.title),
    [],
  );
  for (const d of [pasted, config]) {
    await vscode.window.showTextDocument(d);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}, 60_000);

test('Explain Headers reads curl -i output (the command gives the Origin) and refreshes its open preview', async () => {
  const curl = [
    "$ curl -i -H 'Origin: https://evil.example' https://api.shop.example.com/orders",
    'HTTP/2 200',
    'content-type: application/json',
    'access-control-allow-origin: https://evil.example',
    'access-control-allow-credentials: true',
    '',
    '[]',
  ].join('\n');
  const pasted = uriOf('shop/curl-i.txt');
  writeFileSync(pasted.fsPath, curl);
  const scratch = await vscode.workspace.openTextDocument(pasted);
  const editor = await vscode.window.showTextDocument(scratch, vscode.ViewColumn.One);
  editor.selection = new vscode.Selection(0, 0, scratch.lineCount, 0);
  await until(
    () => vscode.window.activeTextEditor?.document === scratch && !vscode.window.activeTextEditor.selection.isEmpty,
    'the pasted output selected',
  );
  const first = await vscode.commands.executeCommand<vscode.TextDocument>('corsGuard.explainHeaders');
  assert.match(
    first.getText(),
    /## Reflection: echoes the request's Origin \(https:\/\/evil\.example\) with credentials\./,
  );
  // Without the command line, the attacker origin in the answer still reads as reflection.
  await vscode.window.showTextDocument(scratch, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
  await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
  await until(
    () => vscode.window.activeTextEditor?.document.uri.toString() === pasted.toString(),
    `the pasted output in front (active: ${vscode.window.activeTextEditor?.document.uri.toString()})`,
  );
  const again = vscode.window.activeTextEditor!;
  await again.edit((b) => b.delete(scratch.lineAt(0).rangeIncludingLineBreak));
  again.selection = new vscode.Selection(0, 0, scratch.lineCount, 0);
  const second = await vscode.commands.executeCommand<vscode.TextDocument>('corsGuard.explainHeaders');
  assert.equal(second.uri.toString(), first.uri.toString(), 'the same view, updated');
  assert.match(
    second.getText(),
    /## Reflection: the attacker origin https:\/\/evil\.example is allowed, with credentials\./,
  );
  const shown = vscode.workspace.textDocuments.find((d) => d.uri.toString() === first.uri.toString());
  assert.equal(shown?.getText(), second.getText(), 'the open preview shows the second run');
  await screenshot('explain-curl-i');
  await vscode.window.showTextDocument(scratch, vscode.ViewColumn.One);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.workspace.fs.delete(pasted);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}, 120_000);

test('"Why no automatic fix" shows the docs inline, with no file link; the rule link renders them read-only', async () => {
  const editor = await open('custom-check.js');
  const [check] = await linted(editor.document, (d) => d.length === 1);
  const why = ours(await codeActions(editor.document, check!.range)).find((a) =>
    a.title.startsWith('Why no automatic fix'),
  );
  assert.ok(why?.command);
  const shown = await vscode.commands.executeCommand<vscode.TextDocument>(
    why.command.command,
    ...(why.command.arguments ?? []),
  );
  assert.doesNotMatch(shown.getText(), /file:\/\/|vscode-remote:\/\//);
  assert.match(shown.getText(), /## How to fix it by hand: the documentation of no-unsafe-origin-check/);
  await screenshot('why-no-fix');
  // What the Problems panel's rule link runs.
  const target = typeof check!.code === 'object' ? check!.code.target : undefined;
  assert.equal(target?.scheme, 'command');
  const args = JSON.parse(decodeURIComponent(target!.query)) as unknown[];
  const docs = await vscode.commands.executeCommand<vscode.Uri>(target!.path, ...args);
  assert.equal(docs.scheme, 'cors-guard-explain');
  await screenshot('docs-rendered');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}, 120_000);

test('hover wording: @koa/cors sends a rejected origin only Vary, * is not readable with cookies, "an exact allowlist"', async () => {
  const koa = await open('shop/src/admin/partners.js');
  await linted(koa.document);
  const koaText = await hoverText(koa.document, positionOf(koa.document, 'cors({'));
  const evil = koaText.slice(koaText.indexOf('from `https://evil.example`'));
  assert.ok(evil.length > 0, koaText);
  const block = /```http\n([\s\S]*?)\n```/.exec(evil)?.[1] ?? '';
  assert.equal(block, 'Vary: Origin', `the response to a rejected origin:\n${koaText}`);
  assert.match(koaText, /when an exact allowlist check passes/);
  assert.doesNotMatch(koaText, /\ba exact\b/);
  koa.selection = new vscode.Selection(positionOf(koa.document, 'cors({'), positionOf(koa.document, 'cors({'));
  await vscode.commands.executeCommand('editor.action.showHover');
  await screenshot('koa-hover');
  const pub = await open('shop/src/public.js');
  await linted(pub.document);
  const star = await hoverText(pub.document, positionOf(pub.document, "'*'"));
  assert.doesNotMatch(star, /[Cc]redentialed[^\n]*readable/);
  assert.match(
    star,
    /A request from `https:\/\/evil\.example`: \*\*readable\*\* without cookies \(a request with cookies is blocked\)/,
  );
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}, 120_000);
