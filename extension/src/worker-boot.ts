/**
 * The worker thread's entry: loads the linter bundle through V8's code cache (see code-cache.ts) and
 * saves the cache once the first lint has run.
 */
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';
import { requireWithCodeCache } from './code-cache';

const cacheDir = (workerData as { codeCacheDir?: string } | undefined)?.codeCacheDir;
const loaded = requireWithCodeCache<{ onFirstLint(callback: () => void): void }>(
  join(__dirname, 'linter-worker.cjs'),
  cacheDir,
);
loaded.exports.onFirstLint(() => loaded.save());
