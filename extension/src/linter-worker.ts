/**
 * The linter worker thread: runs the CORS Guard rules with ESLint's `Linter` off the extension host's
 * thread. One request at a time; the host keeps only the latest request per document queued.
 * Also importable (`createEngine`) by the benchmarks, which measure the same code in-process.
 */
import { join } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { requireWithCodeCache } from './code-cache';
import { LintEngine, type EngineOptions } from './core/engine';
import type { WorkerRequest, WorkerResponse } from './core/protocol';

export { keep, keptAsFindings, shiftKept, typingDelay } from './core/keep';

type Parser = ReturnType<EngineOptions['loadTypeScriptParser']>;
const codeCacheDir = (workerData as { codeCacheDir?: string } | undefined)?.codeCacheDir;
let saveParserCache: (() => void) | undefined;

function loadTypeScriptParser(): Parser {
  // A separate bundle next to this one (external to esbuild), loaded on the first TypeScript file, through
  // V8's code cache when the extension gave the worker a cache folder.
  const loaded = requireWithCodeCache<Parser>(join(__dirname, 'ts-parser.cjs'), codeCacheDir);
  saveParserCache = () => loaded.save();
  return loaded.exports;
}

const firstLint: (() => void)[] = [];
let linted = false;

/** Runs `callback` once, after the worker's first lint (worker-boot.ts saves the code cache then). */
export function onFirstLint(callback: () => void): void {
  if (linted) callback();
  else firstLint.push(callback);
}

function afterLint(typescript: boolean): void {
  if (typescript && saveParserCache) {
    const save = saveParserCache;
    saveParserCache = undefined;
    setImmediate(save);
  }
  if (linted) return;
  linted = true;
  setImmediate(() => firstLint.splice(0).forEach((f) => f()));
}

export function createEngine(options: Partial<EngineOptions> = {}): LintEngine {
  return new LintEngine({ loadTypeScriptParser, ...options });
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const engine = createEngine();
  const send = (message: WorkerResponse) => port.postMessage(message);
  port.on('message', (message: WorkerRequest) => {
    if (message.type === 'warm') {
      try {
        engine.warm(message.typescript);
        // Parse a tiny file too, so the cache holds the parser's hot paths (and the first real lint is fast).
        if (message.typescript) {
          engine.lint({
            fileName: 'warm.ts',
            languageId: 'typescript',
            text: 'const a: number = 1;\n',
            settings: { preset: 'recommended', rules: {}, trustedOrigins: [] },
          });
          afterLint(true);
        }
      } catch {
        // The lint that needs it reports the error.
      }
      return;
    }
    if (message.type === 'hover') {
      const { request } = message;
      try {
        send({ type: 'hover', id: request.id, hover: engine.hover(request) ?? null });
      } catch (error) {
        // A hover must never break linting: answer "nothing to show" and log.
        send({ type: 'hover', id: request.id, hover: null });
        console.error(error);
      }
      return;
    }
    if (message.type === 'policies') {
      const { request } = message;
      try {
        send({ type: 'policies', id: request.id, policies: engine.policies(request) });
      } catch (error) {
        send({ type: 'policies', id: request.id, policies: null });
        console.error(error);
      }
      return;
    }
    const { request } = message;
    try {
      const result = engine.lint(request);
      send({ type: 'result', id: request.id, result });
      afterLint(result.parser === 'typescript');
    } catch (error) {
      send({
        type: 'error',
        id: request.id,
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  });
  send({ type: 'ready' });
}
