/** A part of the suite for `npm test` (test/vscode-project.test.ts): the activation test, then project.test. */
import './activation';
import './project.test';
import { runAll } from './harness';

export function run(): Promise<void> {
  return runAll();
}
