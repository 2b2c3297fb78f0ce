/** The browser-compatibility extract the hovers cite, against @mdn/browser-compat-data itself. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HEADER_FACTS } from '../../eslint-plugin/src/analysis';
// @ts-expect-error: a plain .mjs script without declarations
import { extract, HEADERS } from '../../extension/scripts/extract-compat.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bcd = createRequire(import.meta.url)('@mdn/browser-compat-data') as {
  http: { headers: Record<string, Record<string, unknown> & { __compat?: { mdn_url?: string } }> };
};

describe('browser-compat extract', () => {
  it('cites only keys that exist in @mdn/browser-compat-data, for every header the hovers explain', () => {
    expect([...(HEADERS as string[])].sort()).toEqual(HEADER_FACTS.map((f) => f.compatKey).sort());
    for (const f of HEADER_FACTS) {
      const entry = bcd.http.headers[f.compatKey];
      expect(entry?.__compat, `http.headers.${f.compatKey}`).toBeDefined();
      expect(entry!.__compat!.mdn_url).toBe(f.mdn);
    }
    for (const key of ['wildcard', 'authorization_not_covered_by_wildcard'])
      expect(bcd.http.headers['Access-Control-Allow-Headers']![key], key).toBeDefined();
  });

  it('is up to date with the installed data (run extension/scripts/extract-compat.mjs to refresh)', () => {
    const committed = JSON.parse(readFileSync(join(root, 'extension/src/core/browser-compat.json'), 'utf8'));
    expect(committed).toEqual(extract());
    expect(committed.headers['Access-Control-Allow-Methods'].features.wildcard.support.firefox).toMatch(/^\d/);
  });
});
