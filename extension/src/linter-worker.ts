/**
 * The linter worker thread: runs the CORS Guard rules with ESLint's `Linter` off the extension host's
 * thread. One request at a time; the host keeps only the latest request per document queued.
 * Also importable (`createEngine`) by the benchmarks, which measure the same code in-process.
 */
import { isMainThread, parentPort } from 'node:worker_threads';
import { LintEngine, type EngineOptions } from './core/engine';
import type { WorkerRequest, WorkerResponse } from './core/protocol';

function loadTypeScriptParser(): ReturnType<EngineOptions['loadTypeScriptParser']> {
  // A separate bundle next to this one (external to esbuild), loaded on the first TypeScript file.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./ts-parser.cjs') as ReturnType<EngineOptions['loadTypeScriptParser']>;
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
      send({ type: 'result', id: request.id, result: engine.lint(request) });
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
