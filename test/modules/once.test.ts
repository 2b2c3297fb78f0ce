/**
 * One defect, one finding (issue 26), through the real `eslint` CLI on fixture projects (test/fixtures/once),
 * the SARIF formatter and the map JSON: a helper called from N files, a list of patterns passed into a
 * helper, a Next.js middleware importing a pattern list, a Deno `corsHeaders(origin)` sibling module, one
 * caller that makes a safe helper unsafe, and ignore comments at the fix location and at a caller. Each
 * finding sits at the fix location, with the callers as related locations.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { mapDirectory } from '../map/helper';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const fixtures = join(repo, 'test', 'fixtures', 'once');
const eslintBin = join(dirname(createRequire(import.meta.url).resolve('eslint/package.json')), 'bin', 'eslint.js');
const sarifFormatter = join(repo, 'eslint-plugin', 'dist', 'formatters', 'sarif.js');

interface Message {
  ruleId: string | null;
  line: number;
  message: string;
}

async function eslint(cwd: string, args: string[]): Promise<string> {
  try {
    return (await run(process.execPath, [eslintBin, ...args], { cwd, maxBuffer: 1 << 24 })).stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    if (!e.stdout) throw new Error(`eslint failed: ${e.stderr}`);
    return e.stdout;
  }
}

/** `file:line rule` of every finding of `eslint <dir>` run from the fixtures folder (its config). */
async function findings(dir: string, cwd = fixtures): Promise<{ at: string[]; messages: Message[] }> {
  const results = JSON.parse(await eslint(cwd, ['--format', 'json', dir])) as {
    filePath: string;
    messages: Message[];
  }[];
  const at: string[] = [];
  const messages: Message[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      at.push(`${relative(join(cwd, dir), r.filePath).split('\\').join('/')}:${m.line} ${m.ruleId}`);
      messages.push(m);
    }
  }
  return { at: at.sort(), messages };
}

interface Sarif {
  runs: {
    results: {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
      relatedLocations?: {
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
      }[];
    }[];
  }[];
}

async function sarif(dir: string): Promise<Sarif['runs'][0]['results']> {
  const out = JSON.parse(
    await eslint(join(fixtures, dir), ['--config', '../eslint.config.mjs', '--format', sarifFormatter, '.']),
  ) as Sarif;
  return out.runs[0]!.results;
}

const uri = (l: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }) =>
  `${l.physicalLocation.artifactLocation.uri}:${l.physicalLocation.region.startLine}`;

/** The map's unsafe entries of a fixture project: `file:line`. */
async function unsafeEntries(dir: string): Promise<string[]> {
  const report = await mapDirectory(join(fixtures, dir), ['--config', '../eslint.config.mjs']);
  return report.policies.filter((p) => p.verdict === 'unsafe').map((p) => `${p.file}:${p.line}`);
}

/** Points a copy of the fixtures' config at the built plugin (a copy outside the repository resolves nothing). */
function useBuiltPlugin(dir: string): void {
  const config = join(dir, 'eslint.config.mjs');
  writeFileSync(
    config,
    readFileSync(config, 'utf8')
      .replace(
        "from 'typescript-eslint'",
        `from ${JSON.stringify(createRequire(import.meta.url).resolve('typescript-eslint'))}`,
      )
      .replace(
        "from 'eslint-plugin-cors-guard'",
        `from ${JSON.stringify(join(repo, 'eslint-plugin', 'dist', 'index.js'))}`,
      ),
  );
}

describe('one defect, one finding, at the fix location', () => {
  it('a helper called from five files: one finding in the helper, the five callers named and related', async () => {
    const { at, messages } = await findings('vercel-helper');
    expect(at).toEqual(['api/_lib/cors.js:3 cors-guard/no-origin-reflection']);
    expect(messages[0]!.message).toContain('(called from `vercel-helper/api/items.js:4` and 4 more)');
    const results = await sarif('vercel-helper');
    expect(results.map((r) => `${uri(r.locations[0]!)} ${r.ruleId}`)).toEqual([
      'api/_lib/cors.js:3 cors-guard/no-origin-reflection',
    ]);
    expect(results[0]!.relatedLocations!.map(uri)).toEqual(
      expect.arrayContaining([
        'api/items.js:4',
        'api/login.js:4',
        'api/logout.js:4',
        'api/orders.js:4',
        'api/users.js:4',
      ]),
    );
    const map = await mapDirectory(join(fixtures, 'vercel-helper'), ['--config', '../eslint.config.mjs']);
    const unsafe = map.policies.filter((p) => p.verdict === 'unsafe');
    expect(unsafe.map((p) => `${p.file}:${p.line}`)).toEqual(['api/_lib/cors.js:3']);
    expect(unsafe[0]!.related.filter((r) => r.file.startsWith('api/') && r.file !== 'api/_lib/cors.js')).toHaveLength(
      5,
    );
  });

  it('a Next.js middleware passing a list of seven patterns into a helper: seven findings, at the patterns', async () => {
    const { at } = await findings('nextjs-patterns');
    expect(at).toEqual(
      [4, 5, 6, 7, 8, 9, 10]
        .map((line) => `middleware/cors-middleware.ts:${line} cors-guard/no-unsafe-origin-check`)
        .sort(),
    );
    expect((await sarif('nextjs-patterns')).map((r) => uri(r.locations[0]!))).toEqual(
      [4, 5, 6, 7, 8, 9, 10].map((line) => `middleware/cors-middleware.ts:${line}`),
    );
    // The map: one entry, the helper's policy, judged with the list its caller passes, the caller listed.
    const map = await mapDirectory(join(fixtures, 'nextjs-patterns'), ['--config', '../eslint.config.mjs']);
    const unsafe = map.policies.filter((p) => p.verdict === 'unsafe');
    expect(unsafe.map((p) => `${p.file}:${p.line}`)).toEqual(['middleware/cors-middleware.ts:16']);
    expect(unsafe[0]!.related.map((r) => `${r.file}:${r.line}`)).toContain('middleware.ts:13');
    expect(map.policies.filter((p) => p.file === 'middleware.ts')).toEqual([]);
  });

  it('a list of patterns passed into a helper by three routes: one finding, at the pattern', async () => {
    const { at } = await findings('list-into-helper');
    expect(at).toEqual(['origins.js:1 cors-guard/no-unsafe-origin-check']);
    expect((await sarif('list-into-helper')).map((r) => uri(r.locations[0]!))).toEqual(['origins.js:1']);
    // The map: one entry, at the list (the fix location); no entry at the three calls.
    expect(await unsafeEntries('list-into-helper')).toEqual(['origins.js:1']);
  });

  it('the same list under a name that says nothing (`hosts`): still one finding and one map entry', async () => {
    // The identity of the defect is its fix location and the origin it lets in, not the list's name: the
    // helper is judged with what its callers pass, and reports the pattern once, its callers named.
    const { at, messages } = await findings('list-any-name');
    expect(at).toEqual(['lib/cors.js:4 cors-guard/no-unsafe-origin-check']);
    expect(messages[0]!.message).toContain('In `list-any-name/origins.js` (line 1)');
    expect(messages[0]!.message).toContain('(called from `list-any-name/a.js:5` and 2 more)');
    const results = await sarif('list-any-name');
    expect(results.map((r) => uri(r.locations[0]!))).toEqual(['lib/cors.js:4']);
    expect(results[0]!.relatedLocations!.map(uri)).toEqual(
      expect.arrayContaining(['origins.js:1', 'a.js:5', 'b.js:5', 'c.js:5']),
    );
    const map = await mapDirectory(join(fixtures, 'list-any-name'), ['--config', '../eslint.config.mjs']);
    expect(map.policies.map((p) => `${p.file}:${p.line} ${p.verdict}`)).toEqual(['lib/cors.js:4 unsafe']);
    expect(map.policies[0]!.related.map((r) => `${r.file}:${r.line}`)).toEqual(
      expect.arrayContaining(['origins.js:1', 'a.js:5', 'b.js:5', 'c.js:5']),
    );
  });

  it('a safe list passed into the same helper under any name: no finding, one safe entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cors-guard-once-safe-'));
    cpSync(fixtures, dir, { recursive: true });
    useBuiltPlugin(dir);
    writeFileSync(
      join(dir, 'list-any-name', 'origins.js'),
      'export const hosts = [/^https:\\/\\/app\\.example\\.com$/, /^https:\\/\\/admin\\.example\\.com$/];\n',
    );
    expect((await findings('list-any-name', dir)).at).toEqual([]);
    const map = await mapDirectory(join(dir, 'list-any-name'), ['--config', '../eslint.config.mjs']);
    expect(map.policies.map((p) => `${p.file}:${p.line} ${p.verdict}`)).toEqual(['lib/cors.js:4 safe']);
  });

  it('one caller passing its own bad list into a helper the others use safely: one finding, at that list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cors-guard-once-list-'));
    cpSync(fixtures, dir, { recursive: true });
    useBuiltPlugin(dir);
    const project = join(dir, 'list-any-name');
    writeFileSync(join(project, 'origins.js'), 'export const hosts = [/^https:\\/\\/app\\.example\\.com$/];\n');
    writeFileSync(
      join(project, 'c.js'),
      readFileSync(join(project, 'c.js'), 'utf8').replace(
        'applyCors(req, res, hosts);',
        'applyCors(req, res, [/^https:\\/\\/.*example\\.com$/]);',
      ),
    );
    expect((await findings('list-any-name', dir)).at).toEqual(['c.js:5 cors-guard/no-unsafe-origin-check']);
    const map = await mapDirectory(project, ['--config', '../eslint.config.mjs']);
    expect(map.policies.filter((p) => p.verdict === 'unsafe')).toHaveLength(1);
  });

  it('cors() options in a helper reading the list its callers pass: judged with their lists, one finding', async () => {
    // `corsFor(hosts)` returns `cors({ origin: hosts, credentials: true })`; three routers pass their own
    // lists, one of them a pattern with no start anchor. Before, the options read a parameter and the
    // policy was unknown: nothing was reported anywhere.
    const { at, messages } = await findings('list-into-options');
    expect(at).toEqual(['lib/cors.js:5 cors-guard/no-unsafe-origin-check']);
    expect(messages[0]!.message).toContain('In `list-into-options/partners.js` (line 5)');
    expect(messages[0]!.message).toContain('https://evilpartner-portal.net');
    expect(messages[0]!.message).toMatch(/called from `list-into-options\/\w+\.js:5` and 2 more/);
    const results = await sarif('list-into-options');
    expect(results.map((r) => uri(r.locations[0]!))).toEqual(['lib/cors.js:5']);
    expect(results[0]!.relatedLocations!.map(uri)).toEqual(
      expect.arrayContaining(['partners.js:5', 'shop.js:5', 'admin.js:5']),
    );
    expect(await unsafeEntries('list-into-options')).toEqual(['lib/cors.js:5']);
  });

  it('the same helper with exact lists from every caller: no finding, one safe entry (not unknown)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cors-guard-once-options-'));
    cpSync(fixtures, dir, { recursive: true });
    useBuiltPlugin(dir);
    const file = join(dir, 'list-into-options', 'partners.js');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('/partner-portal\\.net$/', '/^https:\\/\\/partner-portal\\.net$/'),
    );
    expect((await findings('list-into-options', dir)).at).toEqual([]);
    const map = await mapDirectory(join(dir, 'list-into-options'), ['--config', '../eslint.config.mjs']);
    expect(map.policies.map((p) => `${p.file}:${p.line} ${p.verdict}`)).toEqual(['lib/cors.js:5 safe']);
  });

  it('a Deno corsHeaders(origin) sibling module used by two functions: one finding, in the sibling', async () => {
    const { at } = await findings('deno-sibling');
    expect(at).toEqual(['supabase/functions/_shared/cors.ts:3 cors-guard/no-origin-reflection']);
    const results = await sarif('deno-sibling');
    expect(results).toHaveLength(1);
    expect(results[0]!.relatedLocations!.map(uri)).toEqual(
      expect.arrayContaining(['supabase/functions/hello/index.ts:4', 'supabase/functions/orders/index.ts:4']),
    );
    expect(await unsafeEntries('deno-sibling')).toEqual(['supabase/functions/_shared/cors.ts:3']);
  });

  it('one caller making a safe helper unsafe: the finding is that caller’s, the helper stays clean', async () => {
    const { at } = await findings('caller-unsafe');
    expect(at).toEqual(['routes/widget.js:4 cors-guard/no-origin-reflection']);
    expect((await sarif('caller-unsafe')).map((r) => uri(r.locations[0]!))).toEqual(['routes/widget.js:4']);
    expect(await unsafeEntries('caller-unsafe')).toEqual(['routes/widget.js:4']);
  });
});

describe('ignore comments and placement', () => {
  it('an ignore at the fix location silences the cookie-less use, never the credentialed one', async () => {
    const { at, messages } = await findings('ignores');
    expect(at).toEqual(['routes/account.js:5 cors-guard/no-origin-reflection']);
    expect(messages[0]!.message).toContain("with the user's cookies");
  });

  it('an ignore on the helper silences it for every caller; an ignore at one caller only that caller', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cors-guard-once-'));
    cpSync(fixtures, dir, { recursive: true });
    useBuiltPlugin(dir);
    // On the helper: nothing anywhere.
    const helper = join(dir, 'vercel-helper', 'api', '_lib', 'cors.js');
    const text = readFileSync(helper, 'utf8');
    writeFileSync(
      helper,
      text.replace(
        "  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);",
        "  // cors-guard-ignore-next-line no-origin-reflection -- reviewed\n  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);",
      ),
    );
    expect((await findings('vercel-helper', dir)).at).toEqual([]);
    // At one caller: the helper's finding stays (it is not that caller's own).
    writeFileSync(helper, text);
    const users = join(dir, 'vercel-helper', 'api', 'users.js');
    writeFileSync(
      users,
      readFileSync(users, 'utf8').replace('allowCors(req, res);', 'allowCors(req, res); // cors-guard-ignore-line'),
    );
    expect((await findings('vercel-helper', dir)).at).toEqual(['api/_lib/cors.js:3 cors-guard/no-origin-reflection']);
    // The caller that is its own fix location: its ignore silences its finding.
    const widget = join(dir, 'caller-unsafe', 'routes', 'widget.js');
    writeFileSync(
      widget,
      readFileSync(widget, 'utf8').replace(
        'setCors(res, req.headers.origin);',
        'setCors(res, req.headers.origin); // cors-guard-ignore-line',
      ),
    );
    expect((await findings('caller-unsafe', dir)).at).toEqual([]);
  });
});
