#!/usr/bin/env node
// `npm run sweep [-- --limit N --fuzz N --scale X]`: the robustness sweep. Lints every .js/.cjs/.mjs file
// of node_modules (files over 1 MB skipped) with the strict preset, fuzzes the regex analysis and lints
// pathological inputs. Fails on any exception, any witness RegExp rejects, or any finding not reviewed
// in test/sweep-verdicts.json. Writes bench-results/sweep.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  fuzzAnalysis,
  lintPathological,
  listFiles,
  MAX_FILE_BYTES,
  rootDir,
  sweepFiles,
  unreviewedFindings,
} from './sweep-lib.mjs';

const { values } = parseArgs({
  options: {
    limit: { type: 'string' },
    fuzz: { type: 'string', default: '3000' },
    scale: { type: 'string', default: '1' },
  },
});
const limit = values.limit ? Number(values.limit) : Infinity;

const t0 = performance.now();
const files = sweepFiles(listFiles(limit));
const fuzz = fuzzAnalysis(Number(values.fuzz), 20261125);
const pathological = lintPathological(Number(values.scale));
const seconds = ((performance.now() - t0) / 1000).toFixed(1);

const unreviewed = unreviewedFindings(files.findings);

console.log(`## Robustness sweep (${seconds} s)\n`);
console.log(`| what | result |\n| --- | --- |`);
console.log(
  `| files linted (strict preset) | ${files.files} (skipped over ${MAX_FILE_BYTES / 1e6} MB: ${files.skipped}) |`,
);
console.log(`| parse errors | ${files.parseErrors} |`);
console.log(`| exceptions from rules | ${files.exceptions.length} |`);
console.log(`| slowest file | ${files.slowest.file} (${files.slowest.ms.toFixed(0)} ms) |`);
console.log(`| findings | ${files.findings.length} (${unreviewed.length} not yet reviewed) |`);
console.log(
  `| regex fuzz cases | ${fuzz.cases} (${fuzz.invalid} invalid; ${fuzz.safe} safe, ${fuzz.unsafe} unsafe, ${fuzz.inconclusive} inconclusive) |`,
);
console.log(`| fuzz exceptions / false witnesses | ${fuzz.exceptions.length} / ${fuzz.falseWitnesses.length} |`);
console.log(
  `| slowest fuzz case | \`${fuzz.slowest.pattern.replace(/\|/g, '\\|')}\` (${fuzz.slowest.ms.toFixed(1)} ms) |`,
);
for (const p of pathological)
  console.log(
    `| ${p.name} | ${p.error ? `ERROR ${p.error}` : `${p.ms.toFixed(0)} ms, ${p.parsed ? 'parsed' : 'parse error'}, ${p.findings} findings`} |`,
  );
for (const f of files.findings) console.log(`\n- ${f.file}:${f.line} ${f.ruleId}: ${f.message}`);
for (const e of files.exceptions) console.log(`\nEXCEPTION in ${e.file}\n${e.error}`);
for (const e of fuzz.exceptions) console.log(`\nFUZZ EXCEPTION /${e.pattern}/${e.flags}: ${e.error}`);
for (const w of fuzz.falseWitnesses) console.log(`\nFALSE WITNESS /${w.pattern}/${w.flags}: ${w.witness}`);

mkdirSync(join(rootDir, 'bench-results'), { recursive: true });
writeFileSync(join(rootDir, 'bench-results', 'sweep.json'), JSON.stringify({ files, fuzz, pathological }, null, 2));
const failed =
  files.exceptions.length +
  fuzz.exceptions.length +
  fuzz.falseWitnesses.length +
  unreviewed.length +
  pathological.filter((p) => p.error).length;
process.exit(failed > 0 ? 1 : 0);
