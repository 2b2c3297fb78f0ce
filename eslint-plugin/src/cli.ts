/** The `cors-guard` command: `map` (the CORS map and its diff) and `test` (a regression test from a finding). */
import { main as mapMain } from './map/cli';
import { main as testMain } from './prove/cli';

/** Runs the command line; returns the exit code. */
export function main(argv: readonly string[]): Promise<number> {
  return argv[0] === 'test' ? testMain(argv.slice(1)) : mapMain(argv);
}
