#!/usr/bin/env node
// Extracts browser support for the headers the hovers explain from @mdn/browser-compat-data into a small
// JSON (extension/src/core/browser-compat.json), so the bundle carries a few kB instead of the whole dataset.
// `--check` fails if the committed file differs from what the current data gives.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const require = createRequire(import.meta.url);
const bcd = require('@mdn/browser-compat-data');
const out = join(root, 'extension/src/core/browser-compat.json');

export const HEADERS = [
  'Access-Control-Allow-Origin',
  'Access-Control-Allow-Credentials',
  'Access-Control-Allow-Methods',
  'Access-Control-Allow-Headers',
  'Access-Control-Expose-Headers',
  'Access-Control-Max-Age',
  'Access-Control-Request-Method',
  'Access-Control-Request-Headers',
  'Origin',
  'Vary',
  'Timing-Allow-Origin',
];
const BROWSERS = ['chrome', 'edge', 'firefox', 'safari'];

function support(compat) {
  const result = {};
  for (const b of BROWSERS) {
    const entry = [compat.support[b]].flat()[0];
    const added = entry?.version_added;
    result[b] = typeof added === 'string' ? added.replace(/^≤/, '≤ ') : added === true ? 'yes' : 'no';
  }
  return result;
}

export function extract() {
  const data = { source: `@mdn/browser-compat-data ${bcd.__meta.version}`, headers: {} };
  for (const name of HEADERS) {
    const entry = bcd.http.headers[name];
    if (!entry) throw new Error(`@mdn/browser-compat-data has no http.headers.${name}`);
    const features = {};
    for (const [key, sub] of Object.entries(entry)) {
      if (key !== '__compat' && sub.__compat)
        features[key] = { description: sub.__compat.description ?? key, support: support(sub.__compat) };
    }
    data.headers[name] = { support: support(entry.__compat), features };
  }
  return data;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = `${JSON.stringify(extract(), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    if (readFileSync(out, 'utf8') !== text) {
      console.error(`${out} is out of date: run node extension/scripts/extract-compat.mjs`);
      process.exit(1);
    }
  } else {
    writeFileSync(out, text);
    console.log(`wrote ${out}`);
  }
}
