// The real eslint CLI, with the published entry point (eslint-plugin/dist via the workspace link), over
// fixture files: JavaScript and TypeScript, CommonJS and ESM, an ESM and a CommonJS eslint config.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const eslintBin = join(dirname(createRequire(import.meta.url).resolve('eslint/package.json')), 'bin', 'eslint.js');

interface Result {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; fatal?: boolean; message: string }[];
}

async function lint(dir: string, args: string[] = []): Promise<{ code: number; results: Result[] }> {
  try {
    const { stdout } = await run(process.execPath, [eslintBin, '--format', 'json', ...args, '.'], { cwd: dir });
    return { code: 0, results: JSON.parse(stdout) as Result[] };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    if (!e.stdout) throw new Error(`eslint failed: ${e.stderr}`);
    return { code: e.code, results: JSON.parse(e.stdout) as Result[] };
  }
}

function summary(results: Result[]): string[] {
  return results
    .flatMap((r) =>
      r.messages.map(
        (m) => `${basename(r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? (m.fatal ? 'parse-error' : '?')}`,
      ),
    )
    .sort();
}

describe('eslint CLI with the recommended preset (ESM config)', () => {
  it('reports the expected findings across JS/TS and CJS/ESM, and nothing in the safe file', async () => {
    const { code, results } = await lint(join(here, 'fixtures', 'e2e'));
    expect(code).toBe(1);
    expect(summary(results)).toEqual([
      'broken.js:2:1 parse-error',
      'checks.mjs:3:14 cors-guard/no-unsafe-origin-check',
      'handler.ts:3:65 cors-guard/no-null-origin',
      'server.cjs:5:24 cors-guard/no-origin-reflection',
      'server.cjs:7:48 cors-guard/no-origin-reflection',
      'worker.mjs:4:48 cors-guard/no-wildcard-with-credentials',
    ]);
    const reflection = results.find((r) => r.filePath.endsWith('server.cjs'))!.messages[0]!;
    expect(reflection.message).toContain("any site reads it with the user's cookies");
    expect(reflection.message.length).toBeLessThanOrEqual(120);
    const check = results.find((r) => r.filePath.endsWith('checks.mjs'))!.messages[0]!;
    expect(check.message).toBe(
      "Origin check accepts `https://evilexample.com`: `endsWith('example.com')` has no dot before the domain.",
    );
  });

  it('writes SARIF with the code-scanning formatter', async () => {
    const dir = join(here, 'fixtures', 'e2e');
    let stdout = '';
    try {
      await run(process.execPath, [eslintBin, '--format', '@microsoft/eslint-formatter-sarif', 'server.cjs'], {
        cwd: dir,
      });
    } catch (error) {
      stdout = (error as { stdout: string }).stdout;
    }
    const sarif = JSON.parse(stdout) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual([
      'cors-guard/no-origin-reflection',
      'cors-guard/no-origin-reflection',
    ]);
  });
});

describe('eslint CLI over deployment JSON and cloud constructs (the json preset)', () => {
  it('reports vercel.json and firebase.json routes and a CDK construct, and leaves other JSON alone', async () => {
    const { code, results } = await lint(join(here, 'fixtures', 'e2e-deploy'));
    expect(code).toBe(1);
    // package.json holds the same shape as a header rule but is not a deployment file: not linted.
    expect(results.map((r) => basename(r.filePath)).sort()).toEqual([
      'eslint.config.mjs',
      'firebase.json',
      'stack.ts',
      'vercel.json',
    ]);
    expect(summary(results)).toEqual([
      'firebase.json:24:62 cors-guard/no-null-origin',
      'stack.ts:3:59 cors-guard/no-wildcard-with-credentials',
      'vercel.json:7:58 cors-guard/no-wildcard-with-credentials',
    ]);
    const vercel = results.find((r) => r.filePath.endsWith('vercel.json'))!.messages[0]!;
    expect(vercel.message).toBe('`*` with credentials (line 6) is rejected by browsers: credentialed requests fail.');
    const firebase = results.find((r) => r.filePath.endsWith('firebase.json'))!.messages[0]!;
    expect(firebase.message).toContain("with the user's cookies");
  });
});

describe('eslint CLI with the strict preset (CommonJS config)', () => {
  it('loads the plugin with require() and reports', async () => {
    const { code, results } = await lint(join(here, 'fixtures', 'e2e-cjs'));
    expect(code).toBe(1);
    expect(summary(results)).toEqual(['app.js:5:27 cors-guard/no-wildcard-with-credentials']);
  });
});
