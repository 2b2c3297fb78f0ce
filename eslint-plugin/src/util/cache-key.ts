/**
 * What `eslint --cache` keys a file's results on, besides the file: ESLint reuses a cached result while the
 * file's own content (or mtime) and the hash of its configuration stay the same, and that hash is its
 * configuration serialised (lib/cli-engine/lint-result-cache.js: `stringify(config)`, which calls any
 * `toJSON` it meets). A finding of CORS Guard may come from another file (a check in `check.js` deciding
 * what `server.js` sends), so the presets' `settings['cors-guard']` serialise with a digest of the project's
 * CORS-relevant modules (analysis/dependencies.ts): any change there changes every file's key and the
 * project is linted again; a change anywhere else keeps every cached result.
 *
 * Computed only when ESLint serialises the configuration (with `--cache`), once per process and root.
 */
import { runScopeKey } from '../analysis/run-scope';
import { corsDigest } from '../analysis/dependencies';

const digests = new Map<string, string>();

/** The digest for `root`, computed once per process (an ESLint run) and root. */
function digestFor(root: string): string {
  let d = digests.get(root);
  if (d === undefined) {
    try {
      d = corsDigest(root);
    } catch {
      d = `unreadable:${Date.now()}`; // never stale: a project that cannot be read is linted again
    }
    if (digests.size > 20) digests.clear();
    digests.set(root, d);
  }
  return d;
}

/**
 * The presets' `settings['cors-guard']`: empty to every reader but ESLint's cache, which serialises it with
 * the project's digest. ESLint merges a user's own `settings['cors-guard']` into it (own properties are
 * kept), so `root` and `modules` given there are read here too.
 */
export function cacheKeySettings(): Record<string, unknown> {
  return {
    toJSON(this: Record<string, unknown>) {
      const rest: Record<string, unknown> = { ...this };
      delete rest.toJSON;
      const root = typeof rest.root === 'string' ? rest.root : process.cwd();
      if (rest.modules === false) return rest;
      // Where a finding sits depends on which files the run lints (analysis/run-scope.ts).
      return { ...rest, projectDigest: digestFor(root), runScope: runScopeKey(root) };
    },
  };
}
