// The real-world corpus (test/corpus): small projects reduced from shapes seen in public repositories and
// judged by hand. The manifest must be sound, and against the committed baseline no project the preset used to
// find may be lost and no safe project may newly be flagged. Improvements are recorded with
// `npm run corpus -- --write-baseline`. Needs the built plugin (`npm run build -w eslint-plugin`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  compareWithBaseline,
  loadBaseline,
  loadManifest,
  projectsDir,
  scoreCorpus,
  validateManifest,
  type CorpusResult,
} from '../eslint-plugin/scripts/corpus-lib.mjs';

const manifest = loadManifest();

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
});

describe('corpus scored with the recommended preset', () => {
  let result: CorpusResult;
  beforeAll(async () => {
    result = await scoreCorpus();
  });

  it('lints every project without a parse error or crash', () => {
    expect(result.projects.filter((p) => p.errors.length).map((p) => `${p.id}: ${p.errors.join('; ')}`)).toEqual([]);
    expect(result.projects).toHaveLength(manifest.length);
  });

  it('sees a plain inline reflection with credentials (the scorer can find things)', () => {
    const canary = result.projects.find((p) => p.id === 'inline-reflect-setheader-credentials');
    expect(canary?.found).toBe(true);
    expect(canary?.findings.some((f) => f.rule === 'no-origin-reflection' && f.file === 'server.js')).toBe(true);
  });

  it('loses no project the baseline found and flags no safe project the baseline did not', () => {
    expect(compareWithBaseline(result, loadBaseline())).toEqual({ lost: [], newlyFlagged: [] });
  });

  it('reports a regression when a baseline project is lost or a safe project is newly flagged', () => {
    const found = result.projects.find((p) => p.verdict === 'vulnerable' && p.found);
    const cleanSafe = result.projects.find((p) => p.verdict === 'safe' && !p.flagged);
    expect(found && cleanSafe).toBeTruthy();
    // The same project, no longer found today: the comparison must name it as lost.
    const lostNow = {
      ...result,
      projects: result.projects.map((p) => (p === found ? { ...p, found: false } : p)),
    };
    expect(compareWithBaseline(lostNow, { found: [found!.id], flagged: [] }).lost).toEqual([found!.id]);
    const flaggedNow = {
      ...result,
      projects: result.projects.map((p) => (p === cleanSafe ? { ...p, flagged: true } : p)),
    };
    expect(compareWithBaseline(flaggedNow, loadBaseline()).newlyFlagged).toContain(cleanSafe!.id);
  });

  it('has a baseline that only names projects of the manifest', () => {
    const ids = new Set(manifest.map((p) => p.id));
    const baseline = loadBaseline();
    expect([...baseline.found, ...baseline.flagged].filter((id) => !ids.has(id))).toEqual([]);
    expect(existsSync(join(projectsDir, 'inline-reflect-setheader-credentials'))).toBe(true);
  });
});
