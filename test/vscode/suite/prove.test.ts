/**
 * The quick fix "Write a regression test for this finding": offered on a provable finding, it writes a test
 * in the project's stack beside the file (here vitest + supertest, from the project's package.json), opens
 * it, and never replaces a file: asked twice, it picks a new name.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { test } from './harness';
import { codeActions, folder, linted, open, ruleOf } from './helpers';

const TITLE = 'Write a regression test for this finding';

test('a regression test from a finding: written in the project stack, opened, never over a file', async () => {
  const dir = path.join(folder().fsPath, 'prove-app');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ type: 'module', devDependencies: { vitest: '*', supertest: '*' } }),
  );
  writeFileSync(
    path.join(dir, 'app.js'),
    [
      "import express from 'express';",
      "import cors from 'cors';",
      '',
      'const app = express();',
      'app.use(cors({ origin: true, credentials: true }));',
      "app.get('/me', (req, res) => res.json({}));",
      '',
      'export default app;',
      '',
    ].join('\n'),
  );
  try {
    const editor = await open('prove-app/app.js');
    const diagnostics = await linted(editor.document, (d) =>
      d.some((x) => ruleOf(x) === 'cors-guard/no-origin-reflection'),
    );
    const reflection = diagnostics.find((d) => ruleOf(d) === 'cors-guard/no-origin-reflection')!;
    const actions = await codeActions(editor.document, reflection.range);
    const action = actions.find((a) => a.title === TITLE);
    assert.ok(action?.command, `offered among: ${actions.map((a) => a.title).join(' | ')}`);
    const written = await vscode.commands.executeCommand<string>(
      action.command.command,
      ...(action.command.arguments ?? []),
    );
    assert.equal(written, path.join(dir, 'app.cors.test.js'));
    const content = readFileSync(written, 'utf8');
    assert.match(content, /import \{ describe, it \} from 'vitest';/);
    assert.match(content, /import request from 'supertest';/);
    assert.match(content, /const ATTACKER = 'https:\/\/evil\.example';/);
    assert.match(content, /await request\(app\)\.get\('\/me'\)\.set\('Origin', origin\)/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, written);
    // Committed and run elsewhere: no path of this machine in it.
    assert.ok(!content.includes(folder().fsPath), `no absolute path:\n${content}`);
    assert.match(content, /app\.js:5/);
    const second = await vscode.commands.executeCommand<string>(
      action.command.command,
      ...(action.command.arguments ?? []),
    );
    assert.equal(second, path.join(dir, 'app.cors-2.test.js'));
    assert.equal(readFileSync(written, 'utf8'), content, 'the first test is untouched');
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
});
