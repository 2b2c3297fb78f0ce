// Monorepos as teams lay them out (issue 34): the version each workspace package runs (installed, hoisted or
// nested, beats locked beats declared; npm, yarn v1, yarn berry with and without Plug'n'Play, pnpm with its
// store, bun), and workspace packages imported by name followed as project code with nothing installed.
// Every layout is built at test time and linted once with the real `eslint` CLI.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageVersionNear } from '../../eslint-plugin/src/util/package-versions';
import { workspaceOf, workspacePackageEntry } from '../../eslint-plugin/src/analysis/values/workspaces';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const eslintBin = join(dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
const pluginEntry = require.resolve('eslint-plugin-cors-guard');
const tsEslintEntry = require.resolve('typescript-eslint');

const top = mkdtempSync(join(tmpdir(), 'cors-guard-monorepos-'));
afterAll(() => {
  if (!process.env.KEEP) rmSync(top, { recursive: true, force: true });
});

function write(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
}
const json = (v: unknown) => JSON.stringify(v, null, 2);
const installed = (name: string, version: string) => json({ name, version });

const HONO_SERVER = "import { cors } from 'hono/cors';\napp.use('*', cors({ origin: '*', credentials: true }));\n";
const KOA_SERVER = "import cors from '@koa/cors';\napp.use(cors());\n";

/** A workspace root with `packages/api` declaring hono ^4.12.0 and @koa/cors ^4.0.0, plus `files`. */
function layout(name: string, files: Record<string, string>, root: object = { workspaces: ['packages/*'] }): string {
  const dir = join(top, name);
  write(dir, {
    'package.json': json({ name: `${name}-root`, private: true, ...root }),
    'packages/api/package.json': json({
      name: '@acme/api',
      version: '1.0.0',
      dependencies: { hono: '^4.12.0', '@koa/cors': '^4.0.0' },
    }),
    'packages/api/src/hono.ts': HONO_SERVER,
    'packages/api/src/koa.ts': KOA_SERVER,
    ...files,
  });
  return dir;
}

const yarnV1 = (hono: string, koa: string) =>
  [
    '# yarn lockfile v1',
    '',
    '"@koa/cors@^4.0.0":',
    `  version "${koa}"`,
    '',
    'hono@^4.12.0:',
    `  version "${hono}"`,
    '',
  ].join('\n');

const berry = (hono: string, koa: string) =>
  [
    '__metadata:',
    '  version: 8',
    '',
    '"@acme/api@workspace:packages/api":',
    '  version: 0.0.0-use.local',
    '',
    '"@koa/cors@npm:^4.0.0":',
    `  version: ${koa}`,
    '',
    '"hono@npm:^4.12.0":',
    `  version: ${hono}`,
    '',
  ].join('\n');

function buildLayouts(): void {
  // npm, hoisted to the root, no lockfile.
  layout('npm-hoisted', {
    'node_modules/hono/package.json': installed('hono', '4.12.20'),
    'node_modules/@koa/cors/package.json': installed('@koa/cors', '4.0.0'),
  });
  // Hoisted 4.12.20 beside a stale root lockfile that names 4.12.25: what is installed runs.
  layout('npm-stale-lock', {
    'node_modules/hono/package.json': installed('hono', '4.12.20'),
    'package-lock.json': json({
      lockfileVersion: 3,
      packages: { '': {}, 'packages/api': {}, 'node_modules/hono': { version: '4.12.25' } },
    }),
  });
  // npm, one package with its own older copy nested, another using the hoisted one.
  layout('npm-nested', {
    'node_modules/hono/package.json': installed('hono', '4.12.25'),
    'packages/api/node_modules/hono/package.json': installed('hono', '4.12.20'),
    'packages/web/package.json': json({ name: '@acme/web', dependencies: { hono: '^4.12.0' } }),
    'packages/web/src/hono.ts': HONO_SERVER,
  });
  layout('yarn-v1-fixed', { 'yarn.lock': yarnV1('4.12.25', '5.0.0') });
  layout('yarn-v1-vulnerable', { 'yarn.lock': yarnV1('4.12.20', '4.0.0') });
  layout('yarn-berry', {
    'yarn.lock': berry('4.12.20', '4.0.0'),
    'node_modules/.yarn-state.yml': '',
  });
  // Plug'n'Play: no node_modules at all, a .pnp.cjs beside the berry lockfile.
  layout('yarn-pnp', { 'yarn.lock': berry('4.12.21', '4.0.0'), '.pnp.cjs': '// pnp\n' });
  // pnpm: importers keyed by the package's path, and the package's node_modules linking into the store.
  const pnpm = layout(
    'pnpm-store',
    {
      'pnpm-workspace.yaml': 'packages:\n  - packages/*\n',
      'pnpm-lock.yaml': [
        "lockfileVersion: '9.0'",
        'importers:',
        '  .: {}',
        '  packages/api:',
        '    dependencies:',
        '      hono:',
        '        specifier: ^4.12.0',
        '        version: 4.12.25',
        '',
      ].join('\n'),
      'node_modules/.pnpm/hono@4.12.22/node_modules/hono/package.json': installed('hono', '4.12.22'),
    },
    {},
  );
  mkdirSync(join(pnpm, 'packages/api/node_modules'), { recursive: true });
  symlinkSync(
    '../../../node_modules/.pnpm/hono@4.12.22/node_modules/hono',
    join(pnpm, 'packages/api/node_modules/hono'),
  );
  layout('pnpm-lock-only', {
    'pnpm-workspace.yaml': 'packages:\n  - packages/*\n',
    'pnpm-lock.yaml': [
      "lockfileVersion: '9.0'",
      'importers:',
      '  .: {}',
      '  packages/api:',
      '    dependencies:',
      '      hono:',
      '        specifier: ^4.12.0',
      '        version: 4.12.23(typescript@5.6.0)',
      '',
    ].join('\n'),
  });
  layout('bun', {
    'bun.lock': [
      '{',
      '  "lockfileVersion": 1,',
      '  "workspaces": { "": { "name": "root" }, "packages/api": { "name": "@acme/api" }, },',
      '  "packages": { "hono": ["hono@4.12.24", "", {}, "sha512-x"], },',
      '}',
    ].join('\n'),
  });
  // A workspace package imported by name, nothing installed: its `main` points at an unbuilt dist/.
  write(join(top, 'ws-by-name'), {
    'package.json': json({ name: 'ws-by-name', private: true, workspaces: { packages: ['apps/*', 'packages/*'] } }),
    'packages/config/package.json': json({ name: '@acme/config', main: 'dist/index.js', types: 'dist/index.d.ts' }),
    'packages/config/src/index.ts': 'export const allowAnyOrigin = true;\n',
    'packages/config/src/origins.ts': "export const allowedOrigins = ['https://app.acme.dev'];\n",
    'apps/api/package.json': json({
      name: '@acme/api',
      dependencies: { '@acme/config': 'workspace:*', cors: '^2.8.5' },
    }),
    'apps/api/src/server.ts': [
      "import cors from 'cors';",
      "import { allowAnyOrigin } from '@acme/config';",
      "import { allowedOrigins } from '@acme/config/src/origins';",
      'app.use(cors({ origin: allowAnyOrigin, credentials: true }));',
      "app.use('/admin', cors({ origin: allowedOrigins, credentials: true }));",
      '',
    ].join('\n'),
  });
  writeFileSync(
    join(top, 'eslint.config.mjs'),
    [
      `import corsGuard from ${JSON.stringify(pathToFileURL(pluginEntry).href)};`,
      `import tseslint from ${JSON.stringify(pathToFileURL(tsEslintEntry).href)};`,
      // The Koa servers send no credentials: reflection without them is reported where the rule is asked to
      // (the strict preset's option), so the version each package runs shows in a finding.
      "export default [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, corsGuard.configs.recommended,",
      "  { files: ['**/koa.ts'], rules: { 'cors-guard/no-origin-reflection': ['error', { reportWithoutCredentials: true }] } }];",
      '',
    ].join('\n'),
  );
}

interface Result {
  filePath: string;
  messages: { ruleId: string | null; line: number; message: string }[];
}

let byFile = new Map<string, string[]>();

beforeAll(async () => {
  buildLayouts();
  let stdout: string;
  try {
    ({ stdout } = await run(process.execPath, [eslintBin, '--format', 'json', '.'], { cwd: top }));
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    if (!e.stdout) throw new Error(`eslint failed: ${e.stderr}`);
    stdout = e.stdout;
  }
  byFile = new Map(
    (JSON.parse(stdout) as Result[]).map((r) => [
      relative(top, r.filePath).split('\\').join('/'),
      r.messages.map((m) => `${m.ruleId}: ${m.message}`),
    ]),
  );
}, 120_000);

const findings = (file: string) => byFile.get(file) ?? [];
const HONO_REFLECTS = (how: string) =>
  `cors-guard/no-origin-reflection: \`hono\` ${how}: releases 4.12.9 to 4.12.24 send back every request's Origin with credentials when \`origin\` is \`*\` (the default) (CVE-2026-54290 / GHSA-88fw-hqm2-52qc; upgrade to 4.12.25 or later): any site reads it with the user's cookies.`;
const HONO_REJECTED =
  'cors-guard/no-wildcard-with-credentials: `*` with credentials (line 2) is rejected by browsers: credentialed requests fail.';
const KOA_REFLECTS = (how: string) =>
  `cors-guard/no-origin-reflection: \`@koa/cors\` ${how}: releases before 5.0.0 send back every request's Origin when no \`origin\` is set (CVE-2023-49803 / GHSA-qxrj-hx23-xp82; upgrade to 5.0.0 or later): any site reads it, without cookies.`;

describe('the version each workspace package runs, through the eslint CLI', () => {
  it('npm hoisted to the root with no lockfile: the installed version, not the declared range', () => {
    expect(findings('npm-hoisted/packages/api/src/hono.ts')).toEqual([HONO_REFLECTS('4.12.20 (installed)')]);
    expect(findings('npm-hoisted/packages/api/src/koa.ts')).toEqual([KOA_REFLECTS('4.0.0 (installed)')]);
  });

  it('a stale root lockfile beside a hoisted install: what is installed runs', () => {
    expect(findings('npm-stale-lock/packages/api/src/hono.ts')).toEqual([HONO_REFLECTS('4.12.20 (installed)')]);
  });

  it('npm nested: a package with its own older copy runs it; its sibling runs the hoisted one', () => {
    expect(findings('npm-nested/packages/api/src/hono.ts')).toEqual([HONO_REFLECTS('4.12.20 (installed)')]);
    expect(findings('npm-nested/packages/web/src/hono.ts')).toEqual([HONO_REJECTED]);
  });

  it('yarn v1: the root lockfile governs the workspace members', () => {
    expect(findings('yarn-v1-fixed/packages/api/src/hono.ts')).toEqual([HONO_REJECTED]);
    expect(findings('yarn-v1-fixed/packages/api/src/koa.ts')).toEqual([]);
    expect(findings('yarn-v1-vulnerable/packages/api/src/hono.ts')).toEqual([HONO_REFLECTS('4.12.20 (locked)')]);
    expect(findings('yarn-v1-vulnerable/packages/api/src/koa.ts')).toEqual([KOA_REFLECTS('4.0.0 (locked)')]);
  });

  it("yarn berry, with node_modules and with Plug'n'Play", () => {
    expect(findings('yarn-berry/packages/api/src/hono.ts')).toEqual([HONO_REFLECTS('4.12.20 (locked)')]);
    expect(findings('yarn-pnp/packages/api/src/hono.ts')).toEqual([HONO_REFLECTS('4.12.21 (locked)')]);
    expect(findings('yarn-pnp/packages/api/src/koa.ts')).toEqual([KOA_REFLECTS('4.0.0 (locked)')]);
  });

  it("pnpm: the package's link into the store is what is installed; else the importer's entry", () => {
    expect(findings('pnpm-store/packages/api/src/hono.ts')).toEqual([HONO_REFLECTS('4.12.22 (installed)')]);
    expect(findings('pnpm-lock-only/packages/api/src/hono.ts')).toEqual([HONO_REFLECTS('4.12.23 (locked)')]);
  });

  it('bun: the workspace entry of the root bun.lock', () => {
    expect(findings('bun/packages/api/src/hono.ts')).toEqual([HONO_REFLECTS('4.12.24 (locked)')]);
  });
});

describe('workspace packages are project code', () => {
  it('a package imported by name with nothing installed: judged where it lives (its src, main in an unbuilt dist)', () => {
    // Followed into the shared package (nothing resolves `@acme/config` without the workspace's globs):
    // one finding, naming the file and line of the value to fix; the exact list stays quiet.
    expect(findings('ws-by-name/apps/api/src/server.ts')).toEqual([
      "cors-guard/no-origin-reflection: In `ws-by-name/packages/config/src/index.ts` (line 1): `origin: true` makes `cors` reflect every Origin: any site reads it with the user's cookies.",
    ]);
    expect(findings('ws-by-name/packages/config/src/index.ts')).toEqual([]);
    expect(findings('ws-by-name/packages/config/src/origins.ts')).toEqual([]);
  });

  it('finds the workspace from a member and maps names to folders, bounded to its globs', () => {
    const ws = workspaceOf(join(top, 'ws-by-name/apps/api/src'));
    expect(ws?.root).toBe(join(top, 'ws-by-name'));
    expect([...ws!.packages().keys()].sort()).toEqual(['@acme/api', '@acme/config']);
    const entry = workspacePackageEntry('@acme/config', join(top, 'ws-by-name/apps/api/src'));
    expect(entry?.candidates).toContain(join(top, 'ws-by-name/packages/config/src/index'));
    expect(workspacePackageEntry('@acme/unknown', join(top, 'ws-by-name/apps/api/src'))).toBeUndefined();
    expect(workspacePackageEntry('../escape', join(top, 'ws-by-name/apps/api/src'))).toBeUndefined();
    // A folder outside the globs is no member.
    write(join(top, 'ws-by-name'), { 'tools/x/package.json': json({ name: 'x' }) });
    expect(workspaceOf(join(top, 'ws-by-name/tools/x'))).toBeUndefined();
  });

  it('packageVersionNear reads the same facts the rules use', () => {
    expect(packageVersionNear(join(top, 'npm-hoisted/packages/api/src/hono.ts'), 'hono')).toMatchObject({
      version: '4.12.20',
      source: 'installed',
      range: '^4.12.0',
      manifest: join(top, 'npm-hoisted/packages/api/package.json'),
    });
  });
});
