// The text screen (analysis/screen.ts) lets a file skip the analysis when its text holds no word a CORS
// setting is written with. It must be a superset of what the analysis finds: every file of every fixture
// project and corpus project that has a policy (analysed with the screen off) passes it.
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const plugin = require(join(root, 'eslint-plugin', 'dist', 'index.js'));
const { mayHoldCors, screenedPackages, screenedCalls } = require(join(root, 'eslint-plugin', 'dist', 'analysis'));

interface Seen {
  readonly file: string;
  readonly policies: number;
  readonly findings: number;
  readonly passes: boolean;
}

/** Lints a folder with every rule and the screen off, recording each file's model and the screen's answer. */
async function analyse(cwd: string): Promise<Seen[]> {
  const models = new Map<string, { policies: number; text: string }>();
  const probe: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      return {
        'Program:exit'(program) {
          const model = plugin.fileModelOf(program);
          models.set(context.filename, { policies: model?.policies.length ?? 0, text: context.sourceCode.text });
        },
      };
    },
  };
  const config: Linter.Config[] = [
    { files: ['**/*.{js,mjs,cjs,jsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tseslint.parser as never } },
    {
      files: ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'],
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: { ...plugin.configs.strict.plugins, probe: { rules: { model: probe } } },
      settings: { 'cors-guard': { screen: false } },
      // The probe runs last, after the rules built the file's model.
      rules: { ...plugin.configs.strict.rules, 'probe/model': 'error' },
    },
  ];
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, errorOnUnmatchedPattern: false });
  const seen: Seen[] = [];
  for (const r of await eslint.lintFiles(['.'])) {
    const model = models.get(r.filePath);
    if (!model) continue;
    seen.push({
      file: relative(root, r.filePath),
      policies: model.policies,
      findings: r.messages.filter((m) => m.ruleId?.startsWith('cors-guard/')).length,
      passes: mayHoldCors(model.text),
    });
  }
  return seen;
}

const dirsOf = (dir: string) =>
  readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((p) => statSync(p).isDirectory());

describe('the text screen', () => {
  it('passes every fixture and corpus file the analysis finds a policy in', { timeout: 300_000 }, async () => {
    const folders = [...dirsOf(join(root, 'test', 'fixtures')), ...dirsOf(join(root, 'test', 'corpus', 'projects'))];
    const seen: Seen[] = [];
    for (const folder of folders) seen.push(...(await analyse(folder)));
    const analysed = seen.filter((s) => s.policies > 0 || s.findings > 0);
    const missed = analysed.filter((s) => !s.passes).map((s) => s.file);
    expect(missed).toEqual([]);
    // The property is about many files, and the screen does turn some away (entry points, routes, tests).
    expect(analysed.length).toBeGreaterThan(300);
    expect(seen.filter((s) => !s.passes).length).toBeGreaterThan(20);
  });

  it('is derived from the framework table: every library row passes by its import alone', () => {
    const packages: string[] = screenedPackages();
    for (const name of ['cors', 'graphql-yoga', 'socket.io', '@apollo/server', '@loopback/rest', 'hono', 'h3'])
      expect(packages).toContain(name);
    // Platforms: `onCall(handler)` has CORS with no CORS word in the file.
    for (const name of ['firebase-functions', 'itty-router', 'nextjs-cors']) expect(packages).toContain(name);
    expect(
      mayHoldCors("import { onCall } from 'firebase-functions/v2/https';\nexport const f = onCall(() => 1);"),
    ).toBe(true);
    for (const name of packages) {
      expect(mayHoldCors(`import x from '${name}';\nx();`)).toBe(true);
      expect(mayHoldCors(`const x = require("${name}/sub");`)).toBe(true);
    }
    expect(screenedCalls()).toContain('createHandler');
    expect(mayHoldCors('exports.handler = server.createHandler();')).toBe(true);
  });

  it('passes the words settings and helpers are written with', () => {
    for (const text of [
      "res.setHeader('Access-Control-Allow-Origin', o)",
      'headers.set(`access-control-allow-credentials`, "true")',
      "res.vary('x')",
      'app.use(c({ credentials: true }))',
      'const whitelist = [/https:\\/\\/a\\.example$/];',
      'const trusted_hosts = ["a.example"];',
      'isAllowed?.(x)',
      'allowAll(res)',
      'const o = ctx.get("Origin")',
      // a factory or plugin in another module turns these arguments into headers
      "app.use(crossDomain(['a.example']))",
      "router.use('/api', guard.factory(list))",
      'fastify.register(plugin, { list })',
      "fastify.register(import('./plugins/p'), opts)",
    ])
      expect(mayHoldCors(text), text).toBe(true);
  });

  it('turns away code with none of them', () => {
    for (const text of [
      "const _ = require('lodash');\nmodule.exports = (a, b) => _.merge({}, a, b);",
      'export function variance(xs) { const variable = xs.length; return variable; }',
      "import React from 'react';\nexport const App = () => <div className='allowance'>hi</div>;",
      "app.get('/', (req, res) => res.send('ok'));",
      'app.use(logger);\nfastify.register(routes);',
      // a package that only shares a prefix with a library row
      "import x from 'hono-openapi-x'; import y from 'h3-like';",
    ])
      expect(mayHoldCors(text), text).toBe(false);
  });
});
