/**
 * The regression-test writer's reading of a project (runner, supertest, framework, exports) and the test
 * text for the stacks the fixture runs cannot install here (supertest, jest, mocha, Workers), table-driven.
 */
import { describe, expect, it } from 'vitest';
import type { MapPolicy } from '../../eslint-plugin/src/map';
import {
  CannotWriteTest,
  policyAtLine,
  regressionTestFor,
  requestPathFor,
  sourceFactsOf,
  stackOf,
} from '../../eslint-plugin/src/prove';

const policy = (over: Partial<MapPolicy> = {}): MapPolicy => ({
  file: 'src/app.js',
  line: 5,
  column: 1,
  endLine: 5,
  endColumn: 40,
  kind: 'options',
  library: 'cors',
  allows: "any origin (the request's Origin sent back unchecked)",
  credentials: true,
  verdict: 'unsafe',
  reason: 'any-origin',
  witness: 'https://evil.example',
  rule: 'cors-guard/no-origin-reflection',
  summary: '',
  related: [],
  responses: [
    {
      origin: 'https://evil.example',
      role: 'attacker',
      allowOrigin: 'https://evil.example',
      credentials: true,
      readable: 'with-cookies',
    },
  ],
  ...over,
});

describe('stackOf: the runner package.json uses', () => {
  it.each([
    [{ scripts: { test: 'vitest run' } }, 'vitest', 'scripts.test runs vitest'],
    [{ scripts: { test: 'jest --ci' }, devDependencies: { vitest: '1' } }, 'jest', 'scripts.test runs jest'],
    [{ scripts: { test: 'node --test test/' } }, 'node:test', 'scripts.test runs node:test'],
    [{ devDependencies: { mocha: '10' } }, 'mocha', 'mocha in package.json'],
    [{ dependencies: { jest: '29' } }, 'jest', 'jest in package.json'],
    [{}, 'node:test', 'no test runner found: Node’s own node:test'],
  ] as const)('%j → %s', (pkg, runner, why) => {
    expect(stackOf(pkg)).toMatchObject({ runner, runnerWhy: why });
  });
  it('supertest and "type": "module"', () => {
    expect(stackOf({ type: 'module', devDependencies: { supertest: '7' } })).toMatchObject({
      supertest: true,
      esmPackage: true,
    });
    expect(stackOf({})).toMatchObject({ supertest: false, esmPackage: false });
  });
});

describe('sourceFactsOf: the framework and how the app is exported', () => {
  it.each([
    [
      "import express from 'express';\nconst app = express();\nexport default app;",
      'express',
      'app',
      'esm',
      { kind: 'default' },
    ],
    [
      "const express = require('express');\nconst server = express();\nmodule.exports = { server };",
      'express',
      'server',
      'cjs',
      { kind: 'named', name: 'server' },
    ],
    [
      "const Koa = require('koa');\nconst app = new Koa();\nmodule.exports = app;",
      'koa',
      'app',
      'cjs',
      { kind: 'default' },
    ],
    [
      "import Fastify from 'fastify';\nexport const api = Fastify();",
      'fastify',
      'api',
      'esm',
      { kind: 'named', name: 'api' },
    ],
    ["import { Hono } from 'hono';\nconst app = new Hono();", 'hono', 'app', 'esm', undefined],
    ['export async function GET(request) { return new Response(null); }', 'next', undefined, 'esm', undefined],
    [
      'export default { async fetch(request) { return new Response(null); } };',
      'worker',
      undefined,
      'esm',
      { kind: 'default' },
    ],
  ] as const)('%s', (text, framework, appName, moduleKind, appExport) => {
    expect(sourceFactsOf(text, null)).toMatchObject({ framework, appName, moduleKind, appExport });
  });
  it('a listen call at the top level, route handlers, and the route a test requests', () => {
    const facts = sourceFactsOf(
      "const app = express();\napp.use(cors());\napp.get('/users/:id', h);\napp.listen(3000);\nexport { app, GET };",
      'cors',
    );
    expect(facts.listens).toBe(true);
    expect(requestPathFor(facts, 2, false)).toBe('/users/1');
    expect(requestPathFor(facts, 9, true)).toBe('/users/1');
    expect(requestPathFor(sourceFactsOf("app.use('/api/*', cors());\n", 'hono/cors'), 1, false)).toBe('/api/');
  });
});

describe('regressionTestFor: the test text for each stack', () => {
  const base = { sourcePath: 'src/app.js', exists: () => false, trustedOrigins: ['https://app.example.com'] };
  it('Express with supertest, vitest, ES modules', () => {
    const t = regressionTestFor({
      ...base,
      policy: policy(),
      sourceText:
        "import express from 'express';\nconst app = express();\napp.use(cors({ origin: true }));\napp.get('/me', h);\nexport default app;",
      pkg: { type: 'module', devDependencies: { vitest: '4', supertest: '7' } },
    });
    expect(t).toMatchObject({
      path: 'src/app.cors.test.js',
      runner: 'vitest',
      framework: 'express',
      command: 'npx vitest run src/app.cors.test.js',
    });
    expect(t.content).toContain("import request from 'supertest';");
    expect(t.content).toContain("import { describe, it } from 'vitest';");
    expect(t.content).toContain("const res = await request(app).get('/me').set('Origin', origin);");
    expect(t.content).toContain(
      "assert.equal(allowCredentials, 'true', 'the trusted origin no longer gets credentials');",
    );
    expect(t.notes).toEqual([]);
  });
  it('Koa with supertest and jest, CommonJS', () => {
    const t = regressionTestFor({
      ...base,
      policy: policy({ library: '@koa/cors' }),
      sourceText: "const Koa = require('koa');\nconst app = new Koa();\nmodule.exports = app;",
      pkg: { devDependencies: { jest: '29', supertest: '7' } },
    });
    expect(t.runner).toBe('jest');
    expect(t.content).toContain("const request = require('supertest');");
    expect(t.content).toContain("const app = require('./app.js');");
    expect(t.content).toContain('await request(app.callback()).get(');
    expect(t.content).not.toContain("from 'vitest'");
  });
  it('a Worker under mocha in TypeScript: says mocha needs a loader', () => {
    const t = regressionTestFor({
      ...base,
      sourcePath: 'src/worker.ts',
      policy: policy({ library: null, kind: 'headers', file: 'src/worker.ts' }),
      sourceText: 'export default {\n  async fetch(request: Request) {\n    return new Response(null);\n  },\n};',
      pkg: { devDependencies: { mocha: '10' } },
    });
    expect(t).toMatchObject({ path: 'src/worker.cors.test.ts', framework: 'worker', runner: 'mocha' });
    expect(t.content).toContain("import worker from './worker';");
    expect(t.content).toContain('async function corsHeaders(origin: string)');
    expect(t.content).toContain("await worker.fetch(new Request('http://localhost/', { headers: { origin } }), {}");
    expect(t.notes.join('\n')).toContain('mocha does not run TypeScript by itself');
  });
  it('never an existing name; nothing to prove for a safe policy; an unknown framework', () => {
    const taken = new Set(['src/app.cors.test.js', 'src/app.cors-2.test.js']);
    const t = regressionTestFor({
      ...base,
      exists: (p) => taken.has(p),
      policy: policy(),
      sourceText: 'const app = express();\nexport default app;',
      pkg: { type: 'module' },
    });
    expect(t.path).toBe('src/app.cors-3.test.js');
    expect(() =>
      regressionTestFor({ ...base, policy: policy({ verdict: 'safe', witness: null }), sourceText: '', pkg: {} }),
    ).toThrow(CannotWriteTest);
    expect(() =>
      regressionTestFor({ ...base, policy: policy({ library: null }), sourceText: 'http.createServer(h);', pkg: {} }),
    ).toThrow(/uses no framework/);
  });
  it('policyAtLine: the site, a related line, else the nearest unsafe policy', () => {
    const a = policy({ line: 3, endLine: 3 });
    const b = policy({ line: 10, endLine: 12, related: [{ file: 'src/app.js', line: 20, note: 'credentials' }] });
    expect(policyAtLine([a, b], 11)).toBe(b);
    expect(policyAtLine([a, b], 20)).toBe(b);
    expect(policyAtLine([a, b], 5)).toBe(a);
    expect(policyAtLine([], 5)).toBeUndefined();
  });
});
