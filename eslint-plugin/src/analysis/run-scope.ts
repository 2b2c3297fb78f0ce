/**
 * Which files the current lint run covers, so a finding can sit where its fix goes and still be seen when
 * that file is not linted. One defect is reported once, at its fix location (an options object in
 * `config/cors.js`, a helper in `lib/cors.js`), when that file is part of the run; when it is not (`eslint
 * server.js`, a pre-commit hook on one file, one file in the editor), the file that uses it reports it.
 *
 * ESLint does not tell a rule which other files it lints, so the run is learned from who started it:
 *  - a caller that knows (the `cors-guard` commands, the editor extension) says so with `setRunScope`;
 *  - the `eslint` command line: its own option parser reads the file patterns from `process.argv` (a
 *    folder or a glob covers what is under it; a file covers itself; `--stdin` covers nothing else);
 *  - otherwise (ESLint's Node API, worker threads, other editors) the run is unknown and the fix location
 *    is taken to be linted: one finding per defect, as `eslint .` reports it.
 * The scope is part of the cache key (util/cache-key.ts), so `eslint --cache file.js` and `eslint --cache .`
 * never reuse each other's placement.
 */
import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';

export interface RunScope {
  /** Absolute folders and files the run lints (a folder covers everything under it). */
  readonly paths: readonly string[];
  /** Patterns with glob characters: taken to cover every file (the run lints "many files"). */
  readonly globs: boolean;
}

/**
 * Kept on the global object under a registered symbol: the project's copy of the plugin (loaded by its
 * ESLint config) and the copy that runs a `cors-guard` command may be two module instances.
 */
const SLOT = Symbol.for('cors-guard.run-scope');
const slot = globalThis as { [SLOT]?: RunScope | null };

/**
 * Says which files the run covers (`null`: unknown, the default reading), or forgets it (`undefined`:
 * read the command line again).
 */
export function setRunScope(scope: RunScope | null | undefined): void {
  if (scope === undefined) delete slot[SLOT];
  else slot[SLOT] = scope;
}

let fromArgv: { readonly argv: string; readonly scope: RunScope | null } | undefined;

/** ESLint's command line in this process, read with ESLint's own option parser; null when not ESLint's. */
function commandLineScope(): RunScope | null {
  const key = process.argv.join('\0');
  if (fromArgv?.argv === key) return fromArgv.scope;
  let scope: RunScope | null = null;
  try {
    const bin = process.argv[1] ? nodeFs.realpathSync(process.argv[1]) : '';
    if (/[\\/]eslint[\\/]bin[\\/]eslint\.js$/.test(bin)) {
      const optionsModule = nodePath.join(nodePath.dirname(bin), '..', 'lib', 'options.js');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const create = require(optionsModule) as (o?: object) => { parse(argv: string[]): Record<string, unknown> };
      const options = create({ flatConfig: true }).parse(process.argv);
      if (options.stdin) scope = { paths: [], globs: false };
      else {
        const patterns = ((options._ as string[] | undefined) ?? []).map(String);
        const list = patterns.length > 0 ? patterns : ['.'];
        scope = {
          paths: list.filter((p) => !/[*?{}[\]!]/.test(p)).map((p) => nodePath.resolve(p)),
          globs: list.some((p) => /[*?{}[\]!]/.test(p)),
        };
      }
    }
  } catch {
    scope = null;
  }
  fromArgv = { argv: key, scope };
  return scope;
}

/** The run's scope: given by the caller, else ESLint's command line, else unknown (null). */
export function runScope(): RunScope | null {
  return SLOT in slot ? (slot[SLOT] ?? null) : commandLineScope();
}

/** Whether the run lints `file`: true or false when known, undefined when the run is unknown. */
export function runCovers(file: string): boolean | undefined {
  const scope = runScope();
  if (!scope) return undefined;
  if (scope.globs) return true;
  return scope.paths.some((p) => {
    const rel = nodePath.relative(p, file);
    return rel === '' || (!rel.startsWith('..') && !nodePath.isAbsolute(rel));
  });
}

/** A short key of the run's scope for the cache (`all` when every file under the folder is linted). */
export function runScopeKey(root: string): string {
  const scope = runScope();
  if (!scope) return 'unknown';
  if (scope.globs || scope.paths.some((p) => !nodePath.relative(p, root).startsWith('..'))) return 'all';
  return scope.paths
    .map((p) => nodePath.relative(root, p).split(nodePath.sep).join('/'))
    .sort()
    .join('|');
}
