/**
 * The `cors-guard map` CLI, run as a user would (in a project folder): the bin's own entry in this process,
 * with the real bin spawned for exit codes and to show it prints the same; its four formats on the
 * built-in examples and on multi-file fixture projects (with and without a flat config of their own), the
 * JSON checked against the committed JSON Schema, the verdicts held to the rules' findings, ESLint 9 as
 * well as 10, and the npm package's contents. The HTML page is checked in Chromium (map-html.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MapReport } from '../../eslint-plugin/src/map';
import { agreementOf, cli, mapDirectory, root, schemaErrors, spawnCli } from './helper';

const examples = join(root, 'eslint-plugin', 'examples');
const fixtures = join(root, 'test', 'fixtures', 'map');

/** A copy of a fixture project in a temp folder (no config of this repository above it). */
function copyProject(name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'cors-guard-map-')), name);
  cpSync(join(fixtures, name), dir, { recursive: true });
  return dir;
}

const site = (r: MapReport) => r.policies.map((p) => `${p.verdict} ${p.file}:${p.line} ${p.rule ?? '-'}`);

describe('cors-guard map on the built-in examples', () => {
  it('JSON: one entry per policy site, valid against the schema', async () => {
    const report = await mapDirectory(examples);
    expect(schemaErrors(report)).toEqual([]);
    expect(report.scanned).toBe(3);
    expect(site(report)).toEqual([
      'unsafe cors-middleware.js:8 cors-guard/no-origin-reflection',
      'unsafe cors-middleware.js:13 cors-guard/no-origin-reflection',
      'unsafe cors-middleware.js:24 cors-guard/no-null-origin',
      'safe cors-middleware.js:30 -',
      'unsafe frameworks.ts:13 cors-guard/no-origin-reflection',
      'unsafe frameworks.ts:17 cors-guard/no-origin-reflection',
      'unsafe frameworks.ts:21 cors-guard/no-origin-reflection',
      'unsafe frameworks.ts:28 cors-guard/no-origin-reflection',
      'unsafe frameworks.ts:36 cors-guard/no-origin-reflection',
      'unsafe frameworks.ts:43 cors-guard/no-origin-reflection',
      'unsafe order-processing-server.js:16 cors-guard/no-unsafe-origin-check',
      'unsafe order-processing-server.js:24 cors-guard/no-origin-reflection',
      'broken order-processing-server.js:34 cors-guard/no-wildcard-with-credentials',
    ]);
    const guide = report.policies.find((p) => p.file === 'order-processing-server.js' && p.line === 16)!;
    expect(guide).toMatchObject({
      library: null,
      kind: 'headers',
      credentials: true,
      witness: 'https://evilmydomain.com',
      allows: 'pattern /https://[a-z]+.mydomain.com/',
    });
    expect(guide.responses.find((r) => r.role === 'witness')).toMatchObject({
      origin: 'https://evilmydomain.com',
      allowOrigin: 'https://evilmydomain.com',
      readable: 'with-cookies',
    });
    const allowlist = report.policies.find((p) => p.verdict === 'safe')!;
    expect(allowlist).toMatchObject({
      library: 'cors',
      allows: 'https://shop.example.com, https://admin.example.com',
      witness: null,
      rule: null,
    });
    expect(allowlist.responses.find((r) => r.role === 'attacker')).toMatchObject({ allowOrigin: null, readable: 'no' });
  });

  it('paths and file names are relative to the working directory', async () => {
    const r = await cli(['map', 'eslint-plugin/examples', '--no-config', '--format', 'json'], root);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as MapReport;
    expect(new Set(report.policies.map((p) => p.file))).toEqual(
      new Set([
        'eslint-plugin/examples/cors-middleware.js',
        'eslint-plugin/examples/frameworks.ts',
        'eslint-plugin/examples/order-processing-server.js',
      ]),
    );
  });

  it('Markdown: a summary and one table row per policy, worst first', async () => {
    const r = await cli(['map', '--no-config', '--format', 'md'], examples);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('## CORS map');
    expect(r.stdout).toContain('13 CORS policies in 3 of 3 files: 11 unsafe, 1 broken, 1 safe');
    const rows = lines.filter((l) => /^\| (🔴|🟠|⚪|🟢)/.test(l));
    expect(rows).toHaveLength(13);
    expect(rows.at(-2)).toContain('🟠 broken');
    expect(rows.at(-1)).toContain('🟢 safe');
    expect(rows[0]).toContain('`cors-middleware.js:8`');
  });

  it('text (the default): the summary, then a line per policy', async () => {
    const r = await cli(['map', '--no-config'], examples);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('CORS map: 13 CORS policies in 3 of 3 files: 11 unsafe, 1 broken, 1 safe');
    expect(r.stdout).toMatch(
      /unsafe\s+order-processing-server\.js:16\s+pattern .* · with cookies · e\.g\. https:\/\/evilmydomain\.com/,
    );
  });

  it('HTML: self-contained, one row per policy, written with --out', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cors-guard-html-')), 'report', 'cors-map.html');
    const r = await cli(['map', '--no-config', '--format', 'html', '--out', out], examples);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    // No script but its own: the page's script and style allowed by hash, nothing inline beyond them.
    expect(html).toMatch(/content="default-src 'none'; script-src 'sha256-[\w+/=]+'; style-src 'sha256-[\w+/=]+'; /);
    expect(html).not.toContain('unsafe-inline');
    // Nothing loaded from elsewhere: no src/href to another host, no @import or url().
    expect(html).not.toMatch(/\bsrc=|<link\b|@import|url\(/i);
    expect(html.match(/<tr id="p\d+"/g)).toHaveLength(13);
    expect(html).toContain('href="./../../');
  });

  it('usage errors exit with 2 (the real bin)', async () => {
    expect((await spawnCli(['map', '--format', 'xml'], examples)).code).toBe(2);
    expect((await spawnCli(['frobnicate'], examples)).code).toBe(2);
    const help = await spawnCli(['--help'], examples);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: cors-guard map');
  });

  it('the real bin prints what the entry run in this process prints', async () => {
    const args = ['map', '--no-config', '--format', 'json'];
    const [spawned, inProcess] = [await spawnCli(args, examples), await cli(args, examples)];
    expect(spawned.code, spawned.stderr).toBe(0);
    expect(spawned).toEqual(inProcess);
    expect((JSON.parse(spawned.stdout) as MapReport).policies).toHaveLength(13);
  });
});

describe('cors-guard map on multi-file projects', () => {
  it("uses the project's flat config: its ignores, parser and trusted origins", async () => {
    const dir = join(fixtures, 'shop-api');
    const report = await mapDirectory(dir, []);
    expect(schemaErrors(report)).toEqual([]);
    expect(site(report)).toEqual([
      'unsafe src/app.js:11 cors-guard/no-unsafe-origin-check',
      'unsafe src/realtime.ts:3 cors-guard/no-origin-reflection',
      'safe src/routes/admin.ts:10 -',
      'safe src/routes/public.js:7 -',
    ]);
    const app = report.policies[0]!;
    // The check is judged against the project's trusted origins: an unescaped dot lets a look-alike in.
    expect(app.witness).toBe('https://shop-example.com');
    expect(app.responses.filter((r) => r.role === 'trusted').map((r) => [r.origin, r.readable])).toEqual([
      ['https://shop.example.com', 'with-cookies'],
      ['https://admin.example.com', 'with-cookies'],
    ]);
    expect(app.related.map((r) => `${r.line} ${r.note}`)).toContain('13 credentials switched on');
    expect(report.policies.find((p) => p.file === 'src/routes/admin.ts')!.allows).toBe('https://admin.example.com');
    expect(report.policies.find((p) => p.file === 'src/routes/public.js')).toMatchObject({
      allows: 'any origin (*)',
      credentials: false,
      reason: 'public',
    });
  });

  it('without a config: the recommended preset, the TypeScript parser and .gitignore', async () => {
    const dir = copyProject('plain');
    const report = await mapDirectory(dir, []);
    expect(schemaErrors(report)).toEqual([]);
    expect(site(report)).toEqual([
      'unsafe legacy.js:5 cors-guard/no-origin-reflection',
      'safe lib/koa.mjs:5 -',
      'broken lib/lambda.ts:10 cors-guard/no-wildcard-with-credentials',
      'unsafe server.js:5 cors-guard/no-origin-reflection',
    ]);
    expect(report.errors).toEqual([]);
    expect(report.policies.find((p) => p.file === 'lib/koa.mjs')).toMatchObject({
      library: '@koa/cors',
      allows: 'https://shop.example.com',
      credentials: true,
    });
  });

  it("a config found above the folder that ignores all of it (this repository's): the recommended preset, with a note", async () => {
    const r = await cli(['map', '--format', 'json'], join(fixtures, 'plain'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('ignores every file here; mapping with the recommended preset instead');
    const inPlace = JSON.parse(r.stdout) as MapReport;
    expect(site(inPlace)).toEqual(site(await mapDirectory(copyProject('plain'), [])));
  });

  it('with ESLint 9 installed in the project instead of ESLint 10', async () => {
    const dir = copyProject('shop-api');
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(join(root, 'node_modules', 'eslint9'), join(dir, 'node_modules', 'eslint'), 'dir');
    symlinkSync(join(root, 'eslint-plugin'), join(dir, 'node_modules', 'eslint-plugin-cors-guard'), 'dir');
    symlinkSync(join(root, 'node_modules', 'typescript-eslint'), join(dir, 'node_modules', 'typescript-eslint'), 'dir');
    const nine = await mapDirectory(dir, []);
    expect(nine.eslint).toMatch(/^9\./);
    expect(schemaErrors(nine)).toEqual([]);
    const ten = await mapDirectory(join(fixtures, 'shop-api'), []);
    expect(ten.eslint).toMatch(/^10\./);
    expect({ ...nine, eslint: '' }).toEqual({ ...ten, eslint: '' });
    // And without a config, under ESLint 9 too.
    const plain = copyProject('plain');
    mkdirSync(join(plain, 'node_modules'));
    symlinkSync(join(root, 'node_modules', 'eslint9'), join(plain, 'node_modules', 'eslint'), 'dir');
    const plainNine = await mapDirectory(plain, []);
    expect(plainNine.eslint).toMatch(/^9\./);
    expect(site(plainNine)).toHaveLength(4);
  });
});

describe('cors-guard map on helpers judged where they live', () => {
  it("has a policy at each helper, with the callers that pass the request's Origin as related lines", async () => {
    const report = await mapDirectory(join(root, 'test', 'fixtures', 'modules', 'helper-home'));
    expect(schemaErrors(report)).toEqual([]);
    expect(site(report)).toEqual([
      'safe src/lib/config-headers.mjs:3 -',
      'unknown src/lib/config-headers.mjs:8 -',
      // A loose check on a policy that never sends cookies gives what `*` would: public, not unsafe.
      'unsafe src/lib/guards.js:4 cors-guard/no-unsafe-origin-check',
      'safe src/lib/guards.js:11 -',
      'unsafe src/lib/headers.js:7 cors-guard/no-unsafe-origin-check',
      'unsafe src/lib/headers.js:16 cors-guard/no-unsafe-origin-check',
      'unsafe src/lib/headers.js:23 cors-guard/no-origin-reflection',
      'safe src/lib/headers.js:30 -',
      // (Issue 26: a caller's safe use of a helper listed where the helper is set is not listed again.)
      'unsafe src/routes/guarded.js:21 cors-guard/no-unsafe-origin-check',
    ]);
    const at = (file: string, line: number) => report.policies.find((p) => p.file === file && p.line === line)!;
    // The check in the helper, judged on what the caller passes; the caller listed, in its own file.
    expect(at('src/lib/headers.js', 7)).toMatchObject({
      witness: 'https://evilexample.com',
      allows: 'origins whose origin endsWith "example.com"',
      credentials: true,
    });
    expect(at('src/lib/headers.js', 7).related).toContainEqual({
      file: 'src/routes/api.js',
      line: 6,
      note: "a caller passing the request's Origin",
    });
    expect(at('src/lib/headers.js', 30)).toMatchObject({
      allows: 'https://app.example.com, https://admin.example.com',
    });
    // A helper given a constant origin: that origin, at the helper, with the caller's line.
    expect(at('src/lib/config-headers.mjs', 3)).toMatchObject({ allows: 'https://www.example.com' });
    expect(at('src/lib/config-headers.mjs', 3).related).toContainEqual({
      file: 'src/routes/public.mjs',
      line: 5,
      note: 'the origin setting',
    });
    // Nothing at the callers that pass the Origin unchecked: those policies are the helpers'.
    expect(report.policies.filter((p) => p.file.startsWith('src/routes/api') || p.file.includes('public'))).toEqual([]);
  });
});

describe('cors-guard map on a helper judged at its call', () => {
  it('places the entry at the call, and names the helper file in the related lines', async () => {
    // The factory's list comes from the call, so the call is the site; the lines of the helper are its file's.
    const report = await mapDirectory(join(root, 'test', 'fixtures', 'modules', 'middleware-factory'));
    const entry = report.policies.find((p) => p.file === 'app.js' && p.line === 6)!;
    expect(entry).toMatchObject({ verdict: 'unsafe', column: 9 });
    expect(entry.related).toContainEqual({
      file: 'middleware/allow-listed.js',
      line: 5,
      note: 'the origin check that lets https://evilharbor-maps.io in',
    });
  });
});

describe('cors-guard map on a project whose routes call a helper module', () => {
  it('lists the helper once, where it is set, with each call of it as a related line (issue 26)', async () => {
    const report = await mapDirectory(join(root, 'test/vscode/workspace/shop'));
    expect(schemaErrors(report)).toEqual([]);
    const where = report.policies.map((p) => `${p.file}:${p.line}`);
    expect(new Set(where).size).toBe(where.length);
    // No entry at the routes: the policy is the helper's, set in src/lib/headers.js.
    expect(report.policies.filter((p) => p.file === 'src/routes/orders.js')).toEqual([]);
    const helper = report.policies.find((p) => p.file === 'src/lib/headers.js')!;
    expect(helper.related).toContainEqual({
      file: 'src/lib/headers.js',
      line: 3,
      note: 'the origin check that lets https://shop-example.com in',
    });
    expect(helper.related.filter((r) => r.file === 'src/routes/orders.js').map((r) => r.line)).toEqual([7, 12]);
  });
});

describe('the map agrees with the rules (one evaluator)', () => {
  const dirs = [
    examples,
    join(root, 'test/fixtures/detection'),
    join(root, 'test/fixtures/e2e'),
    join(root, 'test/vscode/workspace'),
    join(fixtures, 'shop-api'),
    join(fixtures, 'plain'),
    join(root, 'test/fixtures/modules/helper-home'),
  ];
  for (const dir of dirs) {
    it(`every file the recommended preset flags has an unsafe or broken policy, and no other: ${dir.slice(root.length + 1)}`, async () => {
      const report = await mapDirectory(dir);
      expect(schemaErrors(report)).toEqual([]);
      const a = await agreementOf(dir, report);
      expect(a.flaggedWithoutPolicy).toEqual([]);
      expect(a.unflaggedWithUnsafePolicy).toEqual([]);
      expect(a.flagged).toBeGreaterThan(0);
    });
  }

  // The real-world corpus, when it is there: one project per folder.
  const corpus = join(root, 'test/corpus/projects');
  const projects = existsSync(corpus)
    ? readdirSync(corpus, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
    : [];
  describe.runIf(projects.length > 0)('over the corpus (test/corpus/projects)', () => {
    for (const name of projects) {
      it(
        name,
        async () => {
          const dir = join(corpus, name);
          const report = await mapDirectory(dir);
          expect(schemaErrors(report)).toEqual([]);
          expect((await agreementOf(dir, report)).flaggedWithoutPolicy).toEqual([]);
        },
        120_000,
      );
    }
  });
});

describe('the npm package', () => {
  it('holds the bin, the docs (with the JSON Schema) and dist only', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: join(root, 'eslint-plugin'),
      encoding: 'utf8',
    });
    const files = (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    const outside = files.filter(
      (f) => !/^(bin|dist|docs)\//.test(f) && !['package.json', 'LICENSE', 'README.md'].includes(f),
    );
    expect(outside).toEqual([]);
    expect(files).toContain('bin/cors-guard.js');
    expect(files).toContain('dist/map/cli.js');
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('dist/prove/regression-test.js');
    expect(files).toContain('docs/map.schema.json');
    expect(files).toContain('docs/map-diff.schema.json');
    const pkg = JSON.parse(readFileSync(join(root, 'eslint-plugin/package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(pkg.bin).toEqual({ 'cors-guard': './bin/cors-guard.js' });
    expect(readFileSync(join(root, 'eslint-plugin/bin/cors-guard.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });
});

describe('cors-guard map over deployment JSON and cloud constructs', () => {
  const deploy = join(root, 'test', 'fixtures', 'e2e-deploy');
  const summary = (r: MapReport) => r.policies.map((p) => `${p.verdict} ${p.file}:${p.line} ${p.rule ?? '-'}`);
  const expected = [
    'safe site/firebase.json:10 -',
    'unsafe site/firebase.json:24 cors-guard/no-null-origin',
    'broken stack.ts:3 cors-guard/no-wildcard-with-credentials',
    'safe stack.ts:4 -',
    'broken vercel.json:7 cors-guard/no-wildcard-with-credentials',
    'safe vercel.json:12 -',
  ];

  it('lists every route of vercel.json and firebase.json without a config, with what overrides them', async () => {
    const report = await mapDirectory(deploy);
    expect(schemaErrors(report)).toEqual([]);
    expect(summary(report)).toEqual(expected);
    const vercel = report.policies.find((p) => p.file === 'vercel.json' && p.line === 7)!;
    expect(vercel.summary).toContain(
      "Vercel sends these headers on /api/(.*); a Vercel Function's own response headers on the same route override them.",
    );
    const api = report.policies.find((p) => p.file === 'stack.ts' && p.line === 3)!;
    expect(api.summary).toMatch(/^Refused: aws-cdk-lib\/aws-apigatewayv2 refuses \* with credentials/);
  });

  it('lists the same with the project config (recommended plus json presets)', async () => {
    const report = await mapDirectory(deploy, []);
    expect(summary(report)).toEqual(expected);
  });
});
