// Deployment JSON (issue 33): vercel.json and firebase.json header rules, linted with ESLint's JSON language
// through the plugin's json presets; each unsafe route beside a safe look-alike.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';

function lint(filename: string, text: string, preset: 'json' | 'json-strict' = 'json-strict'): string[] {
  const linter = new Linter({ configType: 'flat', cwd: '/p' });
  const config = plugin.configs[preset] as unknown as Linter.Config;
  // Every JSON file with the preset's rules, as a user may configure (the preset lists the deployment files).
  const everyJson = { ...config, files: ['**/*.json'] };
  return linter
    .verify(text, [everyJson], { filename })
    .map((m) => `${m.line}:${m.column} ${m.ruleId ?? 'fatal'} ${m.message}`);
}

/** A vercel.json with one route whose headers are `entries`. */
function vercel(entries: Record<string, string>, source = '/api/(.*)'): string {
  const headers = Object.entries(entries).map(([key, value]) => ({ key, value }));
  return JSON.stringify({ headers: [{ source, headers }] }, null, 2);
}

const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';

describe('vercel.json', () => {
  it('reports `*` with credentials, not `*` alone', () => {
    expect(lint('/p/vercel.json', vercel({ [ACAO]: '*', [ACAC]: 'true' }))).toEqual([
      '8:20 cors-guard/no-wildcard-with-credentials `*` with credentials (line 12) is rejected by browsers: credentialed requests fail.',
    ]);
    expect(lint('/p/vercel.json', vercel({ [ACAO]: '*' }))).toEqual([]);
  });

  it('reports a trusted `null` with credentials, not a fixed origin with credentials', () => {
    const findings = lint('/p/vercel.json', vercel({ [ACAO]: 'null', [ACAC]: 'true' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^8:20 cors-guard\/no-null-origin .*with the user's cookies\.$/);
    expect(lint('/p/vercel.json', vercel({ [ACAO]: 'https://app.example.com', [ACAC]: 'true' }))).toEqual([]);
  });

  it('reports values browsers reject (a list of origins, a trailing slash) in the strict preset only', () => {
    const list = lint('/p/vercel.json', vercel({ [ACAO]: 'https://a.example.com, https://b.example.com' }));
    expect(list).toHaveLength(1);
    expect(list[0]).toContain('cors-guard/no-invalid-cors-header');
    expect(lint('/p/vercel.json', vercel({ [ACAO]: 'https://a.example.com, https://b.example.com' }), 'json')).toEqual(
      [],
    );
    const slash = lint('/p/vercel.json', vercel({ [ACAO]: 'https://app.example.com/' }));
    expect(slash).toEqual([
      '8:20 cors-guard/no-invalid-cors-header `https://app.example.com/` is not a valid Access-Control-Allow-Origin (an origin has no trailing slash).',
    ]);
  });

  it('reads only the header rules: the same entries elsewhere, or in another JSON file, are data', () => {
    const elsewhere = JSON.stringify(
      {
        env: {
          headers: [
            { key: ACAO, value: '*' },
            { key: ACAC, value: 'true' },
          ],
        },
      },
      null,
      2,
    );
    expect(lint('/p/vercel.json', elsewhere)).toEqual([]);
    expect(lint('/p/settings.json', vercel({ [ACAO]: '*', [ACAC]: 'true' }))).toEqual([]);
  });

  it('survives JSON that is not an object, empty rules and odd values', () => {
    expect(lint('/p/vercel.json', '[1, 2, 3]')).toEqual([]);
    expect(lint('/p/vercel.json', '{ "headers": [null, 1, { "headers": [null, { "key": 3 }] }] }')).toEqual([]);
    expect(lint('/p/vercel.json', '{ "headers": "/api" }')).toEqual([]);
  });
});

describe('firebase.json', () => {
  const rule = (headers: Record<string, string>, route: Record<string, string> = { source: '/api/**' }) => ({
    ...route,
    headers: Object.entries(headers).map(([key, value]) => ({ key, value })),
  });

  it('reports `hosting.headers` routes (source or glob), not the safe look-alike', () => {
    const unsafe = JSON.stringify({ hosting: { public: 'dist', headers: [rule({ [ACAO]: '*', [ACAC]: 'true' })] } });
    expect(lint('/p/firebase.json', unsafe)).toEqual([
      expect.stringContaining('cors-guard/no-wildcard-with-credentials `*` with credentials'),
    ]);
    const glob = JSON.stringify({ hosting: { headers: [rule({ [ACAO]: 'null', [ACAC]: 'true' }, { glob: '**' })] } });
    expect(lint('/p/firebase.json', glob)).toEqual([expect.stringContaining('cors-guard/no-null-origin')]);
    const safe = JSON.stringify({
      hosting: { headers: [rule({ [ACAO]: 'https://app.example.com', [ACAC]: 'true' })] },
    });
    expect(lint('/p/firebase.json', safe)).toEqual([]);
  });

  it('reads every site of a `hosting` list', () => {
    const sites = JSON.stringify({
      hosting: [
        { target: 'app', headers: [rule({ [ACAO]: 'https://app.example.com' })] },
        { target: 'embed', headers: [rule({ [ACAO]: '*', [ACAC]: 'true' })] },
      ],
    });
    expect(lint('/p/firebase.json', sites)).toEqual([
      expect.stringContaining('cors-guard/no-wildcard-with-credentials'),
    ]);
  });

  it('flags an http:// origin in the strict preset', () => {
    const insecure = JSON.stringify({ hosting: { headers: [rule({ [ACAO]: 'http://app.example.com' })] } });
    expect(lint('/p/firebase.json', insecure)).toEqual([expect.stringContaining('cors-guard/no-insecure-origin')]);
    expect(lint('/p/firebase.json', insecure, 'json')).toEqual([]);
  });
});
