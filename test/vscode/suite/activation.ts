/**
 * The first test of every entry (index.ts and each part-*.ts): activates the extension on a JavaScript
 * file and hands its API to the helpers (`setApi`). Imported first, so it is the harness's first test.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CorsGuardApi } from '../../../extension/src/extension';
import { test } from './harness';
import { EXTENSION_ID, linted, open, setApi } from './helpers';

test('activates on a JavaScript file and exposes its API', async () => {
  const editor = await open('order-processing-server.js');
  const extension = vscode.extensions.getExtension<CorsGuardApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  setApi(extension.isActive ? extension.exports : await extension.activate());
  assert.ok(extension.isActive);
  await linted(editor.document);
});
