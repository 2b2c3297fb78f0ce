/**
 * The extension in a real VS Code: diagnostics, related information, quick fixes applied as edits,
 * disable-line, documentation, settings. Written against the `vscode` API only, so the same compiled
 * suite runs in code-server and in desktop VS Code (@vscode/test-electron).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { test } from './harness';
import {
  api,
  codeActions,
  findings,
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

test("reports the order-processing server's three mistakes with ranges and related information", async () => {
  const editor = await open('order-processing-server.js');
  const diagnostics = await linted(editor.document, (d) => d.length > 0);
  const summary = diagnostics.map((d) => `${ruleOf(d)} ${d.range.start.line + 1}:${d.range.start.character + 1}`);
  assert.deepEqual(summary.sort(), [
    'cors-guard/no-origin-reflection 24:45',
    // One regex with three flaws: one diagnostic over the pattern, each flaw a related location.
    'cors-guard/no-unsafe-origin-check 11:35',
    'cors-guard/no-wildcard-with-credentials 34:42',
  ]);
  for (const d of diagnostics) {
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    // The rule link renders the bundled docs read-only (a command), not the install folder's .md file.
    assert.ok(typeof d.code === 'object' && d.code.target.scheme === 'command', String(d.code));
    assert.equal(d.code.target.path, 'corsGuard.showDocumentation');
  }
  const dot = diagnostics.find((d) => ruleOf(d) === 'cors-guard/no-unsafe-origin-check')!;
  assert.match(
    dot.message,
    /^Origin check accepts https:\/\/evilmydomain\.com: the '\.' before mydomain is not escaped \(and 1 more flaw\)\.$/,
  );
  for (const d of diagnostics) {
    assert.ok(!d.message.includes('`'), `no backticks in the Problems panel: ${d.message}`);
    assert.ok(d.message.length <= 115, `a short message (${d.message.length}): ${d.message}`);
  }
  assert.equal(editor.document.getText(dot.range), "'https:\\/\\/[a-z]+.mydomain.com'");
  const wildcard = diagnostics.find((d) => ruleOf(d) === 'cors-guard/no-wildcard-with-credentials')!;
  assert.equal(wildcard.relatedInformation?.length, 1);
  const credentials = wildcard.relatedInformation![0]!;
  assert.equal(credentials.location.uri.toString(), editor.document.uri.toString());
  assert.equal(editor.document.getText(credentials.location.range), "'true'");
  assert.equal(credentials.location.range.start.line, 34);
  assert.match(credentials.message, /Credentials are allowed here/);
  const related = dot.relatedInformation!.map(
    (r) => `${r.location.range.start.line + 1}:${r.location.range.start.character + 1}`,
  );
  assert.deepEqual(related, ['11:52', '11:64', '11:24', '16:5', '17:52']);
  assert.equal(editor.document.getText(dot.relatedInformation![0]!.location.range), '.');
});

test('a suggested fix becomes a preferred quick fix whose edit repairs the code and clears the finding', async () => {
  const editor = await open('order-processing-server.js');
  const diagnostics = await linted(editor.document, (d) => d.length > 0);
  const reflection = diagnostics.find((d) => ruleOf(d) === 'cors-guard/no-origin-reflection')!;
  const actions = await codeActions(editor.document, reflection.range);
  const titles = actions.map((a) => a.title);
  const fix = actions.find((a) => a.title.startsWith('Allow only origins in an allowlist (ALLOWED_ORIGINS)'));
  assert.ok(fix, `a fix among: ${titles.join(' | ')}`);
  for (const t of titles) assert.ok(!t.includes('`') && t.length <= 80, `a short plain title: ${t}`);
  assert.equal(fix.isPreferred, true);
  assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
  assert.ok(titles.includes('Disable no-origin-reflection for this line'));
  assert.ok(titles.includes('Disable no-origin-reflection for this file'));
  assert.ok(titles.includes('Show documentation for no-origin-reflection'));
  assert.ok(await vscode.workspace.applyEdit(fix.edit!));
  const text = editor.document.getText();
  assert.match(text, /const ALLOWED_ORIGINS = new Set\(\[/);
  assert.match(text, /if \(ALLOWED_ORIGINS\.has\(req\.header\('Origin'\)\)\) \{/);
  assert.match(text, /res\.header\('Vary', 'Origin'\);|res\.vary\('Origin'\);|res\.append\('Vary', 'Origin'\);/);
  const after = await linted(editor.document, (d) => !d.some((x) => ruleOf(x) === 'cors-guard/no-origin-reflection'));
  assert.equal(after.length, diagnostics.length - 1);
  await revert(editor);
});

test('the verified regex repair replaces the pattern and its finding clears', async () => {
  const editor = await open('order-processing-server.js');
  const diagnostics = await linted(editor.document, (d) => d.length > 0);
  const dot = diagnostics.find((d) => ruleOf(d) === 'cors-guard/no-unsafe-origin-check')!;
  const fix = (await codeActions(editor.document, dot.range)).find((a) =>
    a.title.startsWith('Use the verified pattern'),
  );
  assert.ok(fix?.edit);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  assert.match(
    editor.document.lineAt(10).text,
    /new RegExp\('\^https:\/\/\[a-z\]\+\\\\\.mydomain\\\\\.com\(\?::\\\\d\+\)\?\$'\)/,
  );
  await linted(editor.document, (d) => !d.some((x) => ruleOf(x) === 'cors-guard/no-unsafe-origin-check'));
  await revert(editor);
});

test('"Disable <rule> for this line" (no ESLint config here) writes a cors-guard-ignore comment that silences only that finding', async () => {
  const editor = await open('order-processing-server.js');
  const diagnostics = await linted(editor.document, (d) => d.length > 0);
  assert.equal(api.disableStyle(editor.document).style, 'cors-guard');
  const wildcard = diagnostics.find((d) => ruleOf(d) === 'cors-guard/no-wildcard-with-credentials')!;
  const disable = (await codeActions(editor.document, wildcard.range)).find(
    (a) => a.title === 'Disable no-wildcard-with-credentials for this line',
  );
  assert.ok(disable?.edit);
  assert.ok(await vscode.workspace.applyEdit(disable.edit));
  assert.equal(editor.document.lineAt(33).text, '  // cors-guard-ignore-next-line no-wildcard-with-credentials');
  const after = await linted(
    editor.document,
    (d) => !d.some((x) => ruleOf(x) === 'cors-guard/no-wildcard-with-credentials'),
  );
  assert.equal(after.length, diagnostics.length - 1);
  await revert(editor);
});

test('"Show documentation" runs the documentation command for the rule', async () => {
  const editor = await open('order-processing-server.js');
  const diagnostics = await linted(editor.document, (d) => d.length > 0);
  const actions = await codeActions(editor.document, diagnostics[0]!.range);
  const docs = actions.find((a) => a.title.startsWith('Show documentation for '));
  assert.equal(docs?.command?.command, 'corsGuard.showDocumentation');
  assert.deepEqual(docs.command.arguments, [ruleOf(diagnostics[0]!)]);
  assert.ok((await vscode.commands.getCommands(true)).includes('corsGuard.showDocumentation'));
});

test('a finding with no safe automatic fix gets an enabled "Why no automatic fix?" action that opens the reason', async () => {
  const editor = await open('custom-check.js');
  const [check] = await linted(editor.document, (d) => d.length === 1);
  assert.equal(ruleOf(check!), 'cors-guard/no-unsafe-origin-check');
  assert.equal(editor.document.getText(check!.range), 'indexOf');
  assert.deepEqual(
    check!.relatedInformation?.map((r) => editor.document.getText(r.location.range)),
    ["res.setHeader('Access-Control-Allow-Origin', origin)", "'true'"],
  );
  const actions = ours(await codeActions(editor.document, check!.range));
  assert.deepEqual(
    actions.map((a) => a.title),
    [
      'Why no automatic fix for no-unsafe-origin-check?',
      'Disable no-unsafe-origin-check for this line',
      'Disable no-unsafe-origin-check for this file',
      'Write a regression test for this finding',
      'Show documentation for no-unsafe-origin-check',
    ],
  );
  const why = actions[0]!;
  assert.equal(why.disabled, undefined);
  assert.equal(why.edit, undefined);
  assert.equal(why.command?.command, 'corsGuard.whyNoFix');
  const shown = await vscode.commands.executeCommand<vscode.TextDocument>(
    why.command.command,
    ...(why.command.arguments ?? []),
  );
  assert.equal(shown.uri.scheme, 'cors-guard-explain');
  assert.equal(shown.isDirty, false);
  assert.match(shown.getText(), /\*\*Why no fix:\*\* No verified repair/);
  assert.doesNotMatch(shown.getText(), /file:\/\//);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});

test('quick fixes are offered only for the text they were computed on', async () => {
  await setting('run', 'onSave');
  const editor = await open('order-processing-server.js');
  try {
    const diagnostics = await linted(editor.document, (d) => d.length > 0);
    const target = diagnostics.find((d) => ruleOf(d) === 'cors-guard/no-wildcard-with-credentials')!;
    assert.ok(ours(await codeActions(editor.document, target.range)).length >= 3);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '// typed meanwhile\n'));
    const moved = target.range.with(target.range.start.translate(1), target.range.end.translate(1));
    assert.deepEqual(
      ours(await codeActions(editor.document, moved)).map((a) => a.title),
      [],
    );
  } finally {
    await setting('run', undefined);
    await revert(editor);
  }
});

test('a TypeScript file is linted with the TypeScript parser', async () => {
  const editor = await open('cors-options.ts');
  const diagnostics = await linted(editor.document, (d) => d.length > 0);
  assert.deepEqual(diagnostics.map(ruleOf), ['cors-guard/no-origin-reflection']);
  assert.equal(editor.document.getText(diagnostics[0]!.range), 'true');
  assert.match(diagnostics[0]!.message, /^origin: true makes cors reflect every Origin: any site/);
  const state = api.stateOf(editor.document.uri)!;
  assert.equal(state.result?.parser, 'typescript');
  // For the report: the first TypeScript file's time to its findings (parser load included).
  console.log(
    `first TypeScript file: findings shown ${state.latencyMs.toFixed(0)} ms after opening (lint ${state.result?.durationMs.toFixed(0)} ms)`,
  );
});

test('nothing is reported for a safe file', async () => {
  const editor = await open('safe-allowlist.js');
  const diagnostics = await linted(editor.document);
  assert.deepEqual(diagnostics, []);
  assert.equal(api.stateOf(editor.document.uri)?.result?.findings.length, 0);
});

test('minified files are skipped with a reason', async () => {
  const editor = await open('vendor.min.js');
  await linted(editor.document);
  assert.equal(api.stateOf(editor.document.uri)?.skipped?.kind, 'minified');
  assert.deepEqual(findings(editor.document.uri), []);
});

test('settings take effect: the strict preset, a disabled rule, trusted origins', async () => {
  const strictOnly = await open('strict-only.js');
  assert.deepEqual(await linted(strictOnly.document), []);
  let t = await setting('preset', 'strict');
  try {
    const strict = await linted(strictOnly.document, (d) => d.length > 0, t);
    assert.deepEqual(strict.map(ruleOf), ['cors-guard/no-insecure-origin']);
    assert.equal(strict[0]!.severity, vscode.DiagnosticSeverity.Error);
    t = await setting('rules', { 'no-insecure-origin': 'warn' });
    const warned = await linted(strictOnly.document, (d) => d[0]?.severity === vscode.DiagnosticSeverity.Warning, t);
    assert.equal(warned.length, 1);
    t = await setting('rules', { 'no-insecure-origin': 'off' });
    await linted(strictOnly.document, (d) => d.length === 0, t);
  } finally {
    await setting('preset', undefined);
    await setting('rules', undefined);
  }
  const server = await open('order-processing-server.js');
  t = await setting('rules', { 'no-origin-reflection': 'off' });
  try {
    await linted(
      server.document,
      (d) => d.length === 2 && !d.some((x) => ruleOf(x) === 'cors-guard/no-origin-reflection'),
      t,
    );
  } finally {
    await setting('rules', undefined);
  }
  t = await setting('trustedOrigins', ['https://shop.example.com']);
  try {
    // Trusted origins also tell the origin-check rules which hosts are yours (one finding per check either way).
    const reflection = (await linted(server.document, (d) => d.length === 3, t)).find(
      (d) => ruleOf(d) === 'cors-guard/no-origin-reflection',
    )!;
    const fix = (await codeActions(server.document, reflection.range)).find((a) => a.isPreferred);
    const inserted = fix!
      .edit!.entries()
      .flatMap(([, edits]) => edits.map((e) => e.newText))
      .join('');
    assert.match(inserted, /new Set\(\['https:\/\/shop\.example\.com'\]\)/);
  } finally {
    await setting('rules', undefined);
    await setting('trustedOrigins', undefined);
  }
  await linted(server.document, (d) => d.length === 3);
  await setting('enable', false);
  try {
    await until(
      () => findings(server.document.uri).length === 0 && !api.stateOf(server.document.uri),
      'findings to clear',
    );
  } finally {
    await setting('enable', undefined);
  }
  await linted(server.document, (d) => d.length === 3);
});

test('rapid edits: only the latest text is reported (latest wins)', async () => {
  const editor = await open('order-processing-server.js');
  await linted(editor.document, (d) => d.length === 3);
  // Five quick edits, the last of which removes the wildcard finding's line.
  for (let i = 0; i < 4; i++) await editor.edit((b) => b.insert(new vscode.Position(0, 0), `// edit ${i}\n`));
  const line = editor.document
    .getText()
    .split('\n')
    .findIndex((l) => l.includes("res.set('Access-Control-Allow-Origin', '*')"));
  await editor.edit((b) => b.delete(editor.document.lineAt(line).rangeIncludingLineBreak));
  const after = await linted(editor.document, (d) => d.length === 2);
  assert.ok(after.every((d) => ruleOf(d) !== 'cors-guard/no-wildcard-with-credentials'));
  assert.equal(api.stateOf(editor.document.uri)?.version, editor.document.version);
  await revert(editor);
});

test('the status item and the log describe the last lint', async () => {
  const editor = await open('order-processing-server.js');
  await linted(editor.document, (d) => d.length === 3);
  const state = api.stateOf(editor.document.uri);
  assert.ok(state?.result && state.result.durationMs >= 0 && state.latencyMs >= state.result.durationMs - 1);
  await until(() => api.status().text === 'CORS: 3 errors', 'the status item to show the findings');
  assert.match(api.status().detail ?? '', /^3 findings; linted at .+ in \d+ ms/);
  assert.equal(api.status().severity, 'information');
  await open('vendor.min.js');
  await until(() => api.status().text === 'CORS Guard: skipped', 'the status item to show the skip');
  assert.match(api.status().detail ?? '', /^Not linted: a minified or bundled file \(by its name\)$/);
  assert.equal(api.status().severity, 'warning');
  await open('safe-allowlist.js');
  await until(() => api.status().text === 'No CORS findings', 'the status item to show a clean file');
  assert.ok((await vscode.commands.getCommands(true)).includes('corsGuard.showOutput'));
});

test('hover on a header name explains the header, its values, browser support and the policy around it', async () => {
  const editor = await open('order-processing-server.js');
  await linted(editor.document);
  const text = await hoverText(editor.document, positionOf(editor.document, "'Access-Control-Max-Age'"));
  assert.match(text, /\*\*`Access-Control-Max-Age`\*\* · Response header, matters for preflights/);
  assert.match(text, /Chromium keeps at most 7,200 s \(2 h\)/);
  assert.match(text, /Browser support: Chrome 4, Edge 12, Firefox 3\.5, Safari 4\./);
  assert.match(text, /developer\.mozilla\.org\/docs\/Web\/HTTP\/Reference\/Headers\/Access-Control-Max-Age/);
  assert.match(
    text,
    /\*\*Verdict:\*\* Unsafe: any website \(e\.g\. `https:\/\/evil\.example`\) can read responses with the user's cookies\./,
  ); // The verdict comes first, the header's reference after it.
  assert.ok(text.indexOf('**Verdict:**') < text.indexOf('Response header'), text.slice(0, 200));
});

test('hover on a header value decodes it', async () => {
  const editor = await open('order-processing-server.js');
  await linted(editor.document);
  const maxAge = await hoverText(editor.document, positionOf(editor.document, "'86400'"));
  assert.match(maxAge, /Preflight answers may be reused for 86,400 s \(24 h\)\./);
  assert.match(maxAge, /Chromium keeps 7,200 s \(2 h\) \(its cap\); Firefox 86,400 s \(24 h\)\./);
  const wildcard = await hoverText(
    editor.document,
    positionOf(editor.document, "'Access-Control-Allow-Origin', '*'", 32),
  );
  // On a finding the hover is compact: the verdict, one line of why, links; the decoding is a click away.
  assert.match(wildcard, /^Browsers reject \* with credentials/);
  assert.match(wildcard, /\[Details\]\(command:corsGuard\.showHoverDetails\?/);
  assert.ok(wildcard.split('\n').filter((l) => l.trim()).length <= 3, wildcard);
  const at = editor.document.offsetAt(positionOf(editor.document, "'Access-Control-Allow-Origin', '*'", 32));
  const details = await vscode.commands.executeCommand<vscode.TextDocument>(
    'corsGuard.showHoverDetails',
    editor.document.uri.toString(),
    at,
  );
  assert.equal(details.uri.scheme, 'cors-guard-explain');
  assert.match(details.getText(), /With `Access-Control-Allow-Credentials: true`, browsers reject `\*`/);
  assert.match(details.getText(), /no-wildcard-with-credentials\*\* \(line 34\)/);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const reflected = await hoverText(
    editor.document,
    positionOf(editor.document, "'Access-Control-Allow-Origin', origin", 32),
  );
  assert.match(reflected, /reflects the request's Origin \(`req\.header\('Origin'\)`\), guarded by a regex check/);
  assert.match(reflected, /Unsafe: the origin check lets `https:\/\/evilmydomain\.com` in, with the user's cookies/);
});

test('hover on a cors() call shows the responses it produces and a verdict that agrees with the diagnostics', async () => {
  const editor = await open('cors-options.ts');
  const diagnostics = await linted(editor.document, (d) => d.length > 0);
  assert.equal(ruleOf(diagnostics[0]!), 'cors-guard/no-origin-reflection');
  const text = await hoverText(editor.document, positionOf(editor.document, 'cors({'));
  assert.match(text, /\*\*CORS configuration \(`cors`\)\*\*/);
  assert.match(text, /Preflight \(`OPTIONS`\) from `https:\/\/evil\.example`/);
  assert.match(text, /Access-Control-Allow-Methods: GET,HEAD,PUT,PATCH,POST,DELETE/);
  assert.match(text, /Credentialed `GET` from `https:\/\/evil\.example`: \*\*readable, with the user's cookies\*\*/);
  assert.match(text, /\*\*Verdict:\*\* Unsafe/);
  const safe = await open('safe-allowlist.js');
  await linted(safe.document);
  const safeText = await hoverText(
    safe.document,
    positionOf(safe.document, "'Access-Control-Allow-Origin', origin", 32),
  );
  assert.match(safeText, /exact allowlist check/);
  assert.match(
    safeText,
    /\*\*Verdict:\*\* Only the listed origins \(e\.g\. `https:\/\/shop\.example\.com`\) can read responses, with cookies\./,
  );
});

test('hover in an .http file decodes the header line and summarises the response', async () => {
  const editor = await open('response.http');
  const header = await hoverText(
    editor.document,
    positionOf(editor.document, 'Access-Control-Allow-Origin: https://a.example'),
  );
  assert.match(header, /Only pages on `https:\/\/a\.example` may read this response, with the user's cookies\./);
  assert.match(header, /Credentialed requests from https:\/\/a\.example are readable\./);
  assert.match(header, /No `Vary: Origin`, so a shared cache may serve this response to another origin\./);
  const status = await hoverText(editor.document, positionOf(editor.document, 'HTTP/1.1 200 OK'));
  assert.match(status, /\*\*This response\*\*/);
  assert.match(status, /Preflight answers cached for 86,400 s \(24 h\)/);
  assert.equal(await hoverText(editor.document, positionOf(editor.document, 'Content-Type')), '');
});

test('"Explain Headers" decodes the selection into a read-only Markdown view', async () => {
  const editor = await open('response.http');
  const start = positionOf(editor.document, 'HTTP/1.1', 0);
  editor.selection = new vscode.Selection(start, editor.document.lineAt(start.line + 4).range.end);
  const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('corsGuard.explainHeaders');
  assert.ok(document, 'a document was opened');
  assert.equal(document.uri.scheme, 'cors-guard-explain');
  assert.equal(document.isDirty, false);
  assert.match(document.getText(), /^# CORS headers explained \(the selection\)/);
  assert.match(document.getText(), /## Only https:\/\/a\.example can read this response, with the user's cookies\./);
  assert.match(document.getText(), /Credentialed requests from https:\/\/a\.example are readable\./);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});

test('closing a document clears its diagnostics; showing it again lints it again', async () => {
  const editor = await open('custom-check.js');
  await linted(editor.document, (d) => d.length === 1);
  const uri = editor.document.uri;
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await until(() => findings(uri).length === 0 && !api.stateOf(uri), 'the diagnostics of the closed file to clear');
  const again = await open('custom-check.js');
  await linted(again.document, (d) => d.length === 1);
});

test('a finding in an imported module is shown at the import with the other file as related information; an unsaved edit there re-lints the importer', async () => {
  const server = await open('modules/server.js');
  const [finding] = await linted(server.document, (d) => d.length === 1);
  assert.equal(ruleOf(finding!), 'cors-guard/no-origin-reflection');
  assert.match(finding!.message, /^In modules\/settings\.js \(line 1\): /);
  assert.equal(finding!.range.start.line, 5);
  const related = finding!.relatedInformation?.[0];
  assert.ok(related?.location.uri.path.endsWith('/modules/settings.js'), 'related information in the other file');
  assert.equal(related?.location.range.start.line, 0);
  // Fix the module in its editor without saving: the buffer wins, and the importer is linted again.
  const settings = await open('modules/settings.js');
  const after = Date.now();
  await settings.edit((e) =>
    e.replace(
      settings.document.lineAt(0).range,
      "exports.options = { origin: ['https://shop.example.com'], credentials: true };",
    ),
  );
  await linted(server.document, (d) => d.length === 0, after);
  await vscode.commands.executeCommand('workbench.action.files.revert');
});

test('shows a finding as a person sees it (screenshots by the runner)', async () => {
  const editor = await open('order-processing-server.js');
  const diagnostics = await linted(editor.document, (d) => d.length === 3);
  const reflection = diagnostics.find((d) => ruleOf(d) === 'cors-guard/no-origin-reflection')!;
  editor.selection = new vscode.Selection(reflection.range.start, reflection.range.start);
  editor.revealRange(reflection.range, vscode.TextEditorRevealType.InCenter);
  await screenshot('finding');
  // The decoded policy of a cors() call, shown as a hover.
  const configured = await open('cors-options.ts');
  await linted(configured.document, (d) => d.length > 0);
  const at = positionOf(configured.document, 'cors({', 2);
  configured.selection = new vscode.Selection(at, at);
  await vscode.commands.executeCommand('editor.action.showHover');
  await screenshot('policy-hover');
}, 180_000);
