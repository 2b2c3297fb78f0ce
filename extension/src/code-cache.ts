/**
 * `require` with V8's code cache: the worker's bundles (ESLint + the plugin, 2.5 MB; the TypeScript
 * parser, 4 MB) spend most of a cold start being parsed and compiled. The first run stores V8's compiled
 * code next to the extension's global storage; later cold starts load it instead of compiling again.
 * Keyed by file size, mtime and Node version; a rejected or unwritable cache just means a normal load.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

export interface CachedModule<T> {
  readonly exports: T;
  /** Writes the cache (after the module has run its first real work, so the cache holds that code too). */
  save(): void;
  readonly cacheHit: boolean;
}

export function requireWithCodeCache<T>(file: string, cacheDir: string | undefined): CachedModule<T> {
  if (!cacheDir) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return { exports: require(file) as T, save: () => {}, cacheHit: false };
  }
  const stat = statSync(file);
  const key = createHash('sha1')
    .update(`${file}|${stat.size}|${stat.mtimeMs}|${process.version}|${process.arch}`)
    .digest('hex')
    .slice(0, 16);
  const cacheFile = join(cacheDir, `${basename(file)}.${key}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const source = readFileSync(file, 'utf8');
  const script = new Script(Module.wrap(source), {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: unknown,
    filename: string,
    dirname: string,
  ) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  const cacheHit = !!cachedData && !script.cachedDataRejected;
  let saved = cacheHit;
  return {
    exports: module.exports as T,
    cacheHit,
    save() {
      if (saved) return;
      saved = true;
      try {
        mkdirSync(cacheDir, { recursive: true });
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
      } catch {
        // A read-only or full disk: the next start compiles again.
      }
    },
  };
}
