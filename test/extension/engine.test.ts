/** The extension's in-process linter (the code the worker runs), with the real ESLint Linter and parsers. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { dialectOf, LintEngine } from '../../extension/src/core/engine';
import type { LintSettings } from '../../extension/src/core/protocol';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const server = readFileSync(join(root, 'eslint-plugin/examples/order-processing-server.js'), 'utf8');
const RECOMMENDED: LintSettings = { preset: 'recommended', rules: {}, trustedOrigins: [] };
const STRICT: LintSettings = { preset: 'strict', rules: {}, trustedOrigins: [] };

let parserLoads = 0;
const engine = new LintEngine({
  loadTypeScriptParser: () => {
    parserLoads++;
    return tsParser as never;
  },
});

function lint(text: string, fileName = 'server.js', settings: LintSettings = RECOMMENDED, languageId = 'javascript') {
  return engine.lint({ fileName, languageId, text, settings });
}

function apply(text: string, edit: { range: readonly [number, number]; text: string }): string {
  return text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
}

describe('LintEngine', () => {
  it('where the fix is a version, a finding says where package.json declares the library', () => {
    const code = "import { cors } from 'hono/cors';\napp.use('*', cors({ credentials: true }));\n";
    const dir = join(root, 'test/fixtures/versions/hono-4.12.20');
    const [finding, ...rest] = lint(code, join(dir, 'server.js')).findings;
    expect(rest).toEqual([]);
    expect(finding?.ruleId).toBe('cors-guard/no-origin-reflection');
    expect(finding?.upgrade).toEqual({
      package: 'hono',
      manifest: join(dir, 'package.json'),
      line: 1,
      column: 38,
      fixedIn: '4.12.25',
    });
    expect(
      lint(code, join(root, 'test/fixtures/versions/hono-4.12.25/server.js')).findings[0]?.upgrade,
    ).toBeUndefined();
  });

  it("reads library versions from the document's project (its real path), and says both without one", () => {
    const code = "import cors from '@koa/cors';\napp.use(cors());\n";
    // No credentials: the strict preset reports reflection without them (recommended leaves it, like `*`).
    const lint = (text: string, fileName: string) =>
      engine.lint({ fileName, languageId: 'javascript', text, settings: STRICT });
    expect(
      engine.lint({ fileName: 'Untitled-1', languageId: 'javascript', text: code, settings: RECOMMENDED }).findings,
    ).toEqual([]);
    const inProject = lint(code, join(root, 'test/fixtures/versions/koa-cors-4/server.js'));
    expect(inProject.findings.map((f) => f.message)).toEqual([
      expect.stringContaining('`@koa/cors` ^4.0.0: releases before 5.0.0 send back'),
    ]);
    expect(lint(code, join(root, 'test/fixtures/versions/koa-cors-5/server.js')).findings).toEqual([]);
    expect(lint(code, 'Untitled-1').findings.map((f) => f.message)).toEqual([
      expect.stringContaining(
        "releases before 5.0.0 send back every request's Origin when no `origin` is set (5.0.0 and later do not",
      ),
    ]);
  });

  it("reports the order-processing server's findings with ESLint positions, suggestions and related locations", () => {
    const result = lint(server);
    expect(result.parser).toBe('espree');
    expect(result.parseError).toBeUndefined();
    expect(result.findings.map((f) => `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`)).toEqual([
      // One regex with three flaws: one finding over the pattern, each flaw a related location.
      'cors-guard/no-unsafe-origin-check 11:35-11:66',
      'cors-guard/no-origin-reflection 24:45-24:65',
      'cors-guard/no-wildcard-with-credentials 34:42-34:45',
    ]);
    const wildcard = result.findings[2]!;
    expect(wildcard.messageId).toBe('wildcardRejected');
    expect(wildcard.related).toEqual([
      {
        line: 35,
        column: 47,
        endLine: 35,
        endColumn: 53,
        message: "Credentials are allowed here, so the user's cookies go with the request.",
      },
    ]);
    const fixed = apply(server, wildcard.suggestions[0]!.fix);
    expect(fixed).not.toContain("res.set('Access-Control-Allow-Credentials', 'true');");
    expect(lint(fixed).findings.some((f) => f.ruleId === 'cors-guard/no-wildcard-with-credentials')).toBe(false);
    const reflection = result.findings[1]!;
    expect(reflection.related.map((r) => r.line)).toEqual([25]);
    const regex = result.findings[0]!;
    expect(regex.related.map((r) => `${r.line}:${r.column} ${r.message}`)).toEqual([
      '11:52 Accepts `https://evilmydomain.com` here: the `.` before `mydomain` is not escaped.',
      '11:64 Accepts `https://x.mydomain.com.evil.net` here: no `$` at the end, so anything may follow.',
      '11:24 The pattern is built here.',
      '16:5 The origin this check accepts is sent back in Access-Control-Allow-Origin here.',
      "17:52 Credentials are allowed here, so the user's cookies go with the request.",
    ]);
  });

  it('applies the preset, per-rule overrides and trusted origins', () => {
    const http =
      "const cors = require('cors');\napp.use(cors({ origin: ['http://shop.example.com'], credentials: true }));\n";
    expect(lint(http).findings).toEqual([]);
    expect(lint(http, 'a.js', { ...RECOMMENDED, preset: 'strict' }).findings.map((f) => f.ruleId)).toEqual([
      'cors-guard/no-insecure-origin',
    ]);
    const warned = lint(http, 'a.js', { ...RECOMMENDED, rules: { 'cors-guard/no-insecure-origin': 'warn' } }).findings;
    expect(warned.map((f) => [f.ruleId, f.severity])).toEqual([['cors-guard/no-insecure-origin', 1]]);
    const off = lint(server, 'a.js', {
      ...RECOMMENDED,
      rules: { 'no-origin-reflection': 'off', 'not-a-rule': 'error' },
    });
    expect(off.findings.map((f) => f.ruleId)).not.toContain('cors-guard/no-origin-reflection');
    const trusted = lint(server, 'a.js', { ...RECOMMENDED, trustedOrigins: ['https://shop.example.com'] });
    const fix = trusted.findings.find((f) => f.ruleId === 'cors-guard/no-origin-reflection')!.suggestions[0]!.fix;
    expect(fix.text).toContain("new Set(['https://shop.example.com'])");
  });

  it('honours eslint-disable directives and ignores other rules enabled by inline config', () => {
    const disabled = server.replace(
      "  res.set('Access-Control-Allow-Origin', '*');",
      "  // eslint-disable-next-line cors-guard/no-wildcard-with-credentials\n  res.set('Access-Control-Allow-Origin', '*');",
    );
    expect(lint(disabled).findings.map((f) => f.ruleId)).not.toContain('cors-guard/no-wildcard-with-credentials');
    const inline = `/* eslint no-console: "error" */\nconsole.log(1);\n${server}`;
    expect(lint(inline).findings.every((f) => f.ruleId.startsWith('cors-guard/'))).toBe(true);
  });

  it('picks parser and source type from the file name, falling back to the language id', () => {
    expect(dialectOf('a.ts', 'typescript')).toEqual({ typescript: true, jsx: false, commonjs: false });
    expect(dialectOf('a.tsx', 'typescriptreact')).toEqual({ typescript: true, jsx: true, commonjs: false });
    expect(dialectOf('a.cjs', 'javascript')).toEqual({ typescript: false, jsx: false, commonjs: true });
    expect(dialectOf('a.mts', 'typescript')).toEqual({ typescript: true, jsx: false, commonjs: false });
    expect(dialectOf('Untitled-1', 'typescript')).toEqual({ typescript: true, jsx: false, commonjs: false });
    expect(dialectOf('Untitled-1', 'javascriptreact')).toEqual({ typescript: false, jsx: true, commonjs: false });
  });

  it('loads the TypeScript parser once, on the first TypeScript file', () => {
    const before = parserLoads;
    const ts =
      "import cors from 'cors';\nconst options: cors.CorsOptions = { origin: true, credentials: true };\napp.use(cors(options));\n";
    const result = lint(ts, 'server.ts', RECOMMENDED, 'typescript');
    expect(result.parser).toBe('typescript');
    expect(result.findings.map((f) => f.ruleId)).toEqual(['cors-guard/no-origin-reflection']);
    lint(`${ts}\n`, 'server.ts', RECOMMENDED, 'typescript');
    const tsx = 'const el = <div>{origin as string}</div>;\napp.use(cors({ origin: true }));\n';
    expect(lint(tsx, 'view.tsx', RECOMMENDED, 'typescriptreact').parseError).toBeUndefined();
    expect(parserLoads - before).toBeLessThanOrEqual(1);
  });

  it('parses scripts that are not modules, and JSX in .js files', () => {
    const script = `with (Math) { x = PI; }\n${server}`;
    expect(lint(script).findings.length).toBe(3);
    const cjs = `if (!module.parent) return;\n${server}`;
    expect(lint(cjs, 'server.cjs').findings.length).toBe(3);
    expect(lint(`const view = <App origin={origin} />;\n${server}`).findings.length).toBe(3);
    expect(lint(`if (a < b > c) {}\n${server}`).findings.length).toBe(3);
  });

  it('turns a syntax error into a parse error, never an exception or a finding', () => {
    const result = lint('app.use((req, res) => { res.set("Access-Control-Allow-Origin", req.headers.origin)');
    expect(result.findings).toEqual([]);
    expect(result.parseError?.line).toBe(1);
    expect(lint('', 'empty.ts', RECOMMENDED, 'typescript').findings).toEqual([]);
  });

  it('in floor mode runs one rule that does nothing (the benchmark baseline)', () => {
    const floor = new LintEngine({ loadTypeScriptParser: () => tsParser as never, floor: true });
    expect(
      floor.lint({ fileName: 'a.js', languageId: 'javascript', text: server, settings: RECOMMENDED }).findings,
    ).toEqual([]);
  });
});

describe('LintEngine.hover', () => {
  it('answers at header names, values and configurations, with the range of the hovered element', () => {
    const at = (needle: string, delta = 1) =>
      engine.hover({
        fileName: 'server.js',
        languageId: 'javascript',
        text: server,
        settings: RECOMMENDED,
        offset: server.indexOf(needle) + delta,
      });
    const name = at("'Access-Control-Max-Age'")!;
    expect(server.slice(name.range[0], name.range[1])).toBe("'Access-Control-Max-Age'");
    // The policy's verdict first, then the header's reference.
    expect(name.markdown).toMatch(/^\*\*Verdict:\*\* [\s\S]*\*\*`Access-Control-Max-Age`\*\* · Response header/);
    expect(name.verdict).toMatch(/^Unsafe/);
    const value = at("'86400'")!;
    expect(server.slice(value.range[0], value.range[1])).toBe("'86400'");
    expect(value.markdown).toMatch(/Preflight answers may be reused for 86,400 s \(24 h\)\./);
    expect(at('app.listen')).toBeUndefined();
    expect(at('// The order-processing')).toBeUndefined();
  });

  it('never throws anywhere in real files, and answers only with Markdown and a range inside the file', () => {
    const dir = join(root, 'test/fixtures/detection');
    const files = readdirSync(dir).map((f) => join(dir, f));
    files.push(
      join(root, 'eslint-plugin/examples/frameworks.ts'),
      join(root, 'eslint-plugin/examples/cors-middleware.js'),
    );
    let answered = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const ts = file.endsWith('.ts');
      for (let offset = 0; offset <= text.length; offset += 5) {
        const h = engine.hover({
          fileName: file,
          languageId: ts ? 'typescript' : 'javascript',
          text,
          settings: RECOMMENDED,
          offset,
        });
        if (!h) continue;
        answered++;
        expect(h.markdown.length).toBeGreaterThan(20);
        expect(h.range[0]).toBeLessThanOrEqual(offset);
        expect(h.range[1]).toBeGreaterThanOrEqual(offset);
        expect(h.range[1]).toBeLessThanOrEqual(text.length);
      }
    }
    expect(answered).toBeGreaterThan(100);
  });

  it('says nothing for a file that does not parse', () => {
    const broken = "app.use((req, res) => { res.set('Access-Control-Allow-Origin', '*')";
    expect(
      engine.hover({ fileName: 'x.js', languageId: 'javascript', text: broken, settings: RECOMMENDED, offset: 40 }),
    ).toBeUndefined();
  });
});

describe('LintEngine.hover on each library call', () => {
  const cases: [string, string, string, RegExp][] = [
    [
      'NestJS enableCors',
      "import { NestFactory } from '@nestjs/core';\nconst app = await NestFactory.create(AppModule);\napp.enableCors({ origin: true, credentials: true });\n",
      'enableCors',
      /^\*\*Verdict:\*\* Unsafe[\s\S]*CORS configuration \(`@nestjs\/core`\)/,
    ],
    [
      'fastify register',
      "import Fastify from 'fastify';\nimport fastifyCors from '@fastify/cors';\nconst app = Fastify();\napp.register(fastifyCors, { origin: ['https://a.example'], credentials: true });\n",
      'register',
      /^\*\*Verdict:\*\* Only the listed origins[\s\S]*CORS configuration \(`@fastify\/cors`\)[\s\S]*Access-Control-Allow-Methods: GET,HEAD,POST/,
    ],
    [
      'Hono cors',
      "import { Hono } from 'hono';\nimport { cors } from 'hono/cors';\nconst app = new Hono();\napp.use('*', cors({ origin: (origin) => origin, credentials: true }));\n",
      'cors(',
      /^\*\*Verdict:\*\* Unsafe[\s\S]*CORS configuration \(`hono\/cors`\)/,
    ],
    [
      'Koa cors',
      "import Koa from 'koa';\nimport cors from '@koa/cors';\nconst app = new Koa();\napp.use(cors({ origin: 'https://a.example', maxAge: 7200 }));\n",
      'cors(',
      /^\*\*Verdict:\*\* Only the listed origins[\s\S]*CORS configuration \(`@koa\/cors`\)[\s\S]*Access-Control-Max-Age: 7200/,
    ],
  ];
  for (const [name, text, needle, expected] of cases) {
    it(name, () => {
      const offset = text.lastIndexOf(needle) + 1;
      const h = engine.hover({ fileName: 'server.ts', languageId: 'typescript', text, settings: RECOMMENDED, offset });
      expect(h?.markdown).toMatch(expected);
    });
  }
});
