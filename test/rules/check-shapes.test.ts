/**
 * The origin-check shapes real code uses, each with a vulnerable case and a safe look-alike, through the
 * recommended preset: checks inside iteration, checks on values derived from the origin, regexes built at
 * run time, guards that can't fail, request data, and `null` written as the header value.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';

interface Case {
  readonly name: string;
  readonly code: string;
  /** Each expected report: the rule and (part of) the origin its message names. */
  readonly expect: readonly (readonly [rule: string, witness?: string])[];
}

const handler = (body: string) =>
  `app.use((req, res) => {\n  const origin = req.headers.origin;\n${body}\n  res.setHeader('Access-Control-Allow-Credentials', 'true');\n});`;
const reflectIf = (test: string) => handler(`  if (${test}) res.setHeader('Access-Control-Allow-Origin', origin);`);

/** Ghost's shape: an options delegate parsing the origin in a `try`, allowing it when `test` holds. */
const parsedInTry = (test: string) => `const cors = require('cors');
function delegate(req, callback) {
  const origin = req.header('Origin');
  const options = { origin: false, credentials: true };
  let originUrl;
  try {
    originUrl = new URL(origin);
  } catch (err) {
    return callback(err);
  }
  if (${test}) options.origin = true;
  callback(null, options);
}
app.use(cors(delegate));`;

const CASES: readonly Case[] = [
  // --- a parsed origin assigned in a try block (Ghost's options delegate) -----------------------------
  {
    name: 'let url; try { url = new URL(origin) } catch {}: the host compared exactly (safe)',
    code: parsedInTry("originUrl.host === 'admin.a-shop.com'"),
    expect: [],
  },
  {
    name: 'let url; try { url = new URL(origin) } catch {}: the host matched by its end',
    code: parsedInTry("originUrl.hostname.endsWith('a-shop.com')"),
    expect: [['no-unsafe-origin-check', 'evila-shop.com']],
  },
  // --- checks inside iteration --------------------------------------------------------------------
  {
    name: 'some() with endsWith on a list: the weakest entry is named',
    code: `const DOMAINS = ['.a-shop.com', 'b-shop.com'];\n${reflectIf('DOMAINS.some((d) => origin.endsWith(d))')}`,
    expect: [['no-unsafe-origin-check', 'https://evilb-shop.com']],
  },
  {
    name: 'some() with endsWith on dot-prefixed entries (safe)',
    code: `const DOMAINS = ['.a-shop.com', '.b-shop.com'];\n${reflectIf('DOMAINS.some((d) => origin.endsWith(d))')}`,
    expect: [],
  },
  {
    name: 'find() with includes',
    code: `const ALLOWED = ['a-shop.com'];\n${reflectIf('ALLOWED.find((d) => origin.includes(d))')}`,
    expect: [['no-unsafe-origin-check', 'a-shop.com']],
  },
  {
    name: 'find() with === (safe)',
    code: `const ALLOWED = ['https://a-shop.com'];\n${reflectIf('ALLOWED.find((d) => origin === d)')}`,
    expect: [],
  },
  {
    name: 'findIndex() !== -1 with startsWith',
    code: `const ALLOWED = ['https://a-shop.com'];\n${reflectIf('ALLOWED.findIndex((d) => origin.startsWith(d)) !== -1')}`,
    expect: [['no-unsafe-origin-check', 'https://a-shop.com']],
  },
  {
    name: 'filter().length > 0 with an unanchored regex',
    code: `const PATTERNS = [/a-shop\\.com/];\n${reflectIf('PATTERNS.filter((re) => re.test(origin)).length > 0')}`,
    // One regex, two flaws: one report (the other flaw is a related location).
    expect: [['no-unsafe-origin-check', 'https://evila-shop.com']],
  },
  {
    name: 'filter().length > 0 with anchored regexes (safe)',
    code: `const PATTERNS = [/^https:\\/\\/a-shop\\.com$/];\n${reflectIf('PATTERNS.filter((re) => re.test(origin)).length > 0')}`,
    expect: [],
  },
  {
    name: 'reduce() with startsWith',
    code: `const ALLOWED = ['https://a-shop.com'];\n${reflectIf('ALLOWED.reduce((ok, d) => ok || origin.startsWith(d), false)')}`,
    expect: [['no-unsafe-origin-check', 'https://a-shop.com']],
  },
  {
    name: 'a for...of loop setting a flag, with endsWith',
    code: `const DOMAINS = ['a-shop.com'];\n${handler(`  let ok = false;\n  for (const d of DOMAINS) { if (origin.endsWith(d)) { ok = true; break; } }\n  if (ok) res.setHeader('Access-Control-Allow-Origin', origin);`)}`,
    expect: [['no-unsafe-origin-check', 'a-shop.com']],
  },
  {
    name: 'a for...of loop setting a flag, with === (safe)',
    code: `const ALLOWED = ['https://a-shop.com'];\n${handler(`  let ok = false;\n  for (const d of ALLOWED) { if (origin === d) ok = true; }\n  if (ok) res.setHeader('Access-Control-Allow-Origin', origin);`)}`,
    expect: [],
  },
  {
    name: 'a helper looping with return, on the parsed host with a dot boundary (safe)',
    code: `const DOMAINS = ['a-shop.com'];\nfunction allowed(o) {\n  let host;\n  try { host = new URL(o).hostname; } catch { return false; }\n  for (const d of DOMAINS) { if (host === d || host.endsWith('.' + d)) return true; }\n  return false;\n}\n${reflectIf('origin && allowed(origin)')}`,
    expect: [],
  },
  {
    name: 'a helper looping with return, on the parsed host without a dot boundary',
    code: `const DOMAINS = ['a-shop.com'];\nfunction allowed(o) {\n  const host = new URL(o).hostname;\n  for (const d of DOMAINS) { if (host.endsWith(d)) return true; }\n  return false;\n}\n${reflectIf('origin && allowed(origin)')}`,
    expect: [['no-unsafe-origin-check', 'a-shop.com']],
  },
  // --- checks on values derived from the origin ---------------------------------------------------
  {
    name: 'new URL(origin).hostname === a host (safe: an exact check)',
    code: reflectIf(`new URL(origin).hostname === 'a-shop.com'`),
    expect: [],
  },
  {
    name: 'destructured hostname in an exact list (safe)',
    code: `const HOSTS = new Set(['a-shop.com']);\n${handler(`  const { hostname } = new URL(origin);\n  if (HOSTS.has(hostname)) res.setHeader('Access-Control-Allow-Origin', origin);`)}`,
    expect: [],
  },
  {
    name: 'hostname endsWith without a dot',
    code: handler(
      `  let host = '';\n  try { host = new URL(origin).hostname; } catch {}\n  if (host.endsWith('a-shop.com')) res.setHeader('Access-Control-Allow-Origin', origin);`,
    ),
    expect: [['no-unsafe-origin-check', 'a-shop.com']],
  },
  {
    name: "('.' + hostname).endsWith('.a-shop.com') (safe)",
    code: reflectIf(`('.' + new URL(origin).hostname).endsWith('.a-shop.com')`),
    expect: [],
  },
  {
    name: 'Map.get(origin) as an allowlist (safe)',
    code: `const CONFIG = new Map([['https://a-shop.com', { credentials: true }]]);\n${reflectIf('CONFIG.get(origin)')}`,
    expect: [],
  },
  {
    name: 'an object lookup as an allowlist (safe)',
    code: `const ORIGINS = { 'https://a-shop.com': true };\n${reflectIf('ORIGINS[origin]')}`,
    expect: [],
  },
  {
    name: 'a check inside the value given to an origin callback',
    code: `import cors from 'cors';\napp.use(cors({ credentials: true, origin: (o, cb) => cb(null, o && o.includes('a-shop.com') ? o : false) }));`,
    expect: [['no-unsafe-origin-check', 'a-shop.com']],
  },
  {
    name: 'an exact check inside the value given to an origin callback (safe)',
    code: `import cors from 'cors';\nconst ALLOWED = ['https://a-shop.com'];\napp.use(cors({ credentials: true, origin: (o, cb) => cb(null, ALLOWED.includes(o) ? o : false) }));`,
    expect: [],
  },
  // --- regexes built at run time ------------------------------------------------------------------
  {
    name: 'new RegExp(list.join("|")) with unescaped dots and no anchors',
    code: `const ORIGINS = ['https://app.a-shop.com'];\nconst RE = new RegExp(ORIGINS.join('|'));\n${reflectIf('RE.test(origin)')}`,
    expect: [['no-unsafe-origin-check']],
  },
  {
    name: 'list.map() to anchored, escaped regexes (safe)',
    code: `const HOSTS = ['app\\\\.a-shop\\\\.com'];\nconst RES = HOSTS.map((h) => new RegExp('^https://' + h + '$'));\n${reflectIf('RES.some((re) => re.test(origin))')}`,
    expect: [],
  },
  {
    name: 'list.map() to regexes without an end anchor',
    code: `const HOSTS = ['app\\\\.a-shop\\\\.com'];\nconst RES = HOSTS.map((h) => new RegExp('^https://' + h));\n${reflectIf('RES.some((re) => re.test(origin))')}`,
    expect: [['no-unsafe-origin-check', 'https://app.a-shop.com.']],
  },
  {
    name: 'a pattern built around an unknown host, unescaped and unanchored: the assumption is said',
    code: reflectIf(`new RegExp('^https://' + process.env.APP_DOMAIN).test(origin)`),
    expect: [['no-unsafe-origin-check', 'assuming `process.env.APP_DOMAIN` is a host']],
  },
  {
    name: 'a pattern built around an escaped unknown host, anchored (safe)',
    code: `const domain = loadDomain();\n${reflectIf(`new RegExp('^https://([a-z0-9-]+\\\\.)?' + domain.replace(/\\./g, '\\\\.') + '$').test(origin)`)}`,
    expect: [],
  },
  {
    name: 'a string pattern given to match()',
    code: reflectIf(`origin.match('a-shop.com$')`),
    expect: [['no-unsafe-origin-check', 'no `^` at the start']],
  },
  // --- checks that name no host ------------------------------------------------------------------
  {
    name: 'a substring check that names no host: any site containing it gets in',
    code: reflectIf(`origin.indexOf('.cn') !== -1`),
    expect: [['no-unsafe-origin-check', 'names no host of yours']],
  },
  {
    name: 'a regex that names no host',
    code: reflectIf(`/\\.com|\\.org/.test(origin)`),
    expect: [['no-unsafe-origin-check', 'names no host of yours']],
  },
  {
    name: 'a check that names no host and admits only hosts nobody can register (safe)',
    code: reflectIf(`origin.endsWith('.internal')`),
    expect: [],
  },
  // --- hand-written suffix checks and length guards ----------------------------------------------
  {
    name: 'indexOf(y) === length - y.length: -1 for a missing y matches origins one character shorter',
    code: reflectIf(`origin.indexOf('.trusted-shop.com') === origin.length - '.trusted-shop.com'.length`),
    expect: [['no-unsafe-origin-check', 'gives -1 when the text is missing']],
  },
  {
    name: 'the same with a length guard first (safe: a correct endsWith)',
    code: reflectIf(
      `origin.length >= '.trusted-shop.com'.length && origin.indexOf('.trusted-shop.com') === origin.length - '.trusted-shop.com'.length`,
    ),
    expect: [],
  },
  {
    name: 'a length guard alone lets any origin through',
    code: reflectIf('origin.length > 0'),
    expect: [['no-origin-reflection', 'any site reads it']],
  },
  // --- guards that can't fail ---------------------------------------------------------------------
  {
    name: "list.indexOf('*') !== -1 with '*' in the list",
    code: `const ALLOWED = ['*', 'https://a-shop.com'];\n${reflectIf(`ALLOWED.indexOf('*') !== -1 || ALLOWED.indexOf(origin) !== -1`)}`,
    expect: [['no-origin-reflection', 'any site reads it']],
  },
  {
    name: "list.indexOf('*') !== -1 without '*' in the list (safe)",
    code: `const ALLOWED = ['https://a-shop.com'];\n${reflectIf(`ALLOWED.indexOf('*') !== -1 || ALLOWED.indexOf(origin) !== -1`)}`,
    expect: [],
  },
  {
    name: 'an array operand of || is always truthy',
    code: `const ALLOWED = ['https://a-shop.com'];\n${reflectIf('ALLOWED || ALLOWED.includes(origin)')}`,
    expect: [['no-origin-reflection', 'any site reads it']],
  },
  {
    name: 'matchAll() as a condition is always truthy',
    code: reflectIf(`origin.matchAll(/^https:\\/\\/a-shop\\.com$/g)`),
    expect: [['no-origin-reflection', 'any site reads it']],
  },
  // --- allowlists defined here and used elsewhere -------------------------------------------------
  {
    name: 'an exported origin allowlist with an unescaped dot, not read in this file',
    code: `export const ALLOWED_ORIGINS = [/^https:\\/\\/app.a-shop\\.com$/, 'https://b-shop.com'];`,
    expect: [['no-unsafe-origin-check', 'is not escaped']],
  },
  {
    name: 'an exported origin allowlist of anchored, escaped patterns (safe)',
    code: `export const ALLOWED_ORIGINS = [/^https:\\/\\/app\\.a-shop\\.com$/];`,
    expect: [],
  },
  {
    name: 'a regex whose name does not say origins (not judged)',
    code: `export const VERSION_RE = /^https:\\/\\/cdn.a-shop.com\\/v\\d+/;`,
    expect: [],
  },
  {
    name: 'an allowlist entry that is not clearly an origin (not judged in recommended)',
    code: `module.exports.corsDomains = 1;
const corsDomains = [/a-shop.com/];
export { corsDomains as unused };`,
    expect: [],
  },
  // --- values through factories and string operations -------------------------------------------
  {
    name: "an origin callback returned by a factory keeps the factory's argument ('.' + origin, no dot in the entry)",
    code: `import cors from 'cors';\nfunction withSubdomains(domains) {\n  return (origin, cb) => cb(null, domains.some((d) => ('.' + origin).endsWith(d)));\n}\napp.use(cors({ origin: withSubdomains(['a-shop.com']), credentials: true }));`,
    expect: [['no-unsafe-origin-check', 'a-shop.com']],
  },
  {
    name: 'an origin callback returned by a factory with dot-prefixed entries (safe)',
    code: `import cors from 'cors';\nfunction withSubdomains(domains) {\n  return (origin, cb) => cb(null, domains.some((d) => ('.' + new URL(origin).hostname).endsWith(d)));\n}\napp.use(cors({ origin: withSubdomains(['.a-shop.com']), credentials: true }));`,
    expect: [],
  },
  {
    name: 'a list entry cut with substring() before endsWith',
    code: `const ALLOWED = ['.a-shop.com'];\n${reflectIf('ALLOWED.some((a) => origin.endsWith(a.substring(1)))')}`,
    expect: [['no-unsafe-origin-check', 'a-shop.com']],
  },
  {
    name: 'the origin of the Referer reflected (the attacker page sets it)',
    code: `app.use((req, res) => { const { origin } = new URL(req.headers.referer); res.setHeader('Access-Control-Allow-Origin', origin); res.setHeader('Access-Control-Allow-Credentials', 'true'); });`,
    expect: [['no-origin-reflection']],
  },
  // --- request data, and null ---------------------------------------------------------------------
  {
    name: 'a query parameter from url.parse(req.url, true) copied into the header',
    code: `const url = require('url');\nhttp.createServer((req, res) => {\n  const q = url.parse(req.url, true).query;\n  res.setHeader('Access-Control-Allow-Origin', q.origin);\n  res.setHeader('Access-Control-Allow-Credentials', 'true');\n  res.end();\n});`,
    expect: [['no-origin-reflection', "any site reads it with the user's cookies"]],
  },
  {
    name: 'the same query parameter without credentials: what `*` gives (strict only)',
    code: `const url = require('url');\nhttp.createServer((req, res) => {\n  const q = url.parse(req.url, true).query;\n  res.setHeader('Access-Control-Allow-Origin', q.origin);\n  res.end();\n});`,
    expect: [],
  },
  {
    name: 'a custom request header copied into the header (safe: a browser attacker cannot set it)',
    code: `app.use((req, res) => { res.setHeader('Access-Control-Allow-Origin', req.headers['x-tenant-origin']); res.setHeader('Access-Control-Allow-Credentials', 'true'); });`,
    expect: [],
  },
  {
    name: 'a JavaScript null as the header value is sent as the text null',
    code: `const ALLOWED = new Set(['https://a-shop.com']);\n${handler(`  res.setHeader('Access-Control-Allow-Origin', ALLOWED.has(origin) ? origin : null);`)}`,
    expect: [['no-null-origin']],
  },
  {
    name: 'no header at all for other origins (safe)',
    code: `const ALLOWED = new Set(['https://a-shop.com']);\n${handler(`  if (ALLOWED.has(origin)) res.setHeader('Access-Control-Allow-Origin', origin);`)}`,
    expect: [],
  },
];

function lint(code: string) {
  const linter = new Linter();
  return linter.verify(code, [{ ...plugin.configs.recommended, files: ['**/*.js'] } as never], 'server.js');
}

describe('origin-check shapes from real code (recommended preset)', () => {
  it('has a bad case and a safe look-alike for the shapes', () => {
    expect(CASES.filter((c) => c.expect.length > 0).length).toBeGreaterThanOrEqual(15);
    expect(CASES.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(12);
  });
  for (const c of CASES) {
    it(c.name, () => {
      const messages = lint(c.code);
      expect(messages.filter((m) => m.fatal)).toEqual([]);
      const got = messages.map((m) => `${m.ruleId}: ${m.message}`);
      expect(got.length, got.join('\n')).toBe(c.expect.length);
      c.expect.forEach(([rule, witness], i) => {
        expect(got[i]).toContain(`cors-guard/${rule}`);
        if (witness) expect(got[i]).toContain(witness);
      });
    });
  }
});
