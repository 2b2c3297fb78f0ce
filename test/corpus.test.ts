// The real-world corpus (test/corpus): small projects reduced from shapes seen in public repositories and
// judged by hand. The manifest must be sound, and every project of every batch (the rows built for in
// corpus.json and each fresh batch in batches/*.json) is held to its hand verdict: a vulnerable project
// found at its expected file by its expected rule, a safe project clean. The only exceptions are the entries
// of test/corpus/known-wrong.json, each a known miss or false positive with its reason; an entry whose
// project comes out right fails until it is removed, so the list can only shrink. All projects are linted
// in this one process (the ESLint class, `cwd` per project). Needs the built plugin
// (`npm run build -w eslint-plugin`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  batchesDir,
  batchNames,
  judgeCorpus,
  loadKnownWrong,
  loadManifest,
  problemOf,
  projectsDir,
  scoreCorpus,
  validateKnownWrong,
  validateManifest,
  type CorpusResult,
  type ProjectResult,
} from '../eslint-plugin/scripts/corpus-lib.mjs';

const manifest = loadManifest();
const known = loadKnownWrong();
const knownById = new Map(known.map((k) => [k.id, k]));
const batches = ['built-for', ...batchNames()];

describe('corpus manifest', () => {
  it('is sound: every project listed and present, ids unique, expect files exist, verdicts and classes valid', () => {
    expect(validateManifest(manifest)).toEqual([]);
  });

  it('has at least 40 multi-file and 25 single-file projects, at least 30% of them safe', () => {
    const kinds = (k: string) => manifest.filter((p) => p.kind === k).length;
    expect(kinds('multi-file')).toBeGreaterThanOrEqual(40);
    expect(kinds('single-file')).toBeGreaterThanOrEqual(25);
    expect(manifest.filter((p) => p.verdict === 'safe').length / manifest.length).toBeGreaterThanOrEqual(0.3);
  });

  it('names where each vulnerable shape was seen and an attacker origin for checks that let one in', () => {
    for (const p of manifest) {
      expect(p.provenance, p.id).toMatch(/[\w.-]+\/[\w.-]+/);
      if (p.verdict === 'vulnerable' && p.class !== 'wildcard-credentials') expect(p.witness, p.id).toBeTruthy();
    }
  });

  it('reads every batch file: each JSON under batches/ is a batch or the before.json of one, naming its own projects', () => {
    const files = readdirSync(batchesDir).filter((f) => f.endsWith('.json'));
    const names = batchNames();
    for (const f of files) {
      if (!f.endsWith('.before.json')) {
        expect(names, f).toContain(f.slice(0, -'.json'.length));
        continue;
      }
      const batch = f.slice(0, -'.before.json'.length);
      expect(names, f).toContain(batch);
      const before = JSON.parse(readFileSync(join(batchesDir, f), 'utf8')) as { found: string[]; flagged: string[] };
      const mine = new Set(manifest.filter((p) => p.batch === batch).map((p) => p.id));
      expect(
        [...before.found, ...before.flagged].filter((id) => !mine.has(id)),
        f,
      ).toEqual([]);
    }
    for (const b of names)
      expect(
        manifest.some((p) => p.batch === b),
        b,
      ).toBe(true);
  });

  it('has a sound known-wrong list: existing ids, once each, a kind that fits the verdict, a one-line reason', () => {
    expect(validateKnownWrong(known, manifest)).toEqual([]);
  });

  it('rejects a known-wrong list that names a missing project, lists one twice, mislabels it or gives no reason', () => {
    const vulnerable = manifest.find((p) => p.verdict === 'vulnerable')!;
    const safe = manifest.find((p) => p.verdict === 'safe')!;
    expect(validateKnownWrong([{ id: 'no-such-project', kind: 'miss', reason: 'r' }], manifest)).toEqual([
      'known-wrong no-such-project: no such project in corpus.json or batches/*.json',
    ]);
    const twice = { id: vulnerable.id, kind: 'miss', reason: 'r' };
    expect(validateKnownWrong([twice, twice], manifest)).toEqual([`known-wrong ${vulnerable.id}: listed twice`]);
    expect(validateKnownWrong([{ id: safe.id, kind: 'miss', reason: 'r' }], manifest)).toEqual([
      `known-wrong ${safe.id}: a miss on a safe project`,
    ]);
    expect(validateKnownWrong([{ id: vulnerable.id, kind: 'false-positive', reason: 'r' }], manifest)).toEqual([
      `known-wrong ${vulnerable.id}: a false-positive on a vulnerable project`,
    ]);
    expect(validateKnownWrong([{ id: vulnerable.id, kind: 'miss', reason: 'two\nlines' }], manifest)).toEqual([
      `known-wrong ${vulnerable.id}: needs a one-line reason`,
    ]);
    expect(validateKnownWrong([{ id: vulnerable.id, kind: 'miss' }], manifest)).toEqual([
      `known-wrong ${vulnerable.id}: needs a one-line reason`,
    ]);
  });
});

describe('corpus scored with the recommended preset', () => {
  let result: CorpusResult;
  let byId: Map<string, ProjectResult>;
  beforeAll(async () => {
    result = await scoreCorpus();
    byId = new Map(result.projects.map((p) => [p.id, p]));
  });

  it('lints every project of every batch once, without a parse error or crash', () => {
    expect(result.projects.filter((p) => p.errors.length).map((p) => `${p.id}: ${p.errors.join('; ')}`)).toEqual([]);
    expect(result.projects.map((p) => `${p.batch}/${p.id}`)).toEqual(manifest.map((p) => `${p.batch}/${p.id}`));
    expect(Object.keys(result.totals.batches)).toEqual(batches);
  });

  it('sees a plain inline reflection with credentials (the scorer can find things)', () => {
    const canary = byId.get('inline-reflect-setheader-credentials');
    expect(canary?.found).toBe(true);
    expect(canary?.findings.some((f) => f.rule === 'no-origin-reflection' && f.file === 'server.js')).toBe(true);
    expect(existsSync(join(projectsDir, 'inline-reflect-setheader-credentials'))).toBe(true);
  });

  for (const batch of batches)
    describe(`batch ${batch}`, () => {
      const projects = manifest.filter((p) => p.batch === batch);
      it.each(projects.map((p) => [p.id, knownById.has(p.id) ? `known ${knownById.get(p.id)!.kind}` : p.verdict]))(
        '%s (%s) holds its hand verdict',
        (id) => {
          const p = byId.get(id);
          if (!p) expect.fail(`${id} was not scored`);
          const problem = problemOf(p, knownById.get(id));
          if (problem) expect.fail(`${problem.status}: ${problem.message}`);
        },
      );
    });

  it('names a project that fails its hand verdict, and a known-wrong entry that has come right', () => {
    const found = result.projects.find((p) => p.verdict === 'vulnerable' && p.found && !knownById.has(p.id))!;
    const clean = result.projects.find((p) => p.verdict === 'safe' && !p.flagged && !knownById.has(p.id))!;
    expect(found && clean).toBeTruthy();
    const finding = { file: 'x.js', line: 1, rule: 'no-origin-reflection', message: 'm' };
    const worse = {
      ...result,
      projects: result.projects.map((p) =>
        p === found
          ? { ...p, found: false, findings: [] }
          : p === clean
            ? { ...p, flagged: true, findings: [finding] }
            : p,
      ),
    };
    // Judged against today's result, the two changed projects and nothing else become problems.
    const today = judgeCorpus(result, known);
    const already = new Set(today.problems.map((q) => q.id));
    const problems = judgeCorpus(worse, known).problems.filter((q) => !already.has(q.id));
    expect(problems.map((q) => [q.id, q.status])).toEqual(
      result.projects.filter((p) => p === found || p === clean).map((p) => [p.id, 'unexpected']),
    );
    expect(problems.find((q) => q.id === found.id)?.message).toMatch(/missed: expected .* reported nothing$/);
    expect(problems.find((q) => q.id === clean.id)?.message).toContain(
      'flagged: the preset reported no-origin-reflection at x.js:1',
    );
    // A known entry whose project is right now is stale; a crash is never excused.
    expect(problemOf(found, { id: found.id, kind: 'miss', reason: 'r' })).toMatchObject({
      status: 'stale',
      message: expect.stringContaining('remove it from the list'),
    });
    expect(problemOf({ ...found, errors: ['boom'] }, { id: found.id, kind: 'miss', reason: 'r' })?.status).toBe(
      'unexpected',
    );
    // Each known entry that holds today excuses exactly its own project.
    for (const k of today.known) {
      const without = judgeCorpus(
        result,
        known.filter((x) => x !== k),
      ).problems.filter((q) => !already.has(q.id));
      expect(without.map((q) => [q.id, q.status])).toEqual([[k.id, 'unexpected']]);
    }
  });
});
