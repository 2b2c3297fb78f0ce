// The framework table against the libraries themselves: each library's real middleware, over a grid of
// option shapes and request origins, must send exactly the Access-Control-Allow-Origin and
// Access-Control-Allow-Credentials the analysis predicts. See README.md beside this file.
import { afterAll, describe, expect, it } from 'vitest';
import { ORIGINS, SHAPES, type Shape } from './grid';
import { cleanup, predict, witnessFor } from './predict';
import { NO_OPTIONS, RUNNERS, type Kind, type Observed } from './runners';

export interface Row {
  readonly library: string;
  readonly shape: string;
  readonly origin: string;
  readonly kind: Kind;
  readonly observed: Observed;
  readonly predicted: Observed;
}

/**
 * Disagreements that are intended, with the reason (each also explained in frameworks.ts). A key is
 * `library | shape | origin | kind`; `*` matches any part.
 */
const INTENDED: readonly { readonly key: string; readonly why: string }[] = [];

const rows: Row[] = [];
const KINDS: readonly Kind[] = ['get', 'preflight'];

function intended(row: Row): string | undefined {
  const parts = [row.library, row.shape, row.origin, row.kind];
  return INTENDED.find(({ key }) => key.split(' | ').every((p, i) => p === '*' || p === parts[i]))?.why;
}

const same = (a: Observed, b: Observed) => a.acao === b.acao && a.acac === b.acac;

async function runShape(library: string, shape: Shape): Promise<Row[]> {
  const options = shape.source === undefined ? NO_OPTIONS : (new Function(`return (${shape.source});`)() as unknown);
  const instance = await RUNNERS[library]!(options);
  const out: Row[] = [];
  try {
    const witness = witnessFor(library, shape.source);
    const origins = witness && !ORIGINS.includes(witness) ? [...ORIGINS, witness] : ORIGINS;
    for (const origin of origins) {
      for (const kind of KINDS) {
        const observed = await instance.send({ origin, kind });
        const predicted = predict(library, shape.source, origin, kind);
        out.push({ library, shape: shape.name, origin: origin ?? '(none)', kind, observed, predicted });
      }
    }
  } finally {
    await instance.close();
  }
  return out;
}

describe.sequential('differential: the framework table against the real libraries', () => {
  for (const [library, shapes] of Object.entries(SHAPES)) {
    it(library, async () => {
      const mine: Row[] = [];
      for (const shape of shapes) mine.push(...(await runShape(library, shape)));
      rows.push(...mine);
      const unexpected = mine.filter((r) => !same(r.observed, r.predicted) && !intended(r));
      expect(unexpected.map(describeRow)).toEqual([]);
    });
  }

  afterAll(() => {
    cleanup();
    const disagreements = rows.filter((r) => !same(r.observed, r.predicted));
    console.log(
      `differential grid: ${Object.keys(SHAPES).length} libraries, ${rows.length} requests (${new Set(rows.map((r) => `${r.library}|${r.shape}`)).size} configurations); ${disagreements.length} disagreements, ${disagreements.filter((r) => intended(r)).length} intended`,
    );
    for (const r of disagreements)
      console.log(`  ${describeRow(r)}${intended(r) ? ` (intended: ${intended(r)})` : ''}`);
  });
});

function describeRow(r: Row): string {
  const show = (o: Observed) => `ACAO=${o.acao ?? '-'} ACAC=${o.acac ?? '-'}`;
  return `${r.library} | ${r.shape} | ${r.origin} | ${r.kind}: library ${show(r.observed)}, analysis ${show(r.predicted)}`;
}
