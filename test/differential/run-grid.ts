/**
 * One library's grid (grid.ts) against its real middleware (runners.ts), each request compared with the
 * analysis's prediction (predict.ts). Shared by the differential test (the installed versions) and the
 * version test and sweep (other published versions, loaded from their own folders).
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ORIGINS, type Shape } from './grid';
import { predict, witnessFor } from './predict';
import { importModule, NO_OPTIONS, RUNNERS, type Kind, type Loader, type Observed } from './runners';

export interface Row {
  readonly library: string;
  readonly shape: string;
  readonly origin: string;
  readonly kind: Kind;
  readonly observed: Observed;
  readonly predicted: Observed;
}

export const KINDS: readonly Kind[] = ['get', 'preflight'];

export const same = (a: Observed, b: Observed) => a.acao === b.acao && a.acac === b.acac;

/**
 * A loader that takes packages from `dir`'s node_modules (a version installed there), and everything else
 * (the frameworks around the library) from this repository's.
 */
export function loaderFor(dir: string): Loader {
  const req = createRequire(join(dir, 'package.json'));
  return async <T>(specifier: string): Promise<T> => {
    const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
    if (!existsSync(join(dir, 'node_modules', name))) return importModule<T>(specifier);
    // Installed there: it must load from there (a silent fallback would test the wrong version).
    return (await import(pathToFileURL(resolveIn(req, dir, name, specifier)).href)) as T;
  };
}

/** `require.resolve`, or for an ESM-only package its `exports` entry's `import`/`default` condition. */
function resolveIn(req: NodeJS.Require, dir: string, name: string, specifier: string): string {
  try {
    return req.resolve(specifier);
  } catch (error) {
    const pkgDir = join(dir, 'node_modules', name);
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { exports?: unknown };
    const sub = `.${specifier.slice(name.length)}`;
    let entry: unknown = pkg.exports;
    if (entry && typeof entry === 'object' && !Array.isArray(entry) && sub in entry)
      entry = (entry as Record<string, unknown>)[sub];
    while (entry && typeof entry === 'object' && !Array.isArray(entry)) {
      const e = entry as Record<string, unknown>;
      entry = e.import ?? e.node ?? e.default;
    }
    if (typeof entry !== 'string') throw error;
    return join(pkgDir, entry);
  }
}

/** Every request of one shape: the library's answer beside the analysis's. */
export async function runShape(
  library: string,
  shape: Shape,
  options: { load?: Loader; versions?: Readonly<Record<string, string>> } = {},
): Promise<Row[]> {
  const value = shape.source === undefined ? NO_OPTIONS : (new Function(`return (${shape.source});`)() as unknown);
  const runner = RUNNERS[library];
  if (!runner) throw new Error(`no runner for ${library}`);
  const instance = await runner(value, options.load);
  const out: Row[] = [];
  try {
    const witness = witnessFor(library, shape.source, options.versions);
    const origins = witness && !ORIGINS.includes(witness) ? [...ORIGINS, witness] : ORIGINS;
    for (const origin of origins) {
      for (const kind of KINDS) {
        const observed = await instance.send({ origin, kind });
        const predicted = predict(library, shape.source, origin, kind, options.versions);
        out.push({ library, shape: shape.name, origin: origin ?? '(none)', kind, observed, predicted });
      }
    }
  } finally {
    await instance.close();
  }
  return out;
}

export function describeRow(r: Row): string {
  const show = (o: Observed) => `ACAO=${o.acao ?? '-'} ACAC=${o.acac ?? '-'}`;
  return `${r.library} | ${r.shape} | ${r.origin} | ${r.kind}: library ${show(r.observed)}, analysis ${show(r.predicted)}`;
}
