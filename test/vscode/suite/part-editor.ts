/** A part of the suite for `npm test` (test/vscode-editor.test.ts): the activation test, then editor.test. */
import './activation';
import './editor.test';
import { runAll } from './harness';

export function run(): Promise<void> {
  return runAll();
}
