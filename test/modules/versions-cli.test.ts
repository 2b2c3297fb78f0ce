// Library behaviour by version through the real `eslint` CLI over fixture projects (test/fixtures/versions):
// each change point of the framework table's `versions` rows with a project on each side, and the lockfile
// formats (npm, pnpm, yarn v1 and berry, bun) resolving a `^4.12.0` range into hono's vulnerable window.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '..', 'fixtures', 'versions');
const eslintBin = join(dirname(createRequire(import.meta.url).resolve('eslint/package.json')), 'bin', 'eslint.js');

interface Result {
  filePath: string;
  messages: { ruleId: string | null; line: number; message: string }[];
}

async function lintFixtures(): Promise<Map<string, string[]>> {
  let stdout: string;
  try {
    ({ stdout } = await run(process.execPath, [eslintBin, '--format', 'json', '.'], { cwd: fixtures }));
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    if (!e.stdout) throw new Error(`eslint failed: ${e.stderr}`);
    stdout = e.stdout;
  }
  const out = new Map<string, string[]>();
  for (const r of JSON.parse(stdout) as Result[]) {
    const project = relative(fixtures, dirname(r.filePath)).split('\\').join('/');
    out.set(
      project,
      r.messages.map((m) => `${m.ruleId}: ${m.message}`),
    );
  }
  return out;
}

const HONO_REFLECTS = (version: string) =>
  `cors-guard/no-origin-reflection: \`hono\` ${version}: releases 4.12.9 to 4.12.24 send back every request's Origin with credentials when \`origin\` is \`*\` (the default) (CVE-2026-54290 / GHSA-88fw-hqm2-52qc; upgrade to 4.12.25 or later): any site reads it with the user's cookies.`;
const HONO_REJECTED =
  'cors-guard/no-wildcard-with-credentials: The default origin `*` with credentials (line 5) is rejected by browsers: credentialed requests fail.';

describe('library versions through the eslint CLI', async () => {
  const byProject = await lintFixtures();
  const findings = (project: string) => byProject.get(project) ?? [];

  it('hono: 4.12.8 and 4.12.25 send `*` (rejected with credentials); 4.12.9 to 4.12.24 reflect with credentials', () => {
    expect(findings('hono-4.12.8')).toEqual([HONO_REJECTED]);
    expect(findings('hono-4.12.9')).toEqual([HONO_REFLECTS('4.12.9')]);
    expect(findings('hono-4.12.20')).toEqual([HONO_REFLECTS('4.12.20')]);
    expect(findings('hono-4.12.24')).toEqual([HONO_REFLECTS('4.12.24')]);
    expect(findings('hono-4.12.25')).toEqual([HONO_REJECTED]);
  });

  it('a declared range that admits the vulnerable window reports it and says which versions it depends on', () => {
    expect(findings('hono-range')).toEqual([
      "cors-guard/no-origin-reflection: `hono` ^4.12.0 admits releases 4.12.9 to 4.12.24, which send back every request's Origin with credentials when `origin` is `*` (the default) (CVE-2026-54290 / GHSA-88fw-hqm2-52qc); pin 4.12.25 or later: any site reads it with the user's cookies.",
    ]);
  });

  it.each(['hono-npm-lock', 'hono-pnpm-lock', 'hono-yarn-v1', 'hono-yarn-berry', 'hono-bun-lock'])(
    '%s: ^4.12.0 locked at 4.12.20 is the vulnerable release',
    (project) => {
      expect(findings(project)).toEqual([HONO_REFLECTS('4.12.20 (locked)')]);
    },
  );

  it('@koa/cors: before 3.4.1 `*` with credentials is sent as is; from 3.4.1 it reflects', () => {
    expect(findings('koa-cors-3.4.0')).toEqual([
      'cors-guard/no-wildcard-with-credentials: `*` with credentials (line 5) is rejected by browsers: credentialed requests fail.',
    ]);
    expect(findings('koa-cors-3.4.1')).toEqual([
      'cors-guard/no-wildcard-with-credentials: `@koa/cors` turns `*` with credentials (line 5) into reflection: any site reads with cookies.',
    ]);
  });

  it('@koa/cors: before 5.0.0 no `origin` reflects; 5.0.0 sends `*`', () => {
    expect(findings('koa-cors-4')).toEqual([
      "cors-guard/no-origin-reflection: `@koa/cors` ^4.0.0: releases before 5.0.0 send back every request's Origin when no `origin` is set (CVE-2023-49803 / GHSA-qxrj-hx23-xp82; upgrade to 5.0.0 or later): any site reads it, without cookies.",
    ]);
    expect(findings('koa-cors-5')).toEqual([]);
  });

  it('@middy/http-cors: before 6.0.0 the default `*` with credentials reflects; 6 sends no origin', () => {
    expect(findings('middy-5')).toEqual([
      'cors-guard/no-wildcard-with-credentials: `@middy/http-cors` (@middy/http-cors ^5.5.1: upgrade to 6.0.0 or later) turns the default origin `*` with credentials (line 4) into reflection: any site reads with cookies.',
    ]);
    expect(findings('middy-6')).toEqual([]);
  });

  it('socket.io: before 3.0.0 every origin is sent back with credentials (the `cors` option does not exist); 3+ reads `cors`', () => {
    expect(findings('socket.io-2')).toEqual([
      "cors-guard/no-origin-reflection: `socket.io` ^2.5.1: releases before 3.0.0 send back every request's Origin with credentials (the `cors` option is ignored; `origins` is the setting) (upgrade to 3.0.0 or later): any site reads it with the user's cookies.",
    ]);
    // socket.io 2's `origins` answers other origins with 403 before any CORS header: not reported.
    expect(findings('socket.io-2-origins')).toEqual([]);
    expect(findings('socket.io-4')).toEqual([]);
  });
});
