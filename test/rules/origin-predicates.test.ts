/**
 * What an origin check computes (issue 25): conditions that are always true, patterns built from lists,
 * substring tests on strings, suffix tricks, IP literals and shared-hosting prefixes. Each unsafe shape is
 * linted with the recommended preset and its witness is confirmed by running the check itself as real
 * JavaScript (for `cors` origin callbacks, through the real `cors` package); each has a safe look-alike
 * next to it, confirmed the same way where a witness could be tried.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';
import { corsAnswer } from './real-cors';

interface Case {
  readonly name: string;
  readonly code: string;
  /** Each expected report: the rule and (part of) its message, the witness first. */
  readonly expect: readonly (readonly [rule: string, text?: string])[];
  /** The check run as real JavaScript on the witness (or, for a safe look-alike, on an attacker origin). */
  readonly confirm?: () => boolean;
  readonly preset?: 'recommended' | 'strict';
}

const EVIL = 'https://evil.example';
const handler = (body: string) =>
  `app.use((req, res) => {\n  const origin = req.headers.origin;\n${body}\n  res.setHeader('Access-Control-Allow-Credentials', 'true');\n});`;
const reflectIf = (test: string) => handler(`  if (${test}) res.setHeader('Access-Control-Allow-Origin', origin);`);
const corsWith = (pre: string, body: string) =>
  `import cors from 'cors';\n${pre}\napp.use(cors({ credentials: true, origin: (origin, cb) => { ${body} } }));`;

const ALLOW = ['https://a-shop.com', 'https://b-shop.com'];
const ALLOW_TEXT = `const allow = ['https://a-shop.com', 'https://b-shop.com'];`;
const EXACT = /^https:\/\/a-shop\.com$/;

const CASES: readonly Case[] = [
  // --- 1. conditions that are always true ---------------------------------------------------------
  {
    name: '`indexOf(origin) !== -1 || allow`: an array is truthy',
    code: `${ALLOW_TEXT}\n${reflectIf('allow.indexOf(origin) !== -1 || allow')}`,
    expect: [['no-origin-reflection', 'passes any origin']],
    confirm: () => !!(ALLOW.indexOf(EVIL) !== -1 || ALLOW),
  },
  {
    name: '`indexOf(origin) !== -1` alone (safe)',
    code: `${ALLOW_TEXT}\n${reflectIf('allow.indexOf(origin) !== -1')}`,
    expect: [],
    confirm: () => !(ALLOW.indexOf(EVIL) !== -1),
  },
  {
    name: '`if (allow.indexOf(origin))`: -1 is truthy',
    code: `${ALLOW_TEXT}\n${reflectIf('allow.indexOf(origin)')}`,
    expect: [['no-origin-reflection', '`allow.indexOf(origin)` passes any origin']],
    confirm: () => !!ALLOW.indexOf(EVIL),
  },
  {
    name: '`if (~allow.indexOf(origin))`: truthy only when found (safe)',
    code: `${ALLOW_TEXT}\n${reflectIf('~allow.indexOf(origin)')}`,
    expect: [],
    confirm: () => !~ALLOW.indexOf(EVIL),
  },
  {
    name: '`cb(null, allow.indexOf(origin))`: the cors package reflects on -1',
    code: corsWith(ALLOW_TEXT, 'cb(null, allow.indexOf(origin));'),
    expect: [['no-origin-reflection', 'passes any origin']],
    confirm: () => corsAnswer(EVIL, (o, cb) => cb(null, ALLOW.indexOf(o))) === EVIL,
  },
  {
    name: '`cb(null, allow.indexOf(origin) !== -1)` (safe)',
    code: corsWith(ALLOW_TEXT, 'cb(null, allow.indexOf(origin) !== -1);'),
    expect: [],
    confirm: () => corsAnswer(EVIL, (o, cb) => cb(null, ALLOW.indexOf(o) !== -1)) !== EVIL,
  },
  {
    name: '`!!origin.search(re)`: -1 is truthy',
    code: reflectIf('!!origin.search(/^https:\\/\\/a-shop\\.com$/)'),
    expect: [['no-origin-reflection', 'passes any origin']],
    confirm: () => !!EVIL.search(EXACT),
  },
  {
    name: '`origin.search(re)` as a condition',
    code: reflectIf('origin.search(/^https:\\/\\/a-shop\\.com$/)'),
    expect: [['no-origin-reflection', 'passes any origin']],
    confirm: () => !!EVIL.search(EXACT),
  },
  {
    name: '`origin.search(re) !== -1` (safe)',
    code: reflectIf('origin.search(/^https:\\/\\/a-shop\\.com$/) !== -1'),
    expect: [],
    confirm: () => !(EVIL.search(EXACT) !== -1),
  },
  {
    name: '`allow.findIndex(...)` as a condition',
    code: `${ALLOW_TEXT}\n${reflectIf('allow.findIndex((d) => d === origin)')}`,
    expect: [['no-origin-reflection', 'passes any origin']],
    confirm: () => !!ALLOW.findIndex((d) => d === EVIL),
  },
  {
    name: '`allow.findIndex(...) !== -1` (safe)',
    code: `${ALLOW_TEXT}\n${reflectIf('allow.findIndex((d) => d === origin) !== -1')}`,
    expect: [],
  },
  {
    name: '`!list.length || list.includes(origin)` with the list empty as shipped',
    code: corsWith('const list = [];', 'cb(null, !list.length || list.includes(origin));'),
    expect: [['no-origin-reflection', 'passes any origin']],
    confirm: () => {
      const list: string[] = [];
      return corsAnswer(EVIL, (o, cb) => cb(null, !list.length || list.includes(o))) === EVIL;
    },
  },
  {
    name: '`!list.length || list.includes(origin)` with entries (safe)',
    code: corsWith(ALLOW_TEXT, 'cb(null, !allow.length || allow.includes(origin));'),
    expect: [],
    confirm: () => corsAnswer(EVIL, (o, cb) => cb(null, !ALLOW.length || ALLOW.includes(o))) !== EVIL,
  },
  {
    name: '`if (!WHITE_LIST.length) return cb(null, true)` with `WHITE_LIST = []`',
    code: corsWith(
      'const WHITE_LIST = [];',
      'if (!WHITE_LIST.length) return cb(null, true); cb(null, WHITE_LIST.includes(origin));',
    ),
    expect: [['no-origin-reflection', 'allows every origin']],
    confirm: () => {
      const list: string[] = [];
      return corsAnswer(EVIL, (o, cb) => (!list.length ? cb(null, true) : cb(null, list.includes(o)))) === EVIL;
    },
  },
  {
    name: '`if (!WHITE_LIST.length) return cb(null, true)` with entries (safe)',
    code: corsWith(ALLOW_TEXT, 'if (!allow.length) return cb(null, true); cb(null, allow.includes(origin));'),
    expect: [],
    confirm: () => corsAnswer(EVIL, (o, cb) => (!ALLOW.length ? cb(null, true) : cb(null, ALLOW.includes(o)))) !== EVIL,
  },
  {
    name: 'a list filled in later is not taken as empty (safe: its length is not known)',
    code: corsWith(
      'const WHITE_LIST = [];\nWHITE_LIST.push(...loadOrigins());',
      'if (!WHITE_LIST.length) return cb(null, false); cb(null, WHITE_LIST.includes(origin));',
    ),
    expect: [],
  },
  // --- 2. patterns built from lists --------------------------------------------------------------
  {
    name: "`new RegExp(whitelist.join('|'))`: no anchors, dots unescaped",
    code: `const whitelist = ['http://localhost:3000', 'https://a-shop.com'];\n${reflectIf(`new RegExp(whitelist.join('|')).test(origin)`)}`,
    expect: [['no-unsafe-origin-check', 'https://a-shop.com.evil.net']],
    confirm: () =>
      new RegExp(['http://localhost:3000', 'https://a-shop.com'].join('|')).test('https://a-shop.com.evil.net'),
  },
  {
    name: 'an escaped, anchored pattern built from a list of escaped entries (safe)',
    code: `const whitelist = ['https://a-shop\\\\.com', 'https://b-shop\\\\.com'];\n${reflectIf(`new RegExp('^(' + whitelist.join('|') + ')$').test(origin)`)}`,
    expect: [],
    confirm: () => !new RegExp(`^(${['https://a-shop\\.com'].join('|')})$`).test('https://a-shop.com.evil.net'),
  },
  {
    name: "`new RegExp(list.join('|'))` on a list that cannot be read: judged with a stand-in entry, said",
    code: `const whitelist = loadList();\n${reflectIf(`new RegExp(whitelist.join('|')).test(origin)`)}`,
    expect: [['no-unsafe-origin-check', 'assuming `whitelist` holds hosts or origins such as `app.example.com`']],
    confirm: () => new RegExp(['app.example.com'].join('|')).test('https://evilapp-example.com'),
  },
  {
    name: '`new RegExp(`${domain}$`)`: no start anchor',
    code: `const domain = 'a-shop.com';\n${reflectIf('new RegExp(`${domain}$`).test(origin)')}`,
    expect: [['no-unsafe-origin-check', 'https://evila-shop.com']],
    confirm: () => new RegExp(`${'a-shop.com'}$`).test('https://evila-shop.com'),
  },
  {
    name: "`new RegExp('^' + host)`: no end anchor",
    code: `const host = 'https://a-shop.com';\n${reflectIf(`new RegExp('^' + host).test(origin)`)}`,
    expect: [['no-unsafe-origin-check', 'https://a-shop.com.evil.net']],
    confirm: () => new RegExp(`^${'https://a-shop.com'}`).test('https://a-shop.com.evil.net'),
  },
  {
    name: '`list.map((d) => new RegExp(d))`',
    code: `const list = ['a-shop.com'];\nconst patterns = list.map((d) => new RegExp(d));\n${reflectIf('patterns.some((p) => p.test(origin))')}`,
    expect: [['no-unsafe-origin-check', 'https://evila-shop.com']],
    confirm: () => ['a-shop.com'].map((d) => new RegExp(d)).some((p) => p.test('https://evila-shop.com')),
  },
  {
    name: "`domain + '$'` around a domain that cannot be read: safe when it starts with a dot, so unknown, not reported",
    code: `const domain = settings.get('workDomain');\n${reflectIf(`origin.match(new RegExp(domain.replace(/\\./g, '\\\\.') + '(:3033)?$'))`)}`,
    expect: [],
    confirm: () =>
      !new RegExp(`${'.a-shop.com'.replace(/\./g, '\\.')}(:3033)?$`).test('https://evila-shop.com') &&
      new RegExp(`${'a-shop.com'.replace(/\./g, '\\.')}(:3033)?$`).test('https://evila-shop.com'),
  },
  {
    name: "`domain + '$'` where the domain's shipped default has no leading dot: judged on the default",
    code: `const domain = process.env.DOMAIN || 'a-shop.com';\n${reflectIf(`new RegExp(domain.replace(/\\./g, '\\\\.') + '(:3033)?$').test(origin)`)}`,
    expect: [['no-unsafe-origin-check', 'no `^` at the start']],
    confirm: () => new RegExp(`${'a-shop.com'.replace(/\./g, '\\.')}(:3033)?$`).test('https://evila-shop.com'),
  },
  {
    name: "`'^https://' + domain` around a domain that cannot be read: no end anchor whatever it holds",
    code: reflectIf(`new RegExp('^https://' + process.env.APP_DOMAIN.replace(/\\./g, '\\\\.')).test(origin)`),
    expect: [['no-unsafe-origin-check', 'https://app.example.com.evil.net']],
    confirm: () => new RegExp(`^https://${'app\\.example\\.com'}`).test('https://app.example.com.evil.net'),
  },
  // --- 3. substring tests on strings --------------------------------------------------------------
  {
    name: '`process.env.ALLOWED.indexOf(origin) !== -1`: an environment variable is a string',
    code: reflectIf('process.env.ALLOWED.indexOf(origin) !== -1'),
    expect: [
      [
        'no-unsafe-origin-check',
        'accepts `https://app.example.co`: it looks for the origin anywhere inside a string of allowed origins (assuming `process.env.ALLOWED` holds origins such as `https://app.example.com`)',
      ],
    ],
    confirm: () => 'https://app.example.com,https://b-shop.com'.indexOf('https://app.example.co') !== -1,
  },
  {
    name: "`process.env.ALLOWED.split(',').includes(origin)` (safe)",
    code: reflectIf(`process.env.ALLOWED.split(',').includes(origin)`),
    expect: [],
    confirm: () => !'https://app.example.com,https://b-shop.com'.split(',').includes('https://app.example.co'),
  },
  {
    name: '`config.origins.includes(origin)` on a comma-separated string',
    code: `const config = { origins: 'https://app.a-shop.com,https://b-shop.com' };\n${reflectIf('config.origins.includes(origin)')}`,
    expect: [['no-unsafe-origin-check', 'https://app.a-shop.co`']],
    confirm: () => 'https://app.a-shop.com,https://b-shop.com'.includes('https://app.a-shop.co'),
  },
  {
    name: '`config.origins.includes(origin)` on a list (safe)',
    code: `const config = { origins: ['https://app.a-shop.com', 'https://b-shop.com'] };\n${reflectIf('config.origins.includes(origin)')}`,
    expect: [],
  },
  // --- 4. suffix tricks ---------------------------------------------------------------------------
  {
    name: "`('.' + origin).endsWith('a-shop.com')`: no dot in the suffix",
    code: reflectIf(`('.' + origin).endsWith('a-shop.com')`),
    expect: [['no-unsafe-origin-check', 'https://evila-shop.com']],
    confirm: () => ('.' + 'https://evila-shop.com').endsWith('a-shop.com'),
  },
  {
    name: '`origin.endsWith(d)` for every d of a list',
    code: `const domains = ['a-shop.com', '.b-shop.com'];\n${reflectIf('domains.some((d) => origin.endsWith(d))')}`,
    expect: [['no-unsafe-origin-check', 'https://evila-shop.com']],
    confirm: () => ['a-shop.com', '.b-shop.com'].some((d) => 'https://evila-shop.com'.endsWith(d)),
  },
  {
    name: '`new URL(origin).hostname.endsWith(...)` without a dot',
    code: reflectIf(`new URL(origin).hostname.endsWith('a-shop.com')`),
    expect: [['no-unsafe-origin-check', 'https://evila-shop.com']],
    confirm: () => new URL('https://evila-shop.com').hostname.endsWith('a-shop.com'),
  },
  {
    name: "`host.split('.').slice(-2).join('.') === 'a-shop.com'` (safe)",
    code: handler(
      `  const host = new URL(origin).hostname;\n  if (host.split('.').slice(-2).join('.') === 'a-shop.com') res.setHeader('Access-Control-Allow-Origin', origin);`,
    ),
    expect: [],
    confirm: () => {
      const tail = (o: string) => new URL(o).hostname.split('.').slice(-2).join('.') === 'a-shop.com';
      return !tail('https://evila-shop.com') && !tail('https://a-shop.com.evil.net') && tail('https://x.a-shop.com');
    },
  },
  {
    name: "`host.split('.').slice(-2).join('.') === 'co.uk'`: a public suffix",
    code: handler(
      `  const host = new URL(origin).hostname;\n  if (host.split('.').slice(-2).join('.') === 'co.uk') res.setHeader('Access-Control-Allow-Origin', origin);`,
    ),
    expect: [['no-unsafe-origin-check', 'https://evil.co.uk']],
    confirm: () => new URL('https://evil.co.uk').hostname.split('.').slice(-2).join('.') === 'co.uk',
  },
  // --- 6. IP literals ------------------------------------------------------------------------------
  {
    name: 'an anchored private-range pattern: only on your network, no recommended finding',
    code: reflectIf(`/^http:\\/\\/192\\.168\\.\\d{1,3}\\.\\d{1,3}(:\\d+)?$/.test(origin)`),
    expect: [],
  },
  {
    name: 'the 172.16/12 range with unescaped dots: no recommended finding',
    code: reflectIf(`/^https?:\\/\\/172.(1[6-9]|2\\d|3[01]).\\d{1,3}.\\d{1,3}(:\\d+)?$/.test(origin)`),
    expect: [],
  },
  {
    name: 'loopback with unescaped dots: no recommended finding',
    code: reflectIf(`/^http:\\/\\/127.0.0.1(:\\d+)?$/.test(origin)`),
    expect: [],
  },
  {
    name: 'private ranges in strict: nothing claims an address inside the range is outside it',
    code: reflectIf(`/^http:\\/\\/192\\.168\\.\\d{1,3}\\.\\d{1,3}(:\\d+)?$/.test(origin)`),
    // strict also asks for `Vary: Origin`; no-unsafe-origin-check says nothing.
    expect: [['require-vary-origin']],
    preset: 'strict',
  },
  {
    name: 'a pattern that admits public addresses: a public-address witness',
    code: reflectIf(`/^http:\\/\\/\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}:8080$/.test(origin)`),
    expect: [['no-unsafe-origin-check', 'http://203.0.113.7:8080']],
    confirm: () => /^http:\/\/\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}:8080$/.test('http://203.0.113.7:8080'),
  },
  // --- 8. prefixes on shared hosting -------------------------------------------------------------
  {
    name: 'a name that may grow under vercel.app: another project gets in',
    code: reflectIf(`/^https:\\/\\/myapp[a-z0-9-]*\\.vercel\\.app$/.test(origin)`),
    expect: [['no-unsafe-origin-check', 'https://myapp-evil.vercel.app']],
    confirm: () => /^https:\/\/myapp[a-z0-9-]*\.vercel\.app$/.test('https://myapp-evil.vercel.app'),
  },
  {
    name: 'the exact deployment on vercel.app (safe)',
    code: reflectIf(`/^https:\\/\\/myapp\\.vercel\\.app$/.test(origin)`),
    expect: [],
  },
  {
    name: "Netlify deploy previews of one's own site, `deploy-preview-N--site` (safe: only the owner deploys them)",
    code: reflectIf(`/^https:\\/\\/deploy-preview-\\d+--mysite\\.netlify\\.app$/.test(origin)`),
    expect: [],
  },
  {
    name: 'a site name that may grow under netlify.app',
    code: reflectIf(`/^https:\\/\\/mysite[a-z0-9-]*\\.netlify\\.app$/.test(origin)`),
    expect: [['no-unsafe-origin-check', 'https://mysite-evil.netlify.app']],
    confirm: () => /^https:\/\/mysite[a-z0-9-]*\.netlify\.app$/.test('https://mysite-evil.netlify.app'),
  },
  // --- a loose check that never sends cookies --------------------------------------------------
  {
    name: 'a prefix check on a policy without credentials: what `*` would give, not reported in recommended',
    code: `import cors from 'cors';\napp.use(cors({ origin: (o, cb) => cb(null, o.startsWith('https://a-shop.com')) }));`,
    expect: [],
  },
  {
    name: 'the same in strict: reported',
    code: `import cors from 'cors';\napp.use(cors({ origin: (o, cb) => cb(null, o.startsWith('https://a-shop.com')) }));`,
    expect: [['no-unsafe-origin-check', 'https://a-shop.com.evil.net']],
    preset: 'strict',
    confirm: () => 'https://a-shop.com.evil.net'.startsWith('https://a-shop.com'),
  },
  {
    name: 'the same prefix check with credentials: reported in recommended',
    code: `import cors from 'cors';\napp.use(cors({ credentials: true, origin: (o, cb) => cb(null, o.startsWith('https://a-shop.com')) }));`,
    expect: [['no-unsafe-origin-check', 'https://a-shop.com.evil.net']],
    confirm: () =>
      corsAnswer('https://a-shop.com.evil.net', (o, cb) => cb(null, o.startsWith('https://a-shop.com'))) ===
      'https://a-shop.com.evil.net',
  },
];

function lint(code: string, preset: 'recommended' | 'strict') {
  const linter = new Linter();
  return linter.verify(code, [{ ...plugin.configs[preset], files: ['**/*.js'] } as never], 'server.js');
}

describe('what an origin check computes (issue 25)', () => {
  it('has a bad case and a safe look-alike for the shapes', () => {
    expect(CASES.filter((c) => c.expect.length > 0).length).toBeGreaterThanOrEqual(20);
    expect(CASES.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(15);
  });
  for (const c of CASES) {
    it(c.name, () => {
      const messages = lint(c.code, c.preset ?? 'recommended');
      expect(messages.filter((m) => m.fatal)).toEqual([]);
      const got = messages.map((m) => `${m.ruleId}: ${m.message}`);
      expect(got.length, got.join('\n')).toBe(c.expect.length);
      c.expect.forEach(([rule, text], i) => {
        expect(got[i]).toContain(`cors-guard/${rule}`);
        if (text) expect(got[i]).toContain(text);
      });
      // Never an address inside a range called outside it.
      for (const m of got) expect(m).not.toMatch(/accepts hosts outside `\d/);
      if (c.confirm) expect(c.confirm()).toBe(true);
    });
  }
});
