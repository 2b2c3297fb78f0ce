// Framework conventions that load CORS settings by file name or from data files (the CONFIG_CONVENTIONS
// rows and the `dataFiles` of MODULE_OPTION_SITES), through the real `eslint` CLI over fixture projects
// (test/fixtures/conventions), each with its own package.json: a bad case and a safe look-alike per
// framework, and files merely named like a convention in a project without the framework.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '..', 'fixtures', 'conventions');
const eslintBin = join(dirname(createRequire(import.meta.url).resolve('eslint/package.json')), 'bin', 'eslint.js');

interface Result {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string; fatal?: boolean }[];
}

let linted: Promise<Result[]> | undefined;
const lint = () => (linted ??= runEslint());

async function runEslint(): Promise<Result[]> {
  try {
    const { stdout } = await run(process.execPath, [eslintBin, '--format', 'json', '.'], {
      cwd: fixtures,
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(stdout) as Result[];
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    if (!e.stdout) throw new Error(`eslint failed: ${e.stderr}`);
    return JSON.parse(e.stdout) as Result[];
  }
}

const findings = (results: readonly Result[]) =>
  results
    .flatMap((r) =>
      r.messages.map(
        (m) => `${relative(fixtures, r.filePath).split('\\').join('/')}:${m.line}:${m.column} ${m.ruleId ?? 'fatal'}`,
      ),
    )
    .sort();

const EXPECTED = [
  // AdonisJS 5: a typed config object; `*` with credentials sends back every Origin
  'adonis5/config/cors.ts:5:11 cors-guard/no-wildcard-with-credentials',
  // AdonisJS 6: defineConfig from @adonisjs/cors, `origin: true`
  'adonis6/config/cors.ts:5:11 cors-guard/no-origin-reflection',
  // Feathers `app.get('origins')` after `app.configure(configuration())`: config/production.json says `true`
  // (reflection, reported at the call naming the file); feathers-config-safe lists exact origins in each file
  'feathers-config/src/app.ts:10:42 cors-guard/no-origin-reflection',
  // Feathers re-exports: `cors` of @feathersjs/koa is @koa/cors; socketio({ cors }) is socket.io's
  'feathers/src/app.ts:10:42 cors-guard/no-origin-reflection',
  'feathers/src/app.ts:7:33 cors-guard/no-origin-reflection',
  // glue: the manifest's server.routes.cors, judged with hapi's semantics in the manifest (where the fix
  // goes), not again at compose()
  'glue/manifest.js:5:24 cors-guard/no-wildcard-with-credentials',
  'h3/server/api/data.ts:4:54 cors-guard/no-unsafe-origin-check',
  'loopback3/server/middleware.staging.js:5:61 cors-guard/no-unsafe-origin-check',
  // middleware.json is not linted: judged from boot(app, __dirname) and reported there
  'loopback3/server/server.js:8:1 cors-guard/no-origin-reflection',
  // loopback3-off: the same params with `enabled: false` (middleware.json and middleware.local.js) run nowhere
  'loopback4/src/index.ts:5:41 cors-guard/no-origin-reflection',
  // Nitro routeRules: `cors: true` sends `*`, and the rule's own headers add credentials
  'nitro-rules/nitro.config.ts:4:24 cors-guard/no-wildcard-with-credentials',
  // handleCors auto-imported in a Nitro route
  'nitro/routes/api/profile.ts:3:54 cors-guard/no-unsafe-origin-check',
  // Remix / React Router loaders and SvelteKit hooks: the fetch-API header sites cover them
  'remix/app/routes/api.profile.ts:9:40 cors-guard/no-origin-reflection',
  // Sails: config/security.js, and security.cors of a per-environment config (allRoutes and the unsafe flag on)
  'sails/config/env/production.js:5:21 cors-guard/no-wildcard-with-credentials',
  'sails/config/security.js:4:19 cors-guard/no-wildcard-with-credentials',
  // Sails 0.12 config/cors.js (the declared version decides): `*` sends back the Origin, credentials on by default
  'sails0/config/cors.js:4:11 cors-guard/no-wildcard-with-credentials',
  // the generated `'strapi::cors'`: its defaults (`*`, credentials) are answered with the Origin by @koa/cors
  'strapi-default/config/middlewares.js:6:3 cors-guard/no-origin-reflection',
  'strapi/config/env/production/middlewares.js:5:23 cors-guard/no-wildcard-with-credentials',
  'sveltekit/src/hooks.server.ts:7:57 cors-guard/no-origin-reflection',
];

describe('framework conventions (eslint CLI)', () => {
  it('judges each convention where its settings are, and nothing in the look-alikes', async () => {
    const results = await lint();
    expect(results.flatMap((r) => r.messages.filter((m) => m.fatal))).toEqual([]);
    expect(findings(results)).toEqual(EXPECTED);
  });

  it('names the data file and line in a finding placed at the call that loads it', async () => {
    const results = await lint();
    const server = results.find((r) => r.filePath.endsWith(join('loopback3', 'server', 'server.js')))!;
    expect(server.messages.map((m) => m.message)).toEqual([
      "In `loopback3/server/middleware.json` (line 9): `origin: true` makes `cors` reflect every Origin: any site reads it with the user's cookies.",
    ]);
    const manifest = results.find((r) => r.filePath.endsWith(join('glue', 'manifest.js')))!;
    expect(manifest.messages[0]!.message).toMatch(/^`@hapi\/hapi` answers `\*` with the request's Origin/);
  });
});
