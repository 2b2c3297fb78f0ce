/** The header decoder and the policy interpreter behind the hovers. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';
import {
  decodeHeaderValue,
  duration,
  explainPolicy,
  headerBlockAt,
  headerBlocksIn,
  headerFacts,
  HEADER_FACTS,
  summarizeHeaderBlock,
  type FileModel,
} from '../../eslint-plugin/src/analysis';

const here = dirname(fileURLToPath(import.meta.url));

describe('headerFacts', () => {
  it('knows every CORS header and the related ones, case-insensitively', () => {
    for (const name of [
      'access-control-allow-origin',
      'Access-Control-Allow-Credentials',
      'ACCESS-CONTROL-ALLOW-METHODS',
      'Access-Control-Allow-Headers',
      'Access-Control-Expose-Headers',
      'Access-Control-Max-Age',
      'Access-Control-Request-Method',
      'Access-Control-Request-Headers',
      'origin',
      'Vary',
      'Timing-Allow-Origin',
    ])
      expect(headerFacts(name)?.name.toLowerCase()).toBe(name.toLowerCase());
    expect(headerFacts('Content-Type')).toBeUndefined();
    expect(headerFacts('Origins')).toBeUndefined();
    expect(headerFacts('Origin')!.direction).toBe('request');
    expect(headerFacts('Access-Control-Max-Age')!.matters).toEqual(['preflight']);
  });
});

describe('decodeHeaderValue', () => {
  const decode = (name: string, value: string, credentials = false) => decodeHeaderValue(name, value, { credentials })!;

  it('Access-Control-Allow-Origin: *, one origin, null', () => {
    expect(decode('Access-Control-Allow-Origin', '*').meaning).toBe(
      'Any origin may read this response, but only without credentials.',
    );
    expect(decode('Access-Control-Allow-Origin', '*', true).problems).toEqual([
      'With `Access-Control-Allow-Credentials: true`, browsers reject `*`: credentialed requests fail.',
    ]);
    const one = decode('access-control-allow-origin', 'https://app.example.com', true);
    expect(one.meaning).toBe(
      "Only pages on `https://app.example.com` may read this response, with the user's cookies.",
    );
    expect(one.details).toEqual(['scheme `https`, host `app.example.com`, port 443 (the default)']);
    expect(one.problems).toEqual([]);
    expect(decode('Access-Control-Allow-Origin', 'http://localhost:3000').details).toEqual([
      'scheme `http`, host `localhost`, port 3000',
    ]);
    expect(decode('Access-Control-Allow-Origin', 'http://app.example.com').problems).toEqual([
      'Plain `http`: anyone on the network path can act as this origin.',
    ]);
    expect(decode('Access-Control-Allow-Origin', 'null').problems).toEqual([
      'Trusting `null` lets any website in through a sandboxed iframe.',
    ]);
  });

  it('Access-Control-Allow-Origin: the forms browsers reject', () => {
    const problem = (v: string) => decode('Access-Control-Allow-Origin', v).problems[0];
    expect(problem('https://app.example.com/')).toMatch(/never ends in `\/`/);
    expect(problem('https://app.example.com/api')).toMatch(/has no path/);
    expect(problem('https://a.example.com, https://b.example.com')).toMatch(/a list is invalid/);
    expect(problem('app.example.com')).toMatch(/Expected `\*`, `null` or `scheme:\/\/host\[:port\]`/);
    expect(problem('https://*.example.com')).toMatch(/wildcards are not supported/);
    expect(problem('https://App.Example.com')).toMatch(/lower case/);
  });

  it('Access-Control-Allow-Credentials: only `true` counts', () => {
    expect(decode('Access-Control-Allow-Credentials', 'true').meaning).toMatch(
      /^Responses to requests with the user's cookies are readable/,
    );
    expect(decode('Access-Control-Allow-Credentials', 'false').meaning).toBe(
      'Credentials not allowed: `false` is not `true`, so browsers treat it as absent.',
    );
    expect(decode('Access-Control-Allow-Credentials', 'TRUE').problems).toEqual(['Only lower-case `true` counts.']);
  });

  it('Allow-Methods / Allow-Headers / Expose-Headers: lists, safelisted entries, and `*`', () => {
    const methods = decode('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
    expect(methods.meaning).toBe('4 methods listed: `GET`, `POST`, `PUT`, `DELETE`.');
    expect(methods.details).toEqual(['Always allowed anyway (safelisted): `GET`, `POST`.']);
    expect(decode('Access-Control-Allow-Methods', '*').meaning).toBe(
      'Any method is allowed (credentials-free requests only).',
    );
    expect(decode('Access-Control-Allow-Methods', '*', true).meaning).toMatch(/literal name `\*`/);
    const headers = decode('Access-Control-Allow-Headers', '*');
    expect(headers.meaning).toMatch(/except `Authorization`/);
    expect(headers.details).toContain('`Authorization` is never covered by `*`: list it if requests send it.');
    expect(decode('Access-Control-Allow-Headers', '*, Authorization').details).toEqual([]);
    expect(decode('Access-Control-Allow-Headers', 'Content-Type, X-Token').details).toEqual([
      'Always allowed anyway (safelisted): `Content-Type`.',
    ]);
    expect(decode('Access-Control-Expose-Headers', 'Content-Length, X-Total').details).toEqual([
      'Always allowed anyway (safelisted): `Content-Length`.',
    ]);
    expect(decode('Access-Control-Allow-Headers', 'X Token').problems).toEqual(['Not valid names: `X Token`.']);
  });

  it('Access-Control-Max-Age: human durations and what browsers keep', () => {
    expect(decode('Access-Control-Max-Age', '600').details).toEqual([
      'Chromium keeps 600 s (10 min); Firefox 600 s (10 min).',
    ]);
    expect(decode('Access-Control-Max-Age', '86400').details).toEqual([
      'Chromium keeps 7,200 s (2 h) (its cap); Firefox 86,400 s (24 h).',
    ]);
    expect(decode('Access-Control-Max-Age', '100000').details[0]).toMatch(/Firefox 86,400 s \(24 h\) \(its cap\)/);
    expect(decode('Access-Control-Max-Age', '-1').meaning).toMatch(/not cached/);
    expect(decode('Access-Control-Max-Age', '2h').problems).toEqual(['Expected whole seconds.']);
    expect(duration(5)).toBe('5 s');
  });

  it('Vary, Origin and headers it does not know', () => {
    expect(decode('Vary', 'Accept-Encoding, Origin').details).toEqual([
      '`Origin` is listed: a cache never serves one origin the answer meant for another.',
    ]);
    expect(decode('Origin', 'null').meaning).toMatch(/opaque origin/);
    expect(decode('Origin', 'https://a.example').meaning).toBe('The request comes from a page on `https://a.example`.');
    expect(decodeHeaderValue('Content-Type', 'text/html')).toBeUndefined();
  });

  it('every header in the facts table decodes without throwing', () => {
    for (const f of HEADER_FACTS)
      for (const v of ['', '*', 'true', 'x', '1']) expect(decodeHeaderValue(f.name, v)).toBeDefined();
  });
});

/** Lints `code` with the recommended preset and returns its file model (as the editor does). */
function modelOf(code: string): { model: FileModel; ruleIds: string[] } {
  const linter = new Linter();
  const messages = linter.verify(code, [{ ...plugin.configs.recommended, files: ['**/*.js'] } as never], 'server.js');
  const model = plugin.fileModelOf(linter.getSourceCode().ast as never);
  if (!model) throw new Error(`no model: ${JSON.stringify(messages)}`);
  return { model, ruleIds: messages.map((m) => m.ruleId ?? 'fatal') };
}

function explainOnly(code: string) {
  const { model } = modelOf(code);
  expect(model.policies.length).toBe(1);
  return explainPolicy(model.policies[0]!, model.trustedOrigins);
}

function headersOf(e: ReturnType<typeof explainOnly>, request: string, origin: string) {
  const r = e.responses.find((x) => x.request === request && x.origin === origin);
  return r && Object.fromEntries(r.headers);
}

describe('explainPolicy', () => {
  it('an allowlist holding only the placeholder a fix wrote is "not configured yet" (broken), never safe', () => {
    const fixed = (origins: string) => `const ALLOWED_ORIGINS = new Set([${origins}]);
app.use((req, res, next) => {
  res.setHeader('Vary', 'Origin');
  if (ALLOWED_ORIGINS.has(req.headers.origin)) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  next();
});`;
    const placeholder = explainOnly(fixed("'https://your-frontend.example'"));
    expect(placeholder.level).toBe('broken');
    expect(placeholder.verdict).toMatch(/^Not configured yet: the allowlist holds only the placeholder/);
    const options = explainOnly(
      "const cors = require('cors');\napp.use(cors({ origin: ['https://your-frontend.example'], credentials: true }));",
    );
    expect(options.level).toBe('broken');
    // The same shape with a real origin (or the placeholder beside one) is a configured allowlist.
    expect(explainOnly(fixed("'https://shop.example.com'")).level).toBe('safe');
    expect(explainOnly(fixed("'https://shop.example.com', 'https://your-frontend.example'")).level).toBe('safe');
  });

  it('cors({ origin: true, credentials: true }) reflects every origin, with cookies', () => {
    const e = explainOnly("const cors = require('cors');\napp.use(cors({ origin: true, credentials: true }));");
    expect(e.library).toBe('cors');
    expect(e.level).toBe('unsafe');
    expect(headersOf(e, 'preflight', 'https://evil.example')).toEqual({
      'Access-Control-Allow-Origin': 'https://evil.example',
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Methods': 'GET,HEAD,PUT,PATCH,POST,DELETE',
      'Access-Control-Allow-Headers': "<the request's Access-Control-Request-Headers>",
      Vary: 'Origin',
    });
    expect(e.responses.find((r) => r.request === 'credentialed GET')!.readable).toBe('with-cookies');
  });

  it('RegExp and array origins: an allowed origin gets in, the attacker does not', () => {
    const e = explainOnly(
      "const cors = require('cors');\napp.use(cors({ origin: ['https://shop.example.com', /^https:\\/\\/[a-z]+\\.example\\.com$/], credentials: true, methods: ['GET', 'POST'], maxAge: 600 }));",
    );
    expect(e.level).toBe('safe');
    expect(e.allowedOrigin).toBe('https://shop.example.com');
    expect(headersOf(e, 'preflight', 'https://shop.example.com')).toMatchObject({
      'Access-Control-Allow-Methods': 'GET,POST',
      'Access-Control-Max-Age': '600',
    });
    expect(headersOf(e, 'credentialed GET', 'https://evil.example')).toEqual({
      'Access-Control-Allow-Credentials': 'true',
    });
    expect(e.verdict).toBe(
      'Only the listed origins (e.g. `https://shop.example.com`) can read responses, with cookies.',
    );
  });

  it('an unsafe RegExp origin: the witness from the origin-check analysis gets in', () => {
    const e = explainOnly(
      "const cors = require('cors');\napp.use(cors({ origin: /example\\.com$/, credentials: true }));",
    );
    expect(e.level).toBe('unsafe');
    expect(e.verdict).toBe("Unsafe: the origin check lets `https://evilexample.com` in, with the user's cookies.");
    expect(headersOf(e, 'credentialed GET', 'https://evilexample.com')?.['Access-Control-Allow-Origin']).toBe(
      'https://evilexample.com',
    );
  });

  it('hapi `cors: true` reflects (without credentials) with hapi defaults', () => {
    const e = explainOnly(
      "const Hapi = require('@hapi/hapi');\nconst server = Hapi.server({ port: 3000, routes: { cors: true } });",
    );
    expect(e.library).toBe('@hapi/hapi');
    expect(e.credentials).toBe(false);
    expect(headersOf(e, 'preflight', 'https://evil.example')).toMatchObject({
      'Access-Control-Allow-Origin': 'https://evil.example',
      'Access-Control-Allow-Headers': 'Accept,Authorization,Content-Type,If-None-Match',
      'Access-Control-Max-Age': '86400',
    });
    expect(e.responses.find((r) => r.request === 'credentialed GET')!.readable).toBe('without-cookies');
    // Reflection without credentials: what `*` gives, public (the strict preset reports it).
    expect(e.level).toBe('safe');
    expect(e.verdict).toContain('never with cookies');
  });

  it('hapi wildcard origins are matched the way hapi compiles them', () => {
    const e = explainOnly(
      "const Hapi = require('@hapi/hapi');\nconst server = Hapi.server({ routes: { cors: { origin: ['https://*.example.com'], credentials: true } } });",
    );
    expect(e.allowedOrigin).toBe('https://app.example.com');
    expect(e.level).toBe('safe');
  });

  it('@koa/cors with credentials turns the default `*` into reflection', () => {
    const e = explainOnly("const cors = require('@koa/cors');\napp.use(cors({ credentials: true }));");
    expect(e.originRule).toBe("`*`, which this library turns into the request's Origin");
    expect(e.level).toBe('unsafe');
    expect(headersOf(e, 'preflight', 'https://evil.example')?.['Access-Control-Allow-Methods']).toBe(
      'GET,HEAD,PUT,POST,DELETE,PATCH',
    );
  });

  it('cors with `*` and credentials is broken, not reflected; plain `*` is public', () => {
    expect(explainOnly("const cors = require('cors');\napp.use(cors({ origin: '*', credentials: true }));").level).toBe(
      'broken',
    );
    const pub = explainOnly("const cors = require('cors');\napp.use(cors());");
    expect(pub.level).toBe('safe');
    expect(pub.verdict).toMatch(/^Public/);
  });

  it('@fastify/cors has its own default methods', () => {
    const e = explainOnly(
      "const fastify = require('fastify')();\nfastify.register(require('@fastify/cors'), { origin: 'https://a.example' });",
    );
    expect(headersOf(e, 'preflight', 'https://a.example')?.['Access-Control-Allow-Methods']).toBe('GET,HEAD,POST');
  });

  it('a trusted `null` is unsafe', () => {
    const e = explainOnly(
      "const cors = require('cors');\napp.use(cors({ origin: ['https://a.example', 'null'], credentials: true }));",
    );
    expect(e.level).toBe('unsafe');
    expect(e.verdict).toMatch(/`null` is trusted/);
  });

  it('agrees with the recommended rules on every detection fixture (hover and diagnostics never disagree)', () => {
    const dir = join(here, '..', 'fixtures', 'detection');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
      const { model, ruleIds } = modelOf(readFileSync(join(dir, file), 'utf8'));
      const levels = model.policies.map((p) => explainPolicy(p, model.trustedOrigins).level);
      const flagged = levels.some((l) => l === 'unsafe' || l === 'broken');
      expect({ file, flagged }).toEqual({ file, flagged: ruleIds.length > 0 });
    }
  });
});

describe('raw header blocks', () => {
  const curl = [
    'HTTP/2 200',
    'content-type: application/json',
    'access-control-allow-origin: https://a.example',
    'access-control-allow-credentials: true',
    '',
    '{"ok":true}',
  ];

  it('finds the block around a line and summarises it', () => {
    const block = headerBlockAt(curl, 2)!;
    expect(block.status).toEqual({ line: 0, text: 'HTTP/2 200', code: 200 });
    expect(block.headers.map((h) => h.name)).toEqual([
      'content-type',
      'access-control-allow-origin',
      'access-control-allow-credentials',
    ]);
    expect(summarizeHeaderBlock(block).lines).toEqual([
      'Credentialed requests from https://a.example are readable.',
      'No `Vary: Origin`, so a shared cache may serve this response to another origin.',
    ]);
    expect(headerBlockAt(curl, 5)).toBeUndefined();
  });

  it('summarises `*` with credentials, invalid values and requests', () => {
    const star = headerBlocksIn('Access-Control-Allow-Origin: *\nAccess-Control-Allow-Credentials: true\n');
    expect(summarizeHeaderBlock(star[0]!).lines[0]).toMatch(/`\*` with credentials: browsers reject it/);
    const list = headerBlocksIn('Access-Control-Allow-Origin: https://a.example, https://b.example\n');
    expect(summarizeHeaderBlock(list[0]!).lines[0]).toMatch(/is invalid: browsers reject the response/);
    const preflight = headerBlocksIn(
      'OPTIONS /orders HTTP/1.1\nOrigin: https://a.example\nAccess-Control-Request-Method: PUT\n',
    );
    expect(summarizeHeaderBlock(preflight[0]!)).toEqual({
      kind: 'request',
      lines: ['A cross-origin request from `https://a.example`.', 'A preflight for `PUT`.'],
    });
  });

  it('splits a text into its blocks', () => {
    const text = `${curl.join('\n')}\n\nHTTP/1.1 204 No Content\nAccess-Control-Allow-Origin: *\n`;
    expect(headerBlocksIn(text).map((b) => b.status?.code)).toEqual([200, 204]);
  });
});

describe('explainPolicy subjects', () => {
  it('shows a `null` request only when null is trusted on its own, not under full reflection', () => {
    const reflect = explainOnly("const cors = require('cors');\napp.use(cors({ origin: true, credentials: true }));");
    expect(reflect.responses.map((r) => r.origin)).toEqual(['https://evil.example', 'https://evil.example']);
    const trusted = explainOnly(
      "const cors = require('cors');\napp.use(cors({ origin: ['https://a.example', 'null'] }));",
    );
    expect(trusted.responses.map((r) => `${r.request} ${r.origin}`)).toEqual([
      'preflight https://a.example',
      'credentialed GET https://a.example',
      'credentialed GET null',
      'credentialed GET https://evil.example',
    ]);
  });
});
