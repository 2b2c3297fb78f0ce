/** A part of the suite for `npm test` (test/vscode.test.ts): the activation test, then extension.test. */
import './activation';
import './extension.test';
import { runAll } from './harness';

export function run(): Promise<void> {
  return runAll();
}
