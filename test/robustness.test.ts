// Bad input gets no crash and no noise: syntax errors, dynamic header names, unknown spreads, odd shapes,
// minified and huge files.
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { rules } from '../eslint-plugin/src/rules';
import { fileModelOf } from '../eslint-plugin/src/util/file-model';

const linter = new Linter();
const allRules = Object.fromEntries(Object.keys(rules).map((r) => [`cors-guard/${r}`, 'error' as const]));

function lint(code: string, ts = false) {
  return linter.verify(
    code,
    [
      {
        files: ['**/*.js', '**/*.ts'],
        languageOptions: ts ? { parser: tseslint.parser } : {},
        plugins: { 'cors-guard': { rules } as never },
        rules: allRules,
      },
    ],
    ts ? 'input.ts' : 'input.js',
  );
}

/** The analysis of the last lint finished without giving up (no swallowed exception). */
function expectAnalysed(): void {
  const ast = linter.getSourceCode()?.ast;
  expect(ast).toBeDefined();
  const model = fileModelOf(ast as never);
  expect(model).toBeDefined();
  expect(model!.error).toBeUndefined();
}

describe('bad input', () => {
  it('a syntax error is reported by the parser only', () => {
    const messages = lint(`app.use((req, res) => { res.setHeader('Access-Control-Allow-Origin', req.headers.origin`);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.fatal).toBe(true);
  });

  it.each([
    [
      'computed header names',
      `app.use((req, res) => { res.setHeader(getName(), req.headers.origin); res.setHeader(\`\${prefix}-Origin\`, req.headers.origin); });`,
    ],
    ['spreads of unknown objects', `import cors from 'cors'; app.use(cors({ ...defaults, credentials: true }));`],
    ['unknown option objects', `import cors from 'cors'; app.use(cors(loadOptions())); app.use(cors(options));`],
    [
      'a header set to an unknown value',
      `app.use((req, res) => { res.set('Access-Control-Allow-Origin', computeOrigin()); res.set('Access-Control-Allow-Credentials', 'true'); });`,
    ],
    [
      'header names in unrelated positions',
      `switch (h) { case 'Access-Control-Allow-Origin': break; } log('Access-Control-Allow-Origin'); const m = { 'Access-Control-Allow-Origin': 1 }[k];`,
    ],
    [
      'recursive helpers',
      `function f(x) { return f(x); } function g(req) { return g(req) || h(req); } function h(r) { return g(r); } app.use((req, res) => res.set('Access-Control-Allow-Origin', g(req)));`,
    ],
    [
      'self-referencing variables',
      `let a = b; let b = a; a = a || b; app.use((req, res) => res.set('Access-Control-Allow-Origin', a));`,
    ],
    ['an empty file', ''],
    ['a lone require', `require('cors')`],
    ['register without options', `fastify.register(require('@fastify/cors'));`],
  ])('%s: no crash, no guess', (_, code) => {
    expect(lint(code)).toEqual([]);
    expectAnalysed();
  });

  it('TypeScript-only syntax', () => {
    const code = `import cors = require('cors');
enum H { ACAO = 'Access-Control-Allow-Origin' }
abstract class C { abstract h(): void }
declare const req: { headers: Record<string, string> };
export const x = <const>['a'];
app.use((r: any, res: any) => res.set(H.ACAO, 'https://a.example.com' as string));`;
    expect(lint(code, true)).toEqual([]);
    expectAnalysed();
  });

  it('a minified bundle: judged by the shapes of its calls, so mangled and readable handlers are both found', () => {
    const mangled = `function a(e,t){var n=e.headers.origin;t.setHeader("Access-Control-Allow-Origin",n)}`;
    const readable = `function b(req,res){res.setHeader("Access-Control-Allow-Origin",req.headers.origin)}`;
    const code = Array.from({ length: 2000 }, (_, i) =>
      (i % 2 ? mangled : readable).replace(/function (a|b)/, `function f${i}`),
    ).join(';');
    const messages = lint(code);
    expect(messages.every((m) => m.ruleId === 'cors-guard/no-origin-reflection')).toBe(true);
    expect(messages).toHaveLength(2000);
    expectAnalysed();
  });

  it('deep nesting and a long line do not throw', () => {
    const depth = 2000;
    const nested = `${'('.repeat(depth)}req.headers.origin${')'.repeat(depth)}`;
    const code = `app.use((req, res) => res.set('Access-Control-Allow-Origin', ${nested}));\nconst s = '${'x'.repeat(500_000)}';`;
    expect(() => lint(code)).not.toThrow();
  });
});
