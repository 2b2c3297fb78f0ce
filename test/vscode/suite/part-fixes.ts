/** A part of the suite for `npm test` (test/vscode-fixes.test.ts): the activation test, then fixes.test. */
import './activation';
import './fixes.test';
import { runAll } from './harness';

export function run(): Promise<void> {
  return runAll();
}
