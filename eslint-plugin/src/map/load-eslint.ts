import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The project's ESLint class (resolved from `cwd`), else the one beside this plugin; `C` is the slice of its
 * API the caller uses.
 */
export async function loadEslint<C>(cwd: string): Promise<C> {
  let mod: { loadESLint?: (o: object) => Promise<C>; ESLint?: C };
  try {
    mod = createRequire(join(cwd, 'package.json'))('eslint') as typeof mod;
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require('eslint') as typeof mod;
  }
  if (mod.loadESLint) return mod.loadESLint({ useFlatConfig: true });
  if (mod.ESLint) return mod.ESLint;
  throw new Error('eslint does not export ESLint: ESLint 9 or later is needed');
}
