// The framework table against the libraries themselves: each library's real middleware, over a grid of
// option shapes and request origins, must send exactly the Access-Control-Allow-Origin and
// Access-Control-Allow-Credentials the analysis predicts. See README.md beside this file.
import { afterAll, describe, expect, it } from 'vitest';
import { SHAPES } from './grid';
import { cleanup } from './predict';
import { describeRow, runShape, same, type Row } from './run-grid';

/**
 * Disagreements that are intended, with the reason (each also explained in frameworks.ts). A key is
 * `library | shape | origin | kind`; `*` matches any part.
 */
const INTENDED: readonly { readonly key: string; readonly why: string }[] = [];

const rows: Row[] = [];

function intended(row: Row): string | undefined {
  const parts = [row.library, row.shape, row.origin, row.kind];
  return INTENDED.find(({ key }) => key.split(' | ').every((p, i) => p === '*' || p === parts[i]))?.why;
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
