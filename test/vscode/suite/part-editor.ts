/** A part of the suite for `npm test` (test/vscode*.test.ts): the activation test, then editor.test, prove.test, workflows.test. */
import './activation';
import './editor.test';
import './prove.test';
import './workflows.test';
import { runAll } from './harness';

export function run(): Promise<void> {
  return runAll();
}
