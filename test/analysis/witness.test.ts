// The witness analysis on its own: (check, intended hosts) -> safe, or the expected witness and culprit.
import { describe, expect, it } from 'vitest';
import { stringCheckPattern, type StringMethod } from '../../eslint-plugin/src/analysis/checks/checks';
import { analyzeOriginPattern, intendedHostsOf } from '../../eslint-plugin/src/analysis/checks/witness';

type Expect = 'safe' | { witness: string; culprit?: string; cls?: string; repair?: string | null };

const regexCases: [pattern: string, flags: string, hosts: string[], expected: Expect][] = [
  // unescaped dot
  [
    '^https:\\/\\/www.example.com$',
    '',
    [],
    { witness: 'https://www-example.com', culprit: 'unescaped-dot', repair: '^https:\\/\\/www\\.example\\.com$' },
  ],
  // missing end anchor / prefix match
  [
    '^https:\\/\\/example\\.com',
    '',
    [],
    {
      witness: 'https://example.com.evil.net',
      culprit: 'missing-end-anchor',
      repair: '^https:\\/\\/example\\.com(?::\\d+)?$',
    },
  ],
  // missing start anchor / suffix match
  [
    'example\\.com$',
    '',
    [],
    {
      witness: 'https://evilexample.com',
      culprit: 'missing-start-anchor',
      repair: '^https?:\\/\\/(?:[a-z0-9-]+\\.)*example\\.com$',
    },
  ],
  // substring (no anchors at all)
  ['https:\\/\\/example\\.com', '', [], { witness: 'https://example.com.evil.net', culprit: 'missing-end-anchor' }],
  // misleading alternation
  [
    '^https:\\/\\/a\\.example\\.com|https:\\/\\/b\\.example\\.com$',
    '',
    [],
    { witness: 'https://a.example.com.evil.net', culprit: 'missing-end-anchor' },
  ],
  // over-broad pattern before the domain
  [
    '^https:\\/\\/.*example\\.com$',
    '',
    [],
    {
      witness: 'https://evilexample.com',
      culprit: 'broad-wildcard',
      repair: '^https:\\/\\/(?:[a-z0-9-]+\\.)*example\\.com$',
    },
  ],
  ['^https:\\/\\/.+example\\.com$', '', [], { witness: 'https://evilexample.com', culprit: 'broad-wildcard' }],
  // the guide
  [
    'https:\\/\\/[a-z]+.mydomain.com',
    '',
    [],
    {
      witness: 'https://evilmydomain.com',
      culprit: 'unescaped-dot',
      repair: '^https:\\/\\/[a-z]+\\.mydomain\\.com(?::\\d+)?$',
    },
  ],
  // null trusted
  ['^(null|https:\\/\\/a\\.example\\.com)$', '', [], { witness: 'null', cls: 'null' }],
  // flags: i does not save an unescaped dot
  ['^https:\\/\\/www.example.com$', 'i', [], { witness: 'https://www-example.com', culprit: 'unescaped-dot' }],
  // configured hosts narrower than the pattern
  [
    '^https:\\/\\/[a-z]+\\.example\\.com$',
    '',
    ['app.example.com'],
    { witness: 'https://x.example.com', cls: 'same-site' },
  ],
  // Public Suffix List: shared-hosting suffixes are open to anyone, `co.uk` is a suffix like `com`.
  ['^https:\\/\\/.+\\.vercel\\.app$', '', [], { witness: 'https://evil.vercel.app', cls: 'registrable' }],
  ['^https:\\/\\/[a-z0-9-]+\\.github\\.io$', '', [], { witness: 'https://evil.github.io', cls: 'registrable' }],
  ['^https:\\/\\/[a-z]+\\.herokuapp\\.com$', '', [], { witness: 'https://evil.herokuapp.com', cls: 'registrable' }],
  ['^https:\\/\\/myapp-.*\\.vercel\\.app$', '', [], { witness: 'https://myapp-evil.vercel.app', cls: 'registrable' }],
  ['example\\.co\\.uk$', '', [], { witness: 'https://evilexample.co.uk', culprit: 'missing-start-anchor' }],
  // a lookahead that ends the pattern is modelled exactly: it neither hides a witness nor makes one up
  ['example\\.com(?=$|\\/)', '', [], { witness: 'https://evilexample.com', cls: 'registrable' }],
  // a check admitting an unregistrable and a registrable host names the registrable one first
  ['localhost', '', [], { witness: 'https://localhost.evil.net', cls: 'registrable' }],
  // safe look-alikes
  ['^https:\\/\\/myapp\\.vercel\\.app$', '', [], 'safe'],
  ['^https:\\/\\/([a-z0-9-]+\\.)*example\\.co\\.uk$', '', [], 'safe'],
  ['^https:\\/\\/example\\.com(?=$|\\/)', '', [], 'safe'],
  ['^https?:\\/\\/localhost(?=$|:)', '', [], 'safe'],
  ['^https:\\/\\/([a-z0-9-]+\\.)*example\\.com$', '', [], 'safe'],
  ['^https:\\/\\/[^.]+\\.example\\.com$', '', [], 'safe'],
  ['[^.]+\\.example\\.com$', '', [], 'safe'],
  ['^https?:\\/\\/(localhost|app\\.corp\\.io)(:\\d+)?$', '', [], 'safe'],
  ['^HTTPS:\\/\\/EXAMPLE\\.COM$', 'i', [], 'safe'],
  ['^https:\\/\\/example\\.com$', 'u', [], 'safe'],
  ['^https:\\/\\/example\\.com$', 'v', [], 'safe'],
  ['^https:\\/\\/(?!internal)[a-z]+\\.example\\.com$', '', [], 'safe'],
  ['^https:\\/\\/(?<sub>[a-z]+)\\.example\\.com$', '', [], 'safe'],
  ['^https:\\/\\/example\\.com(?::\\d+)?$', '', [], 'safe'],
];

describe('analyzeOriginPattern', () => {
  it.each(regexCases)('/%s/%s (hosts %j)', (pattern, flags, hosts, expected) => {
    const verdict = analyzeOriginPattern({ pattern, flags }, hosts);
    if (expected === 'safe') {
      expect(verdict.kind).toBe('safe');
      return;
    }
    if (verdict.kind !== 'unsafe') throw new Error(`expected unsafe, got ${JSON.stringify(verdict)}`);
    const re = new RegExp(pattern, flags);
    for (const f of verdict.findings) expect(re.test(f.witness), f.witness).toBe(true);
    if (expected.culprit === undefined && !('culprit' in expected)) {
      expect(verdict.findings.map((f) => f.witness)).toContain(expected.witness);
    } else if (expected.culprit) {
      const f = verdict.findings.find((x) => x.culprit?.kind === expected.culprit);
      expect(f?.witness).toBe(expected.witness);
    }
    if (expected.cls) expect(verdict.findings[0]!.witnessClass).toBe(expected.cls);
    if (expected.repair !== undefined) expect(verdict.repair ?? null).toBe(expected.repair);
  });

  it('is inconclusive, not wrong, for backreferences and uncompilable patterns', () => {
    expect(analyzeOriginPattern({ pattern: '^https:\\/\\/(a)\\1\\.example\\.com$', flags: '' }).kind).toBe(
      'inconclusive',
    );
    expect(analyzeOriginPattern({ pattern: '(', flags: '' }).kind).toBe('inconclusive');
  });

  it('judges a check that names no host against every registrable origin', () => {
    // Nothing a browser sends is all digits: safe, not a guess.
    expect(analyzeOriginPattern({ pattern: '^\\d+$', flags: '' }).kind).toBe('safe');
    const endsInA = analyzeOriginPattern({ pattern: 'a$|b$', flags: '' });
    expect(endsInA.kind).toBe('unsafe');
    if (endsInA.kind === 'unsafe') {
      expect(endsInA.hosts).toEqual([]);
      expect(endsInA.findings[0]!.witnessClass).toMatch(/registrable|attacker-suffix/);
      expect(/a$|b$/.test(endsInA.findings[0]!.witness)).toBe(true);
    }
    const tlds = analyzeOriginPattern({ pattern: '\\.com|\\.org', flags: '' });
    expect(tlds.kind === 'unsafe' && tlds.findings[0]!.witnessClass !== 'unregistrable').toBe(true);
  });
});

describe('intendedHostsOf', () => {
  it.each([
    ['https:\\/\\/[a-z]+.mydomain.com', ['mydomain.com']],
    ['^https?:\\/\\/(localhost|app\\.corp\\.io)(:\\d+)?$', ['localhost', 'app.corp.io']],
    ['^https:\\/\\/(a|b)\\.example\\.com$', ['a.example.com', 'b.example.com']],
  ])('%s', (pattern, hosts) => {
    expect(intendedHostsOf(pattern).sort()).toEqual([...hosts].sort());
  });
});

describe('string checks', () => {
  const judge = (method: StringMethod, argument: string, onHostname = false) => {
    const p = stringCheckPattern(method, argument, onHostname)!;
    const verify = (o: string) => {
      const s = onHostname ? new URL(o).hostname : o;
      return method === 'startsWith'
        ? s.startsWith(argument)
        : method === 'endsWith'
          ? s.endsWith(argument)
          : s.includes(argument);
    };
    return analyzeOriginPattern(p, [], verify);
  };
  it.each([
    ['endsWith', 'example.com', false, 'https://evilexample.com'],
    ['startsWith', 'https://example.com', false, 'https://example.com.evil.net'],
    ['includes', 'example.com', false, 'https://evilexample.com'],
    ['endsWith', 'example.com', true, 'https://evilexample.com'],
    ['endsWith', '.netlify.app', false, 'https://evil.netlify.app'],
    ['endsWith', '.vercel.app', true, 'https://evil.vercel.app'],
  ])('%s(%s) on hostname=%s accepts %s', (method, argument, onHostname, witness) => {
    const v = judge(method as StringMethod, argument as string, onHostname as boolean);
    if (v.kind !== 'unsafe') throw new Error(JSON.stringify(v));
    expect(v.findings.map((f) => f.witness)).toContain(witness);
  });
  it("reads a prefix: ('.' + host).endsWith('.example.com') accepts example.com and its subdomains only", () => {
    const p = stringCheckPattern('endsWith', '.example.com', true, '.')!;
    const verify = (o: string) => `.${new URL(o).hostname}`.endsWith('.example.com');
    expect(analyzeOriginPattern(p, [], verify).kind).toBe('safe');
    const loose = stringCheckPattern('endsWith', 'example.com', true, '.')!;
    const v = analyzeOriginPattern(loose, [], (o) => `.${new URL(o).hostname}`.endsWith('example.com'));
    expect(v.kind === 'unsafe' && v.findings[0]!.witness).toBe('https://evilexample.com');
  });
  it("names the registrable witness of `includes('localhost')` first", () => {
    const v = judge('includes', 'localhost');
    if (v.kind !== 'unsafe') throw new Error(JSON.stringify(v));
    expect(v.findings[0]).toMatchObject({ witness: 'https://localhost.evil.net', witnessClass: 'registrable' });
  });
  it.each([
    ['endsWith', '.example.com', false],
    ['endsWith', '.example.com', true],
    ['endsWith', '.example.co.uk', false],
  ])('%s(%s) on hostname=%s is safe', (method, argument, onHostname) => {
    expect(judge(method as StringMethod, argument as string, onHostname as boolean).kind).toBe('safe');
  });
});
