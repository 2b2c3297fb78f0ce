// The real-world corpus (test/corpus): small projects, each reduced by hand from a shape seen in public
// repositories and judged by hand (vulnerable or safe), linted with the real `ESLint` class and the
// recommended preset, one project at a time with `cwd` set to the project (so cross-module resolution sees
// the project as a whole), all in this one process. Shared by `npm run corpus`, `npm run bench` and
// test/corpus.test.ts.
//
// A vulnerable project counts as found when one of its `expect` rules reports in one of its `expect`
// files, or reports elsewhere naming that file (a finding placed where the linted file enters the module
// that holds the fix); a safe project counts as flagged when the preset reports anything anywhere in it.
// Every project is held to its hand verdict: found when vulnerable, clean when safe. The only exceptions
// are the entries of test/corpus/known-wrong.json (a known miss or false positive, each with its reason);
// an entry whose project comes out right is stale and must be removed, so the list can only shrink.
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
/** The known wrong results: `[{ id, kind: 'miss' | 'false-positive', reason }]`, judged by hand. */
export const knownWrongPath = join(corpusDir, 'known-wrong.json');
/**
 * Fresh batches: projects collected after the analysis was built, scored by the release of their day before
 * any change was made for them (`<batch>.before.json`), and reported apart from the rows built for
 * (`corpus.json`, batch `built-for`).
 */
export const batchesDir = join(corpusDir, 'batches');

export const KINDS = ['multi-file', 'single-file'];
export const VERDICTS = ['vulnerable', 'safe'];
export const CLASSES = ['reflection', 'unsafe-check', 'wildcard-credentials', 'null-origin', 'local-exposure'];
export const RULES = [
  'no-origin-reflection',
  'no-unsafe-origin-check',
  'no-wildcard-with-credentials',
  'no-null-origin',
  'no-exposed-local-server',
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

/** The committed list of known wrong results (test/corpus/known-wrong.json). */
export function loadKnownWrong() {
  return JSON.parse(readFileSync(knownWrongPath, 'utf8'));
}

export const KNOWN_KINDS = ['miss', 'false-positive'];

/**
 * Problems with the known-wrong list itself (an empty list when it is sound): each entry names a project of
 * the manifest once, its kind fits the project's verdict (a miss is vulnerable, a false positive safe) and
 * its reason is one line.
 */
export function validateKnownWrong(known = loadKnownWrong(), manifest = loadManifest()) {
  if (!Array.isArray(known)) return ['known-wrong.json must hold an array'];
  const problems = [];
  const byId = new Map(manifest.map((p) => [p.id, p]));
  const seen = new Set();
  for (const k of known) {
    const where = `known-wrong ${k?.id ?? '(no id)'}`;
    const keys = Object.keys(k ?? {}).filter((key) => !['id', 'kind', 'reason'].includes(key));
    if (keys.length) problems.push(`${where}: unknown field ${keys.join(', ')}`);
    if (seen.has(k?.id)) problems.push(`${where}: listed twice`);
    seen.add(k?.id);
    const p = byId.get(k?.id);
    if (!p) problems.push(`${where}: no such project in corpus.json or batches/*.json`);
    if (!KNOWN_KINDS.includes(k?.kind)) problems.push(`${where}: kind must be one of ${KNOWN_KINDS.join(', ')}`);
    else if (p && (k.kind === 'miss') !== (p.verdict === 'vulnerable'))
      problems.push(`${where}: a ${k.kind} on a ${p.verdict} project`);
    if (typeof k?.reason !== 'string' || k.reason.trim() === '' || /[\r\n]/.test(k.reason))
      problems.push(`${where}: needs a one-line reason`);
  }
  return problems;
}

/** How a scored project compares with its hand verdict: `right`, `miss`, `false-positive` or `error`. */
export function outcomeOf(p) {
  if (p.errors.length) return 'error';
  if (p.verdict === 'vulnerable') return p.found ? 'right' : 'miss';
  return p.flagged ? 'false-positive' : 'right';
}

/**
 * Each scored project judged against its hand verdict and the known-wrong list: `ok` (right, or wrong as a
 * known entry says), or a problem: `unexpected` (wrong and not listed, or a parse error or crash), `stale`
 * (listed but now right, or wrong another way than listed). Returns the problems, and the known entries
 * that still hold.
 */
export function judgeCorpus(result, known = loadKnownWrong()) {
  const knownById = new Map(known.map((k) => [k.id, k]));
  const problems = [];
  const stillKnown = [];
  for (const p of result.projects) {
    const problem = problemOf(p, knownById.get(p.id));
    if (problem) problems.push({ id: p.id, batch: p.batch, ...problem });
    else if (knownById.has(p.id)) stillKnown.push(knownById.get(p.id));
  }
  return { problems, known: stillKnown };
}

/**
 * Why a scored project fails its hand verdict, as `{ status, message }`, or `undefined` when it holds (right
 * and not listed, or wrong exactly as its known-wrong entry says).
 */
export function problemOf(p, known) {
  const outcome = outcomeOf(p);
  const reported = p.findings.length ? p.findings.map((f) => `${f.rule} at ${f.file}:${f.line}`).join('; ') : 'nothing';
  if (outcome === 'error')
    return { status: 'unexpected', message: `${p.id}: parse error or crash: ${p.errors.join('; ')}` };
  if (known) {
    if (outcome === known.kind) return undefined;
    return {
      status: 'stale',
      message:
        outcome === 'right'
          ? `${p.id} is listed in known-wrong.json as a ${known.kind} but is now right: remove it from the list`
          : `${p.id} is listed in known-wrong.json as a ${known.kind} but is a ${outcome}: correct the entry`,
    };
  }
  if (outcome === 'miss') {
    const expected = p.expect.map((e) => `${e.rule} in ${e.file}`).join(' or ');
    return {
      status: 'unexpected',
      message: `${p.id} (vulnerable) missed: expected ${expected}; the preset reported ${reported}`,
    };
  }
  if (outcome === 'false-positive')
    return { status: 'unexpected', message: `${p.id} (safe) flagged: the preset reported ${reported}` };
  return undefined;
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
  problems.push(...repositoryOverlaps(manifest));
  return problems;
}

/**
 * A fresh batch measures code the analysis was not built for, so an entry whose repository an earlier batch
 * (or the built-for rows) already drew from must say so in `seenIn` (the earlier ids), and is scored apart.
 */
function repositoryOverlaps(manifest) {
  const order = ['built-for', ...batchNames()];
  const problems = [];
  for (const p of manifest) {
    if (p.batch === 'built-for' || typeof p.repo !== 'string' || !p.repo.includes('/')) continue;
    const earlier = manifest.filter(
      (q) =>
        order.indexOf(q.batch) < order.indexOf(p.batch) && `${q.provenance ?? ''} ${q.repo ?? ''}`.includes(p.repo),
    );
    const declared = Array.isArray(p.seenIn) ? [...p.seenIn].sort() : [];
    const actual = earlier.map((q) => q.id).sort();
    if (declared.join() !== actual.join())
      problems.push(
        `project ${p.id}: its repository ${p.repo} is in ${actual.length ? actual.join(', ') : 'no earlier project'}; seenIn must list exactly those`,
      );
  }
  return problems;
}

/** Whether an entry is fresh code: a fresh batch's, from a repository no earlier batch drew from. */
export function isNewRepository(p) {
  return p.batch !== 'built-for' && !(Array.isArray(p.seenIn) && p.seenIn.length > 0);
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
      expect: p.expect,
      seenIn: p.seenIn ?? [],
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

/** The one-line totals, e.g. for the bench. */
export function summaryLine(t) {
  const part = (c) => `found ${c.found}/${c.vulnerable} vulnerable, flagged ${c.flagged}/${c.safe} safe`;
  const batches = Object.entries(t.batches ?? {})
    .map(([b, c]) => ` Batch ${b}: ${part(c)}.`)
    .join('');
  return `All: ${part(t.all)}. Multi-file: ${part(t['multi-file'])}. Single-file: ${part(t['single-file'])}.${batches}`;
}

/**
 * A Markdown table of every project (its outcome, and whether that is a known wrong result or a problem),
 * the totals per kind, the score per batch beside what the batch's release scored before anything was built
 * for it (`<batch>.before.json`), then the known-wrong entries and any problems.
 */
export function corpusMarkdown(result, known = loadKnownWrong()) {
  const { problems } = judgeCorpus(result, known);
  const problemById = new Map(problems.map((q) => [q.id, q]));
  const knownById = new Map(known.map((k) => [k.id, k]));
  const lines = [
    '| project | batch | kind | verdict | result | rules fired | against the hand verdict |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const p of result.projects) {
    const outcome =
      p.verdict === 'vulnerable' ? (p.found ? 'found' : '**missed**') : p.flagged ? '**flagged**' : 'clean';
    const crash = p.errors.length ? ' (error)' : '';
    const problem = problemById.get(p.id);
    const judged = problem ? `**${problem.status}**` : knownById.has(p.id) ? `known ${knownById.get(p.id).kind}` : 'ok';
    lines.push(
      `| ${p.id} | ${p.batch} | ${p.kind} | ${p.verdict} | ${outcome}${crash} | ${p.rules.join(', ') || '-'} | ${judged} |`,
    );
  }
  lines.push('', '| kind | vulnerable found | safe flagged |', '| --- | --- | --- |');
  for (const k of ['all', ...KINDS]) {
    const c = result.totals[k];
    lines.push(`| ${k} | ${c.found}/${c.vulnerable} | ${c.flagged}/${c.safe} |`);
  }
  lines.push(
    '',
    '| batch | projects | vulnerable found: before → now | safe flagged: before → now | known wrong | problems |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const [b, c] of Object.entries(result.totals.batches ?? {})) {
    const mine = result.projects.filter((p) => p.batch === b);
    const before = loadBatchBefore(b);
    const ids = new Set(mine.map((p) => p.id));
    const was = (list, of) => (before ? `${list.filter((id) => ids.has(id)).length}/${of}` : '-');
    const label = before ? `${b} (before: release ${before.release})` : b;
    const knownHere = mine.filter((p) => knownById.has(p.id) && !problemById.has(p.id)).length;
    const problemsHere = mine.filter((p) => problemById.has(p.id)).length;
    lines.push(
      `| ${label} | ${mine.length} | ${was(before?.found ?? [], c.vulnerable)} → ${c.found}/${c.vulnerable} | ${was(before?.flagged ?? [], c.safe)} → ${c.flagged}/${c.safe} | ${knownHere} | ${problemsHere} |`,
    );
    // The same batch without the repositories an earlier batch already drew from (`seenIn`).
    const fresh = mine.filter(isNewRepository);
    if (b !== 'built-for' && fresh.length !== mine.length) {
      const f = new Set(fresh.map((p) => p.id));
      const vuln = fresh.filter((p) => p.verdict === 'vulnerable');
      const safe = fresh.filter((p) => p.verdict === 'safe');
      const wasF = (list, of) => (before ? `${list.filter((id) => f.has(id)).length}/${of}` : '-');
      lines.push(
        `| ${b}, new repositories only | ${fresh.length} | ${wasF(before?.found ?? [], vuln.length)} → ${vuln.filter((p) => p.found).length}/${vuln.length} | ${wasF(before?.flagged ?? [], safe.length)} → ${safe.filter((p) => p.flagged).length}/${safe.length} | ${fresh.filter((p) => knownById.has(p.id) && !problemById.has(p.id)).length} | ${fresh.filter((p) => problemById.has(p.id)).length} |`,
      );
    }
  }
  const scored = new Set(result.projects.map((p) => p.id));
  const listed = known.filter((k) => scored.has(k.id));
  if (listed.length) {
    lines.push('', `Known wrong (test/corpus/known-wrong.json, ${listed.length} scored here):`);
    for (const k of listed) {
      const problem = problemById.get(k.id);
      lines.push(`- \`${k.id}\` (${k.kind})${problem ? ` **${problem.status}**` : ''}: ${k.reason}`);
    }
  }
  lines.push('');
  if (problems.length) {
    lines.push(`Problems against the hand verdicts (${problems.length}):`);
    for (const q of problems) lines.push(`- **${q.status}** (${q.batch}): ${q.message}`);
  } else lines.push('Every project scored holds its hand verdict or its known-wrong entry.');
  if (result.totals.errors) lines.push('', `Projects with a parse error or crash: ${result.totals.errors}.`);
  return lines.join('\n');
}
