/** The `cors-guard` command: `map` (the CORS map and its diff) and `test` (a regression test from a finding). */
import { main as mapMain } from './map/cli';
import { main as testMain } from './prove/cli';
import type { CliIo } from './util/cli-io';

export type { CliIo } from './util/cli-io';

/**
 * Runs the command line; returns the exit code. The bin runs it with the process's streams and working
 * directory; a caller in the same process passes its own `io` and reads what was written.
 */
export function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  return argv[0] === 'test' ? testMain(argv.slice(1), io) : mapMain(argv, io);
}
