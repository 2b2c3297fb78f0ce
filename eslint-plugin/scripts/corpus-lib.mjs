// The real-world corpus (test/corpus): small projects, each reduced by hand from a shape seen in public
// repositories and judged by hand (vulnerable or safe), linted with the real `ESLint` class and the
// recommended preset, one project at a time with `cwd` set to the project (so cross-module resolution sees
// the project as a whole). Shared by `npm run corpus`, `npm run bench` and test/corpus.test.ts.
//
// A vulnerable project counts as found when one of its `expect` rules reports in one of its `expect`
// files, or reports elsewhere naming that file (a finding placed where the linted file enters the module
// that holds the fix); a safe project counts as flagged when the preset reports anything anywhere in it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const pluginDir = dirname(dirname(fileURLToPath(import.meta.url)));
export const rootDir = dirname(pluginDir);
export const corpusDir = join(rootDir, 'test', 'corpus');
export const projectsDir = join(corpusDir, 'projects');
export const manifestPath = join(corpusDir, 'corpus.json');
export const baselinePath = join(corpusDir, 'baseline.json');
/**
 * Fresh batches: projects collected after the analysis was built, scored by the release of their day before
 * any change was made for them (`<batch>.before.json`), and reported apart from the rows built for
 * (`corpus.json`, batch `built-for`).
 */
export const batchesDir = join(corpusDir, 'batches');

export const KINDS = ['multi-file', 'single-file'];
export const VERDICTS = ['vulnerable', 'safe'];
export const CLASSES = ['reflection', 'unsafe-check', 'wildcard-credentials', 'null-origin'];
export const RULES = [
  'no-origin-reflection',
  'no-unsafe-origin-check',
  'no-wildcard-with-credentials',
  'no-null-origin',
];

const require = createRequire(import.meta.url);

/** The fresh batches' names, sorted (each `test/corpus/batches/<name>.json`). */
export function batchNames() {
  if (!existsSync(batchesDir)) return [];
  return readdirSync(batchesDir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.before.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/**
 * The manifest: test/corpus/corpus.json (batch `built-for`) then every fresh batch, each entry tagged with
 * its batch.
 */
export function loadManifest() {
  const entries = JSON.parse(readFileSync(manifestPath, 'utf8')).map((p) => ({ ...p, batch: 'built-for' }));
  for (const b of batchNames())
    for (const p of JSON.parse(readFileSync(join(batchesDir, `${b}.json`), 'utf8'))) entries.push({ ...p, batch: b });
  return entries;
}

/** What the release of the batch's day scored on it before any change: `{ release, found, flagged }`. */
export function loadBatchBefore(batch) {
  const p = join(batchesDir, `${batch}.before.json`);
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : undefined;
}

/** The committed baseline: the ids found and the safe ids flagged when it was last written. */
export function loadBaseline() {
  return JSON.parse(readFileSync(baselinePath, 'utf8'));
}

/** Every source file of a project, relative to it, sorted. */
export function projectFiles(id) {
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory() && e.name !== 'node_modules') walk(p);
      else if (e.isFile()) out.push(relative(join(projectsDir, id), p).split('\\').join('/'));
    }
  };
  walk(join(projectsDir, id));
  return out;
}

/** Problems with the manifest itself (an empty list when it is sound). */
export function validateManifest(manifest = loadManifest()) {
  const problems = [];
  const ids = new Set();
  for (const p of manifest) {
    const where = `project ${p.id ?? '(no id)'}`;
    if (typeof p.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(p.id)) problems.push(`${where}: bad id`);
    if (ids.has(p.id)) problems.push(`${where}: duplicate id`);
    ids.add(p.id);
    if (!KINDS.includes(p.kind)) problems.push(`${where}: kind must be one of ${KINDS.join(', ')}`);
    if (!VERDICTS.includes(p.verdict)) problems.push(`${where}: verdict must be one of ${VERDICTS.join(', ')}`);
    for (const field of ['framework', 'pattern', 'provenance', 'notes'])
      if (typeof p[field] !== 'string' || p[field].trim() === '') problems.push(`${where}: missing ${field}`);
    if (!Array.isArray(p.expect)) problems.push(`${where}: expect must be an array`);
    if (p.verdict === 'vulnerable') {
      if (!CLASSES.includes(p.class)) problems.push(`${where}: a vulnerable project needs a class`);
      if (!Array.isArray(p.expect) || p.expect.length === 0)
        problems.push(`${where}: a vulnerable project needs expect`);
    } else if (p.verdict === 'safe') {
      if (p.class !== null) problems.push(`${where}: a safe project has class null`);
      if (Array.isArray(p.expect) && p.expect.length) problems.push(`${where}: a safe project expects nothing`);
    }
    const dir = join(projectsDir, p.id ?? '');
    if (!existsSync(dir)) {
      problems.push(`${where}: no directory test/corpus/projects/${p.id}`);
      continue;
    }
    const files = projectFiles(p.id);
    const sources = files.filter((f) => /\.(c|m)?(j|t)sx?$/.test(f));
    if (p.kind === 'multi-file' && sources.length < 2) problems.push(`${where}: multi-file with one source file`);
    if (p.kind === 'single-file' && sources.length !== 1) problems.push(`${where}: single-file with ${sources.length}`);
    for (const e of p.expect ?? []) {
      if (!RULES.includes(e.rule)) problems.push(`${where}: unknown rule ${e.rule}`);
      if (!files.includes(e.file)) problems.push(`${where}: expect file ${e.file} does not exist`);
    }
  }
  if (existsSync(projectsDir))
    for (const d of readdirSync(projectsDir)) if (!ids.has(d)) problems.push(`directory ${d} is not in the manifest`);
  return problems;
}

/** The flat config: the built plugin's recommended preset, TypeScript through typescript-eslint's parser. */
export function corpusConfig() {
  const plugin = require(join(pluginDir, 'dist', 'index.js'));
  return [
    {
      files: ['**/*.{js,mjs,cjs,jsx}'],
      languageOptions: { ecmaVersion: 'latest', parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tseslint.parser } },
    {
      files: ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'],
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: plugin.configs.recommended.plugins,
      rules: plugin.configs.recommended.rules,
    },
  ];
}

/** Lints one project with `cwd` set to it; returns its findings and any fatal parse error or crash. */
export async function lintProject(id) {
  const cwd = join(projectsDir, id);
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: corpusConfig() });
  const findings = [];
  const errors = [];
  try {
    for (const r of await eslint.lintFiles(['.'])) {
      const file = relative(cwd, r.filePath).split('\\').join('/');
      for (const m of r.messages) {
        if (m.fatal) errors.push(`${file}:${m.line}: ${m.message}`);
        else if (m.ruleId?.startsWith('cors-guard/'))
          findings.push({ file, line: m.line, rule: m.ruleId.slice('cors-guard/'.length), message: m.message });
      }
    }
  } catch (error) {
    errors.push(
      String(error?.stack ?? error)
        .split('\n')
        .slice(0, 6)
        .join('\n'),
    );
  }
  return { findings, errors };
}

/**
 * Whether a finding points at `file`: reported there, or reported where the linted file enters that
 * module (a helper call, the options it hands over) with a message naming it (`In \`file\` (line N): …`),
 * since ESLint can only report in the file it lints.
 */
function pointsAt(finding, file) {
  return finding.file === file || finding.message.startsWith(`In \`${file}\` (line `);
}

/** Lints every project (or the ids given) and scores it against the manifest. */
export async function scoreCorpus({ ids, batch } = {}) {
  const manifest = loadManifest().filter((p) => (!ids || ids.includes(p.id)) && (!batch || p.batch === batch));
  const projects = [];
  for (const p of manifest) {
    const { findings, errors } = await lintProject(p.id);
    const found =
      p.verdict === 'vulnerable' &&
      findings.some((f) => p.expect.some((e) => e.rule === f.rule && pointsAt(f, e.file)));
    const flagged = p.verdict === 'safe' && findings.length > 0;
    projects.push({
      id: p.id,
      batch: p.batch,
      kind: p.kind,
      verdict: p.verdict,
      class: p.class,
      framework: p.framework,
      pattern: p.pattern,
      found,
      flagged,
      rules: [...new Set(findings.map((f) => f.rule))].sort(),
      findings,
      errors,
    });
  }
  return { projects, totals: totals(projects) };
}

function totals(projects) {
  const count = (list) => {
    const vulnerable = list.filter((p) => p.verdict === 'vulnerable');
    const safe = list.filter((p) => p.verdict === 'safe');
    return {
      vulnerable: vulnerable.length,
      found: vulnerable.filter((p) => p.found).length,
      safe: safe.length,
      flagged: safe.filter((p) => p.flagged).length,
    };
  };
  const batches = [...new Set(projects.map((p) => p.batch))];
  return {
    all: count(projects),
    ...Object.fromEntries(KINDS.map((k) => [k, count(projects.filter((p) => p.kind === k))])),
    batches: Object.fromEntries(batches.map((b) => [b, count(projects.filter((p) => p.batch === b))])),
    errors: projects.filter((p) => p.errors.length).length,
  };
}

/** What a baseline records: the ids found and the safe ids flagged. */
export function baselineOf(result) {
  return {
    found: result.projects.filter((p) => p.found).map((p) => p.id),
    flagged: result.projects.filter((p) => p.flagged).map((p) => p.id),
  };
}

/** Regressions against a baseline: baseline-found projects no longer found, safe projects newly flagged. */
export function compareWithBaseline(result, baseline = loadBaseline()) {
  const byId = new Map(result.projects.map((p) => [p.id, p]));
  return {
    lost: baseline.found.filter((id) => byId.has(id) && !byId.get(id).found),
    newlyFlagged: result.projects.filter((p) => p.flagged && !baseline.flagged.includes(p.id)).map((p) => p.id),
  };
}

/** The one-line totals, e.g. for the bench. */
export function summaryLine(t) {
  const part = (c) => `found ${c.found}/${c.vulnerable} vulnerable, flagged ${c.flagged}/${c.safe} safe`;
  const batches = Object.entries(t.batches ?? {})
    .map(([b, c]) => ` Batch ${b}: ${part(c)}.`)
    .join('');
  return `All: ${part(t.all)}. Multi-file: ${part(t['multi-file'])}. Single-file: ${part(t['single-file'])}.${batches}`;
}

/** A Markdown table of every project, then the totals. */
export function corpusMarkdown(result) {
  const lines = [
    '| project | batch | kind | verdict | result | rules fired |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const p of result.projects) {
    const outcome =
      p.verdict === 'vulnerable' ? (p.found ? 'found' : '**missed**') : p.flagged ? '**flagged**' : 'clean';
    const crash = p.errors.length ? ' (error)' : '';
    lines.push(
      `| ${p.id} | ${p.batch} | ${p.kind} | ${p.verdict} | ${outcome}${crash} | ${p.rules.join(', ') || '-'} |`,
    );
  }
  lines.push('', '| kind | vulnerable found | safe flagged |', '| --- | --- | --- |');
  for (const k of ['all', ...KINDS]) {
    const c = result.totals[k];
    lines.push(`| ${k} | ${c.found}/${c.vulnerable} | ${c.flagged}/${c.safe} |`);
  }
  for (const [b, c] of Object.entries(result.totals.batches ?? {})) {
    const before = loadBatchBefore(b);
    const was = before
      ? ` (release ${before.release}: ${before.found.length}/${c.vulnerable} found, ${before.flagged.length}/${c.safe} flagged)`
      : '';
    lines.push(`| batch ${b}${was} | ${c.found}/${c.vulnerable} | ${c.flagged}/${c.safe} |`);
  }
  if (result.totals.errors) lines.push('', `Projects with a parse error or crash: ${result.totals.errors}.`);
  return lines.join('\n');
}
