/**
 * A part of the suite for `npm test` (test/vscode-map.test.ts): the activation test, then map.test, prove.test,
 * workflows.test.
 */
import './activation';
import './map.test';
import './prove.test';
import './workflows.test';
import { runAll } from './harness';

export function run(): Promise<void> {
  return runAll();
}
