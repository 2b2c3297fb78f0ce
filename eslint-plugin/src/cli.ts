/**
 * The `cors-guard` command: `map` (the CORS map and its diff), `test` (a regression test from a finding)
 * and `check` (lint a change with the files it affects).
 */
import { main as checkMain } from './map/check';
import { main as mapMain } from './map/cli';
import { main as testMain } from './prove/cli';
import type { CliIo } from './util/cli-io';

export type { CliIo } from './util/cli-io';

/**
 * Runs the command line; returns the exit code. The bin runs it with the process's streams and working
 * directory; a caller in the same process passes its own `io` and reads what was written.
 */
export function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  if (argv[0] === 'check') return checkMain(argv.slice(1), io);
  return argv[0] === 'test' ? testMain(argv.slice(1), io) : mapMain(argv, io);
}
