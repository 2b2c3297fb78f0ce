// Recognition by kind rather than by instance, through the real `eslint` CLI over the fixture projects in
// test/fixtures/generality: a library reached any way (a dynamic import handed to `register`, an awaited
// import, a wrapper module, a barrel, a package named like a CORS middleware), options known by their
// TypeScript type, instance members, guards that can't fail, lookups, decisions that arrive through a
// callback, helpers several calls deep or behind barrels, and regexes built at run time. Each kind has a
// safe look-alike in the same project, and the expected list says exactly which lines report.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'generality');
const eslintBin = join(dirname(createRequire(import.meta.url).resolve('eslint/package.json')), 'bin', 'eslint.js');

interface Finding {
  readonly where: string;
  readonly rule: string;
  readonly message: string;
}

async function lint(): Promise<Finding[]> {
  let stdout: string;
  try {
    ({ stdout } = await run(process.execPath, [eslintBin, '--format', 'json', '.'], {
      cwd: fixtures,
      maxBuffer: 16 * 1024 * 1024,
    }));
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    if (!e.stdout) throw new Error(`eslint failed: ${e.stderr}`);
    stdout = e.stdout;
  }
  const results = JSON.parse(stdout) as {
    filePath: string;
    messages: { line: number; ruleId: string | null; message: string; fatal?: boolean }[];
  }[];
  return results.flatMap((r) =>
    r.messages.map((m) => ({
      where: `${relative(fixtures, r.filePath).split('\\').join('/')}:${m.line}`,
      rule: m.ruleId ?? (m.fatal ? 'parse-error' : '?'),
      message: m.message,
    })),
  );
}

/** Every report the fixture projects must give: `file:line rule`, and a part of its message. */
const EXPECTED: readonly (readonly [where: string, rule: string, says: string])[] = [
  // `register(import('@fastify/cors'), …)` inside a fastify-plugin wrapper (cors-safe.js: an exact list)
  ['dynamic-import/src/plugins/cors.js:4', 'no-origin-reflection', '`@fastify/cors` reflect every Origin'],
  // `const { default: x } = await import('cors')` (the later `(await import('cors')).default()` is public)
  ['dynamic-import/src/legacy.mjs:5', 'no-origin-reflection', 'origin callback allows every origin'],
  // `module.exports = require('cors')` under the project's own name (the fixed origin beside it is safe)
  ['wrapped/cjs/app.js:5', 'no-origin-reflection', '`cors` reflect every Origin'],
  // `export { default as crossOrigin } from 'cors'` in a barrel with `export *` (the list for Fastify is safe)
  ['wrapped/src/server.ts:6', 'no-origin-reflection', 'origin callback'],
  // a package named like a CORS middleware: its options read as `cors` reads them, and the message says so;
  // `cors-anywhere` (a proxy) and the exact list stay quiet
  ['unknown-package/cjs/server.js:6', 'no-origin-reflection', 'assumed to read options as `cors` does'],
  // `(env || '').split(',')` as an operand of `||` never fails (delegate-safe.js: the same without it)
  ['guards/cjs/delegate.js:7', 'no-origin-reflection', 'passes any origin'],
  // a lookup compared with a literal: `BLOCKED[origin] !== true` lets every other origin in
  // (`ALLOWED[origin] === true` is an exact allowlist)
  ['guards/cjs/lookup.js:16', 'no-origin-reflection', '`BLOCKED[origin] !== true` passes any origin'],
  // a decision delivered through a callback: the strict callback is an exact list, the loose one is not;
  // the loose one is reported once, where it lives (its use in the manual middleware, with cookies as the
  // options themselves send them, is the same defect: placement.ts)
  ['callback-decision/cjs/config/looseOptions.js:3', 'no-unsafe-origin-check', 'https://evilexample.com'],
  // isTrustedUrl(origin) -> isTrustedHost(hostOf(origin)) -> host.endsWith('example.com')
  ['deep-helpers/cjs/trust.js:5', 'no-unsafe-origin-check', 'https://evilexample.com'],
  // the same helpers in another module, reached from an origin callback
  ['deep-helpers/src/app.js:6', 'no-unsafe-origin-check', 'In `deep-helpers/src/utils/url.js` (line 5)'],
  // NestJS config namespaces: registerAs('cors', () => options) is what ConfigService.get('cors') returns
  // (the exact list under another namespace stays quiet)
  ['nest-config/src/config/cors.config.ts:4', 'no-origin-reflection', '`cors` reflect every Origin'],
  // a pattern from a config module with the `m` flag and no `^`
  ['runtime-regex/cjs/server.js:7', 'no-unsafe-origin-check', 'https://evilexample.com'],
  // new RegExp(hostname): dots unescaped, nothing anchored; the message names the assumption
  ['runtime-regex/cjs/server.js:16', 'no-unsafe-origin-check', 'is a host such as `app.example.com`'],
  // options known by their type: `CorsOptions` without origin, `@koa/cors` Options, `satisfies FastifyCorsOptions`,
  // a glue `Manifest` (the exact lists and another library's `Options` stay quiet)
  ['typed/src/cors.ts:6', 'no-wildcard-with-credentials', 'rejected by browsers'],
  ['typed/src/cors.ts:8', 'no-wildcard-with-credentials', '`@koa/cors` turns `*` with credentials'],
  ['typed/src/cors.ts:9', 'no-origin-reflection', 'origin callback allows every origin'],
  ['typed/src/manifest.ts:4', 'no-wildcard-with-credentials', "`@hapi/hapi` answers `*` with the request's Origin"],
  // values from JSON modules (require('./x.json'), import … with { type: 'json' }): ESLint does not lint
  // them, so the finding is placed at the use, naming the file (the exact lists beside them stay quiet)
  ['json/cjs/server.js:6', 'no-origin-reflection', 'In `json/cjs/config/settings.json` (line 3)'],
  ['json/src/app.ts:6', 'no-null-origin', 'In `json/config/default.json` (line 2)'],
  // instance members: a field assigned in the constructor, and `this.config.http.crossOrigin`
  ['instance/src/server.ts:11', 'no-origin-reflection', '`cors` reflect every Origin'],
  ['instance/src/server.ts:16', 'no-origin-reflection', 'In `instance/src/settings.ts` (line 1)'],
  // helpers reached through barrels (`export *`, `export { a as b } from`, `module.exports = require()`):
  // judged once, in the helper, with the routes' calls as its callers (the allowlisted ones stay quiet)
  [
    'helper-barrel/src/lib/cors/headers.ts:8',
    'no-origin-reflection',
    "callers pass the request's Origin: `helper-barrel/src/routes/orders.ts` line 5",
  ],
  [
    'helper-barrel/cjs/lib/headers.js:5',
    'no-origin-reflection',
    "callers pass the request's Origin: `helper-barrel/cjs/server.js` line 7",
  ],
  // an options factory `(origin) => ({ origin, credentials: true })` handed the request's Origin from a
  // `cors` delegate in another module: judged in the factory (the allowlisted factory stays quiet)
  [
    'options-factory/cjs/config/cors.js:5',
    'no-origin-reflection',
    "Reflects `origin` unchecked (callers pass the request's Origin: `options-factory/cjs/server.js` line 6)",
  ],
  // h3 / Nitro / Nuxt by hand: `getRequestHeader(event, 'origin')`, `getRequestHeaders(event).origin`,
  // `getHeader` written back by `setResponseHeader`, `setResponseHeaders` and `appendResponseHeader`,
  // auto-imported or imported; the shared helper the route files call is reported once, in itself (the
  // exact lists in trusted.ts and applyTrustedCors stay quiet)
  ['h3-by-hand/server/middleware/cors.ts:6', 'no-origin-reflection', "getRequestHeader(event, 'origin')"],
  ['h3-by-hand/server/middleware/headers.ts:7', 'no-origin-reflection', 'getRequestHeaders(event).origin'],
  ['h3-by-hand/server/utils/cors.ts:7', 'no-origin-reflection', "Reflects `getHeader(event, 'origin')` unchecked"],
  // socket.io 2: `require('socket.io').listen(server)` then `io.origins(fn)`: the function accepting every
  // origin is reported (the exact comparison in exact.js, once the default reflection, stays quiet)
  ['socketio2/cjs/open.js:8', 'no-origin-reflection', 'origin callback allows every origin'],
  // @elysiajs/cors 0.6.0 sends `*` for `origin: true`: with credentials browsers refuse it (1.x would reflect);
  // the bare `cors()` beside it is public, without credentials before 0.8.0
  ['elysia-old/src/index.ts:6', 'no-wildcard-with-credentials', 'rejected by browsers'],
  // GraphQL Yoga 2 `createServer` of @graphql-yoga/node: no `cors` reflects every origin with credentials; a
  // fixed origin beside it is quiet
  ['yoga2/src/server.js:5', 'no-origin-reflection', 'sends back every request'],
  // the old `fastify-cors` 5.2.0: the suffix-only RegExp admits evilexample.com; the `false` it sends to origins
  // it does not admit names no origin, so the exact list in exact.js is quiet
  ['fastify-cors-old/server.js:5', 'no-unsafe-origin-check', 'https://evilexample.com'],
  // hono 3: a function origin's answer is sent as is (the suffix test admits evilexample.com); a list's first
  // entry sent to the others names no attacker origin, so the list beside it is quiet
  ['hono3/src/index.ts:6', 'no-unsafe-origin-check', 'https://evilexample.com'],
  // a glue manifest in its own module, composed in server.js: hapi answers `origin: ['*']` with the request's
  // Origin, with credentials here; the exact list of the other manifest composed beside it is quiet
  ['glue-manifest/config/manifest.js:7', 'no-wildcard-with-credentials', "answers `*` with the request's Origin"],
];

describe('recognition by kind (eslint CLI over test/fixtures/generality)', () => {
  let findings: Finding[];
  beforeAll(async () => {
    findings = await lint();
  });

  it('reports each kind exactly where expected, and nothing in the safe look-alikes', () => {
    const got = findings.map((f) => `${f.where} cors-guard/${f.rule.replace(/^cors-guard\//, '')}`).sort();
    const want = EXPECTED.map(([where, rule]) => `${where} cors-guard/${rule}`).sort();
    expect(got).toEqual(want);
  });

  it('says what each finding rests on', () => {
    for (const [where, rule, says] of EXPECTED) {
      const f = findings.find((x) => x.where === where && x.rule === `cors-guard/${rule}`);
      expect(f?.message, `${where} ${rule}`).toContain(says);
    }
  });
});
