/**
 * The editor's CORS map without VS Code: the scan's excludes and `.gitignore` reading, the policies the
 * engine returns with each lint (the map's entries and the policy hover), the view's groups, the exported
 * report (valid against the JSON Schema), and the worker yielding to document lints during a scan.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { LintEngine } from '../../extension/src/core/engine';
import { excludeGlob, GitIgnores, groupMap, itemLabel, reportOf, type MapItem } from '../../extension/src/core/map';
import type { LintSettings } from '../../extension/src/core/protocol';
import { LintWorkerClient } from '../../extension/src/worker-client';
import { schemaErrors } from '../map/helper';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const settings: LintSettings = { preset: 'recommended', rules: {}, trustedOrigins: [] };
const engine = new LintEngine({ loadTypeScriptParser: () => tsParser as never });
const guide = readFileSync(join(root, 'eslint-plugin/examples/order-processing-server.js'), 'utf8');

describe('the files a scan lints', () => {
  it('excludes installed packages and the files.exclude entries that are on', () => {
    expect(excludeGlob(undefined)).toBe('{**/node_modules/**,**/.git/**}');
    expect(
      excludeGlob({ '**/dist': true, 'out/**': true, '**/*.gen.ts': false, '**/*.js': { when: '$(basename).ts' } }),
    ).toBe('{**/node_modules/**,**/.git/**,**/dist,**/dist/**,out/**}');
  });

  it('reads .gitignore files as git does: each below its own directory, later and deeper rules winning', () => {
    const ig = new GitIgnores();
    ig.add('', 'build/\n*.log\n/generated.js\n');
    ig.add('packages/web', 'public/\n!keep.log\n');
    expect(ig.ignores('build/server.js')).toBe(true);
    expect(ig.ignores('src/build/server.js')).toBe(true);
    expect(ig.ignores('generated.js')).toBe(true);
    expect(ig.ignores('src/generated.js')).toBe(false);
    expect(ig.ignores('packages/web/public/app.js')).toBe(true);
    expect(ig.ignores('packages/api/public/app.js')).toBe(false);
    expect(ig.ignores('packages/web/keep.log')).toBe(false);
    expect(ig.ignores('src/server.js')).toBe(false);
  });
});

describe('the policies a lint returns', () => {
  it("are the map's entries, with the hover a person sees on the policy", () => {
    const request = { fileName: '/w/order-processing-server.js', languageId: 'javascript', text: guide, settings };
    // Typing does not pay for them: a document lint returns none unless asked.
    expect(engine.lint(request).policies).toBeUndefined();
    const result = engine.lint({ ...request, withPolicies: true });
    expect(engine.policies(request)).toEqual(result.policies);
    const policies = result.policies ?? [];
    expect(policies.map((p) => `${p.verdict}@${p.line} ${p.rule ?? '-'}`)).toEqual([
      'unsafe@16 cors-guard/no-unsafe-origin-check',
      'unsafe@24 cors-guard/no-origin-reflection',
      'broken@34 cors-guard/no-wildcard-with-credentials',
    ]);
    expect(policies[0]!.file).toBe('/w/order-processing-server.js');
    expect(policies[0]!.hover).toContain('https://evilmydomain.com');
    expect(policies[0]!.hover).toContain('Access-Control-Allow-Credentials');
    // Every file a recommended rule flags has an unsafe or broken policy.
    expect(result.findings.length).toBeGreaterThan(0);
  });

  it('are absent for a file without CORS code', () => {
    const result = engine.lint({
      fileName: '/w/a.js',
      languageId: 'javascript',
      text: 'export const x = 1;\n',
      settings,
      withPolicies: true,
    });
    expect(result.policies).toBeUndefined();
  });
});

describe("the view's groups and the exported report", () => {
  const result = engine.lint({
    fileName: '/w/server.js',
    languageId: 'javascript',
    text: guide,
    settings,
    withPolicies: true,
  });
  const items: MapItem[] = [
    ...(result.policies ?? []).map((policy) => ({ uri: 'file:///w/server.js', file: 'server.js', policy })),
    ...(
      engine.lint({
        fileName: '/w/lib/allow.js',
        languageId: 'javascript',
        text: "const cors = require('cors');\napp.use(cors({ origin: ['https://a.example'], credentials: true }));\n",
        settings,
        withPolicies: true,
      }).policies ?? []
    ).map((policy) => ({ uri: 'file:///w/lib/allow.js', file: 'lib/allow.js', policy })),
  ];

  it('groups by file (by name) or by verdict (worst first)', () => {
    expect(groupMap(items, 'file').map((g) => [g.label, g.verdict, g.items.length])).toEqual([
      ['lib/allow.js', 'safe', 1],
      ['server.js', 'unsafe', 3],
    ]);
    expect(groupMap(items, 'verdict').map((g) => [g.label, g.items.length])).toEqual([
      ['unsafe', 2],
      ['broken', 1],
      ['safe', 1],
    ]);
    expect(itemLabel(items[1]!, 'file')).toEqual({
      label: 'any origin, reflected',
      description: 'with cookies · headers · line 24',
      accessible: "unsafe: any origin (the request's Origin sent back unchecked), with cookies · headers · line 24",
    });
    expect(itemLabel(items[3]!, 'verdict').description).toBe('with cookies · cors · lib/allow.js:2');
  });

  it('groups by workspace package (folder order; files of no package last), labelled name and folder', () => {
    const inPackage = (item: MapItem, name: string, folder: string): MapItem => ({
      ...item,
      policy: { ...item.policy, package: { name, folder } },
    });
    const grouped = groupMap(
      [inPackage(items[0]!, '@acme/api', 'apps/api'), inPackage(items[3]!, 'tools', 'tools'), items[1]!],
      'package',
    );
    expect(grouped.map((g) => [g.label, g.verdict, g.items.length])).toEqual([
      ['@acme/api (apps/api)', items[0]!.policy.verdict, 1],
      ['tools', 'safe', 1],
      ['outside the workspace packages', 'unsafe', 1],
    ]);
    expect(itemLabel(grouped[1]!.items[0]!, 'package').description).toBe('with cookies · cors · lib/allow.js:2');
  });

  it('exports the report the CLI writes, valid against the JSON Schema', () => {
    const report = reportOf(items, 2);
    expect(schemaErrors(JSON.parse(JSON.stringify(report)))).toEqual([]);
    expect(report.policies.map((p) => `${p.file}:${p.line}`)).toEqual([
      'lib/allow.js:2',
      'server.js:16',
      'server.js:24',
      'server.js:34',
    ]);
    expect(report.policies.every((p) => p.related.every((r) => r.file === p.file))).toBe(true);
  });
});

const workerPath = join(root, 'extension/dist/linter-worker.cjs');
describe.runIf(existsSync(workerPath))('the worker during a scan', () => {
  it('yields to a document lint: the edit waits for at most the one scan file in flight', async () => {
    const client = new LintWorkerClient({ workerPath, log: () => {} });
    try {
      const big = Array.from({ length: 8 }, () => guide).join('\n');
      const request = (text: string) => ({ fileName: '/w/f.js', languageId: 'javascript', text, settings });
      await client.lint('warm', request(guide));
      let backgroundDone = 0;
      let scanGoing!: () => void;
      const twoDone = new Promise<void>((resolve) => (scanGoing = resolve));
      const background = Array.from({ length: 30 }, (_, i) =>
        client.lintInBackground(`file:///w/${i}.js`, request(big)).then((o) => {
          if (++backgroundDone === 2) scanGoing();
          return o;
        }),
      );
      // Let the scan get going (two files answered), then "type".
      await twoDone;
      const before = backgroundDone;
      const edit = await client.lint('file:///w/open.js', request(guide));
      const overtaken = backgroundDone - before;
      expect(edit.kind).toBe('result');
      expect(overtaken).toBeLessThanOrEqual(1);
      expect(backgroundDone).toBeLessThan(30);
      // A cancelled scan drops what is queued.
      client.cancelBackground();
      const outcomes = await Promise.all(background);
      expect(outcomes.filter((o) => o.kind === 'superseded').length).toBeGreaterThan(20);
    } finally {
      client.dispose();
    }
  });
});
