/**
 * The `cors-guard` command: `map` (the CORS map and its diff), `test` (a regression test from a finding)
 * and `check` (lint a change with the files it affects).
 */
import { main as checkMain } from './map/check';
import { main as mapMain } from './map/cli';
import { main as testMain } from './prove/cli';

/** Runs the command line; returns the exit code. */
export function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === 'check') return checkMain(argv.slice(1));
  return argv[0] === 'test' ? testMain(argv.slice(1)) : mapMain(argv);
}
