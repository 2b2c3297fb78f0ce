#!/usr/bin/env node
// `npm run corpus [-- --write-baseline] [-- --only id,id]`: lints the real-world corpus in test/corpus with
// the recommended preset (see corpus-lib.mjs), prints a Markdown table per project and the totals, and
// writes bench-results/corpus.json (ignored by git). `--write-baseline` records today's found and flagged
// ids in test/corpus/baseline.json, the regression guard test/corpus.test.ts compares against.
// `--write-before <batch>` records, for a fresh batch, what the checked-out release finds and flags on it
// (test/corpus/batches/<batch>.before.json), before anything is built for it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  baselineOf,
  baselinePath,
  batchesDir,
  corpusMarkdown,
  rootDir,
  scoreCorpus,
  summaryLine,
  validateManifest,
} from './corpus-lib.mjs';

const { values } = parseArgs({
  options: {
    'write-baseline': { type: 'boolean', default: false },
    'write-before': { type: 'string' },
    only: { type: 'string' },
  },
});

const problems = validateManifest();
if (problems.length) {
  console.error(`The corpus manifest has problems:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  process.exit(1);
}
const batch = values['write-before'];
const result = await scoreCorpus({ ids: values.only?.split(','), batch });
console.log(corpusMarkdown(result));
console.log('', summaryLine(result.totals));
for (const p of result.projects.filter((x) => x.errors.length)) console.log(`\n${p.id}: ${p.errors.join('\n  ')}`);

mkdirSync(join(rootDir, 'bench-results'), { recursive: true });
writeFileSync(join(rootDir, 'bench-results', 'corpus.json'), JSON.stringify(result, null, 2));
if (values['write-baseline']) {
  if (values.only || batch) {
    console.error('--write-baseline needs the whole corpus (drop --only and --write-before).');
    process.exit(1);
  }
  writeFileSync(baselinePath, `${JSON.stringify(baselineOf(result), null, 2)}\n`);
  console.log(`\nWrote ${baselinePath}.`);
}
if (batch) {
  const release = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: rootDir, encoding: 'utf8' }).trim();
  const mine = result.projects.filter((p) => p.batch === batch);
  const before = {
    release,
    found: mine.filter((p) => p.found).map((p) => p.id),
    flagged: mine.filter((p) => p.flagged).map((p) => p.id),
  };
  writeFileSync(join(batchesDir, `${batch}.before.json`), `${JSON.stringify(before, null, 2)}\n`);
  console.log(`\nWrote ${batch}.before.json (release ${release}).`);
}
