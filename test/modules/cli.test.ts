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

async function cli(args: string[]): Promise<Result[]> {
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
  'esm-barrel/src/app.js:17:18 cors-guard/no-null-origin',
  'esm-barrel/src/config/cors.js:1:38 cors-guard/no-wildcard-with-credentials',
  'express-cjs/config/corsOptions.js:8:22 cors-guard/no-origin-reflection',
  'express-cjs/server.js:10:23 cors-guard/no-unsafe-origin-check',
  'express-cjs/server.js:9:17 cors-guard/no-origin-reflection',
  // a factory returning options: judged in the factory when it says CORS, else at the factory's call
  'factories/options.js:11:45 cors-guard/no-wildcard-with-credentials',
  'factories/options.js:4:57 cors-guard/no-origin-reflection',
  'factories/server.js:7:18 cors-guard/no-origin-reflection',
  'helpers/server.js:6:48 cors-guard/no-origin-reflection',
  // app.use(factory(list)): the middleware the factory returns checks the list with indexOf
  'middleware-factory/app.js:6:9 cors-guard/no-unsafe-origin-check',
  'nest-paths/src/main.ts:7:18 cors-guard/no-unsafe-origin-check',
  'nest/src/config/cors.config.ts:4:11 cors-guard/no-origin-reflection',
  'worker/src/index.ts:10:5 cors-guard/no-origin-reflection',
  'worker/src/index.ts:7:44 cors-guard/no-origin-reflection',
  'worker/src/utils/cors.ts:5:46 cors-guard/no-wildcard-with-credentials',
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
    const worker = results.find((r) => r.filePath.endsWith(join('worker', 'src', 'index.ts')))!;
    expect(worker.messages.map((m) => m.message.slice(0, 40))).toEqual([
      'In `worker/src/utils/cors.ts` (line 5): ',
      'In `worker/src/utils/cors.ts` (line 12):',
    ]);
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
    const [result] = await eslint.lintFiles(['worker/src/index.ts']);
    expect(result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      '7:44 cors-guard/no-origin-reflection',
      '10:5 cors-guard/no-origin-reflection',
    ]);
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
    const [result] = await eslint.lintFiles(['worker/src/index.ts']);
    expect(result!.messages).toEqual([]);
  });
});
