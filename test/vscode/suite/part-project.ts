/** A part of the suite for `npm test` (test/vscode*.test.ts): the activation test, then map.test, project.test. */
import './activation';
import './map.test';
import './project.test';
import { runAll } from './harness';

export function run(): Promise<void> {
  return runAll();
}
