#!/usr/bin/env node
// `npm run corpus [-- --write-baseline] [-- --only id,id]`: lints the real-world corpus in test/corpus with
// the recommended preset (see corpus-lib.mjs), prints a Markdown table per project and the totals, and
// writes bench-results/corpus.json (ignored by git). `--write-baseline` records today's found and flagged
// ids in test/corpus/baseline.json, the regression guard test/corpus.test.ts compares against.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  baselineOf,
  baselinePath,
  corpusMarkdown,
  rootDir,
  scoreCorpus,
  summaryLine,
  validateManifest,
} from './corpus-lib.mjs';

const { values } = parseArgs({
  options: { 'write-baseline': { type: 'boolean', default: false }, only: { type: 'string' } },
});

const problems = validateManifest();
if (problems.length) {
  console.error(`The corpus manifest has problems:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  process.exit(1);
}
const result = await scoreCorpus({ ids: values.only?.split(',') });
console.log(corpusMarkdown(result));
console.log('', summaryLine(result.totals));
for (const p of result.projects.filter((x) => x.errors.length)) console.log(`\n${p.id}: ${p.errors.join('\n  ')}`);

mkdirSync(join(rootDir, 'bench-results'), { recursive: true });
writeFileSync(join(rootDir, 'bench-results', 'corpus.json'), JSON.stringify(result, null, 2));
if (values['write-baseline']) {
  if (values.only) {
    console.error('--write-baseline needs the whole corpus (drop --only).');
    process.exit(1);
  }
  writeFileSync(baselinePath, `${JSON.stringify(baselineOf(result), null, 2)}\n`);
  console.log(`\nWrote ${baselinePath}.`);
}
