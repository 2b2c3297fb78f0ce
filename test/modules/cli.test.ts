// Cross-module analysis through the real `eslint` CLI and the `ESLint` class over fixture projects
// (test/fixtures/modules): each shape of a policy split across files or helpers, with safe look-alikes.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '..', 'fixtures', 'modules');
const eslintBin = join(dirname(createRequire(import.meta.url).resolve('eslint/package.json')), 'bin', 'eslint.js');

interface Message {
  ruleId: string | null;
  line: number;
  column: number;
  message: string;
  fatal?: boolean;
}
interface Result {
  filePath: string;
  messages: Message[];
}

async function runCli(args: string[]): Promise<Result[]> {
  try {
    const { stdout } = await run(process.execPath, [eslintBin, '--format', 'json', ...args, '.'], {
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

/** One run of the eslint CLI per argument list, shared by the tests that read it (results are not changed). */
const runs = new Map<string, Promise<Result[]>>();
function cli(args: string[]): Promise<Result[]> {
  const key = JSON.stringify(args);
  let run = runs.get(key);
  if (!run) runs.set(key, (run = runCli(args)));
  return run;
}

function summary(results: readonly Result[]): string[] {
  return results
    .flatMap((r) =>
      r.messages.map(
        (m) =>
          `${relative(fixtures, r.filePath).split('\\').join('/')}:${m.line}:${m.column} ${m.ruleId ?? (m.fatal ? 'parse-error' : '?')}`,
      ),
    )
    .sort();
}

const EXPECTED = [
  // #config -> barrel -> `export *`: options judged where they are defined
  'esm-barrel/src/app.js:11:5 cors-guard/no-unsafe-origin-check',
  // await import('./config/late.js')
  'esm-barrel/src/app.js:18:18 cors-guard/no-null-origin',
  'esm-barrel/src/config/cors.js:1:38 cors-guard/no-wildcard-with-credentials',
  'express-cjs/config/corsOptions.js:8:22 cors-guard/no-origin-reflection',
  'express-cjs/server.js:10:23 cors-guard/no-unsafe-origin-check',
  'express-cjs/server.js:9:17 cors-guard/no-origin-reflection',
  // a factory returning options: judged in the factory when it says CORS, else at the factory's call
  'factories/options.js:11:45 cors-guard/no-wildcard-with-credentials',
  'factories/options.js:4:57 cors-guard/no-origin-reflection',
  'factories/server.js:7:18 cors-guard/no-origin-reflection',
  // helpers judged where they live: the checks in the helper module, none at the callers (routes/)
  'helper-home/src/lib/guards.js:3:14 cors-guard/no-unsafe-origin-check',
  'helper-home/src/lib/headers.js:15:39 cors-guard/no-unsafe-origin-check',
  'helper-home/src/lib/headers.js:23:48 cors-guard/no-origin-reflection',
  'helper-home/src/lib/headers.js:6:24 cors-guard/no-unsafe-origin-check',
  // a caller's own check before the unchecked helper is the caller's finding
  'helper-home/src/routes/guarded.js:21:24 cors-guard/no-unsafe-origin-check',
  'helpers/server.js:6:48 cors-guard/no-origin-reflection',
  // app.use(factory(list)): the middleware the factory returns checks the list with indexOf
  'middleware-factory/app.js:6:9 cors-guard/no-unsafe-origin-check',
  'nest-paths/src/main.ts:7:18 cors-guard/no-unsafe-origin-check',
  'nest/src/config/cors.config.ts:4:11 cors-guard/no-origin-reflection',
  // the helpers that index.ts calls with the request's Origin are judged in utils/cors.ts (where
  // `origin ?? '*'` is then the Origin reflected, `*` going only to requests without one)
  'worker/src/utils/cors.ts:12:57 cors-guard/no-origin-reflection',
  'worker/src/utils/cors.ts:5:36 cors-guard/no-origin-reflection',
];

describe('policies split across modules and helpers (eslint CLI)', () => {
  it('finds each shape, where the fix goes or at the local end, and nothing in the safe look-alikes', async () => {
    const results = await cli([]);
    expect(summary(results)).toEqual(EXPECTED);
    // the safe projects: an imported exact allowlist, an anchored regex from config, an env list
    expect(results.filter((r) => r.filePath.includes('express-safe')).flatMap((r) => r.messages)).toEqual([]);
  });

  it('names the other file and line in findings placed at the local end', async () => {
    const results = await cli([]);
    const server = results.find((r) => r.filePath.endsWith(join('express-cjs', 'server.js')))!;
    const check = server.messages.find((m) => m.ruleId === 'cors-guard/no-unsafe-origin-check')!;
    expect(check.message).toBe(
      'In `express-cjs/config/allowedOrigins.js` (line 1): Origin check accepts `https://app-example.com`: the `.` before `example` is not escaped.',
    );
    const factory = results.find((r) => r.filePath.endsWith(join('factories', 'server.js')))!;
    expect(factory.messages.map((m) => m.message.slice(0, 36))).toEqual(['In `factories/options.js` (line 8): ']);
  });

  it('judges a helper where it lives, saying why its parameter is the Origin, and nothing at its callers', async () => {
    const results = await cli([]);
    const messages = (file: string) =>
      results
        .find((r) => r.filePath.endsWith(join('helper-home', ...file.split('/'))))!
        .messages.map((m) => `${m.line}:${m.column} ${m.message}`);
    expect(messages('src/lib/headers.js')).toEqual([
      "6:24 Origin check accepts `https://evilexample.com`: `endsWith('example.com')` has no dot before the domain (callers pass the request's Origin as `origin`: `helper-home/src/routes/api.js` line 6).",
      "15:39 Origin check accepts `https://partner.example.com.evil.net`: no `$` at the end, so anything may follow (callers pass the request's Origin as `requestOrigin`: `helper-home/src/routes/api.js` line 10).",
      "23:48 Reflects `value` unchecked (callers pass the request's Origin: `helper-home/src/routes/api.js` line 14): any site reads it with the user's cookies.",
    ]);
    // No caller found: an origin-named parameter tested against a host is judged; the exact look-alike is not.
    expect(messages('src/lib/guards.js')).toEqual([
      "3:14 Origin check accepts `https://shop.example.com.evil.net`: `startsWith('https://shop.example.com')` accepts anything after the prefix (`origin` taken as the request's Origin, as its name and its check say; no caller shows what it is).",
    ]);
    // The callers, and the helpers given only constant or configured origins, have nothing to report.
    expect(messages('src/routes/api.js')).toEqual([]);
    // A caller that checks the origin itself before the unchecked helper: its check, its finding (the
    // exact and the dotted-suffix callers are safe, and the helper does not name them).
    expect(messages('src/routes/guarded.js')).toEqual([
      "21:24 Origin check accepts `https://evilexample.com`: `includes('example.com')` matches the text anywhere.",
    ]);
    expect(messages('src/routes/public.mjs')).toEqual([]);
    expect(messages('src/lib/config-headers.mjs')).toEqual([]);
  });

  it('gives identical findings with --concurrency=auto and --concurrency=off', async () => {
    const [auto, off] = [await cli(['--concurrency=auto']), await cli(['--concurrency=off'])];
    const full = (rs: Result[]) =>
      rs
        .flatMap((r) => r.messages.map((m) => `${relative(fixtures, r.filePath)}:${m.line}:${m.column}:${m.message}`))
        .sort();
    expect(full(auto)).toEqual(full(off));
    expect(summary(auto)).toEqual(EXPECTED);
  });
});

describe('the ESLint class', () => {
  it('lints one file of a project on its own and follows its imports', async () => {
    const eslint = new ESLint({ cwd: fixtures });
    const [result] = await eslint.lintFiles(['express-cjs/server.js']);
    expect(result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      '9:17 cors-guard/no-origin-reflection',
      '10:23 cors-guard/no-unsafe-origin-check',
    ]);
  });

  it('lints a helper on its own and finds its callers in the modules that import it', async () => {
    const eslint = new ESLint({ cwd: fixtures });
    const [helper, caller] = await eslint.lintFiles(['worker/src/utils/cors.ts', 'worker/src/index.ts']);
    expect(helper!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      '5:36 cors-guard/no-origin-reflection',
      '12:57 cors-guard/no-origin-reflection',
    ]);
    // The caller alone says nothing: the findings are the helper's, where the fix goes.
    expect(caller!.messages).toEqual([]);
  });

  it('lints text given for a path (an unsaved buffer) and still resolves the modules beside it', async () => {
    const eslint = new ESLint({ cwd: fixtures });
    const [result] = await eslint.lintText(
      "import { corsHeaders } from './utils/cors';\nexport const h = (o: string) => new Response(null, { headers: corsHeaders(o) });\n",
      { filePath: join(fixtures, 'worker', 'src', 'other.ts') },
    );
    // `o` is not the request's Origin: nothing to say
    expect(result!.messages).toEqual([]);
  });

  it('does not follow modules when settings turn it off', async () => {
    const eslint = new ESLint({
      cwd: fixtures,
      overrideConfig: { settings: { 'cors-guard': { modules: false } } },
    });
    const [result] = await eslint.lintFiles(['express-cjs/server.js']);
    expect(result!.messages).toEqual([]);
  });
});
