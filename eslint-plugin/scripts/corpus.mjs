#!/usr/bin/env node
// `npm run corpus [-- --only id,id]`: lints the real-world corpus in test/corpus with the recommended preset
// (see corpus-lib.mjs), prints a Markdown table per project, the totals, the score of each batch (the rows
// built for and every fresh batch apart, each beside what its release scored before), the known-wrong
// entries and every project that fails its hand verdict, and writes bench-results/corpus.json (ignored by
// git). Exits 1 when a project fails its hand verdict outside test/corpus/known-wrong.json, or a listed one
// has come right (the check test/corpus.test.ts makes).
// `--write-before <batch>` records, for a fresh batch, what the checked-out release finds and flags on it
// (test/corpus/batches/<batch>.before.json), before anything is built for it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  batchesDir,
  corpusMarkdown,
  judgeCorpus,
  loadKnownWrong,
  rootDir,
  scoreCorpus,
  summaryLine,
  validateKnownWrong,
  validateManifest,
} from './corpus-lib.mjs';

const { values } = parseArgs({
  options: {
    'write-before': { type: 'string' },
    only: { type: 'string' },
  },
});

const problems = [...validateManifest(), ...validateKnownWrong()];
if (problems.length) {
  console.error(`The corpus manifest or known-wrong list has problems:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  process.exit(1);
}
const batch = values['write-before'];
const known = loadKnownWrong();
const result = await scoreCorpus({ ids: values.only?.split(','), batch });
console.log(corpusMarkdown(result, known));
console.log('', summaryLine(result.totals));
for (const p of result.projects.filter((x) => x.errors.length)) console.log(`\n${p.id}: ${p.errors.join('\n  ')}`);

mkdirSync(join(rootDir, 'bench-results'), { recursive: true });
writeFileSync(join(rootDir, 'bench-results', 'corpus.json'), JSON.stringify(result, null, 2));
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
} else if (judgeCorpus(result, known).problems.length) process.exitCode = 1;
