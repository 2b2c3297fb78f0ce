// Hovers for the libraries added to the framework table read the same rows the rules and the differential
// test do.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';
import { explainPolicy } from '../../eslint-plugin/src/analysis';

function explainOnly(code: string, filename = 'server.js') {
  const linter = new Linter();
  linter.verify(code, [{ ...plugin.configs.recommended, files: ['**/*.js'] } as never], filename);
  const model = plugin.fileModelOf(linter.getSourceCode().ast as never)!;
  expect(model.policies.length).toBe(1);
  return explainPolicy(model.policies[0]!, model.trustedOrigins);
}

const headersOf = (e: ReturnType<typeof explainOnly>, request: string, origin: string) => {
  const r = e.responses.find((x) => x.request === request && x.origin === origin);
  return r && Object.fromEntries(r.headers);
};

describe('explainPolicy, more libraries', () => {
  it('Elysia: a bare cors() reflects with credentials; methods follow the request', () => {
    const e = explainOnly("import { cors } from '@elysiajs/cors';\nnew Elysia().use(cors());");
    expect(e.library).toBe('@elysiajs/cors');
    expect(e.level).toBe('unsafe');
    expect(headersOf(e, 'preflight', 'https://evil.example')).toMatchObject({
      'Access-Control-Allow-Origin': 'https://evil.example',
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Methods': "<the request's Access-Control-Request-Method>",
    });
  });

  it('Yoga: on by default; a list of two answers others with null', () => {
    expect(explainOnly("import { createYoga } from 'graphql-yoga';\ncreateYoga({ schema });").level).toBe('unsafe');
    const e = explainOnly(
      "import { createYoga } from 'graphql-yoga';\ncreateYoga({ schema, cors: { origin: ['https://a.example', 'https://b.example'] } });",
    );
    expect(headersOf(e, 'credentialed GET', 'https://evil.example')?.['Access-Control-Allow-Origin']).toBe('null');
    expect(e.level).toBe('unsafe');
  });

  it('koa2-cors: `*` with credentials is broken, not reflected', () => {
    const e = explainOnly("import cors from 'koa2-cors';\napp.use(cors({ origin: '*', credentials: true }));");
    expect(e.library).toBe('koa2-cors');
    expect(e.level).toBe('broken');
  });
});

describe('explainPolicy, versions', () => {
  it('@koa/cors without origin and no package.json: both versions are described', () => {
    const e = explainOnly("import cors from '@koa/cors';\napp.use(cors());");
    expect(e.originRule).toBe("`*` (any origin); or the request's Origin in releases before 5.0.0");
    // Without credentials, either release gives any site what `*` gives: public.
    expect(e.level).toBe('safe');
    expect(e.verdict).toMatch(/^Public: /);
  });
});

describe('explainPolicy, releases', () => {
  const fixture = (name: string) =>
    join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'versions', name, 'server.js');
  const code = "import { cors } from 'hono/cors';\napp.use('*', cors({ credentials: true }));";

  it('the hover names the release, the advisory and the upgrade (hono 4.12.20)', () => {
    const e = explainOnly(code, fixture('hono-4.12.20'));
    expect(e.originRule).toBe(
      "the request's Origin (hono 4.12.20, CVE-2026-54290 / GHSA-88fw-hqm2-52qc: upgrade to 4.12.25 or later)",
    );
    expect(e.level).toBe('unsafe');
  });

  it('a range that admits the window says so; 4.12.25 is broken, not unsafe', () => {
    expect(explainOnly(code, fixture('hono-range')).originRule).toBe(
      "the request's Origin (hono ^4.12.0 (admits releases 4.12.9 to 4.12.24), CVE-2026-54290 / GHSA-88fw-hqm2-52qc: pin 4.12.25 or later)",
    );
    expect(explainOnly(code, fixture('hono-4.12.25')).level).toBe('broken');
  });
});
