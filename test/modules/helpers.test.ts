// Helpers in the same file that receive the origin, the request or the response: judged per call, with
// their parameters bound to the call's arguments (no module resolution involved).
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';

const linter = new Linter();
const config: Linter.Config[] = [{ languageOptions: { sourceType: 'commonjs' } }, plugin.configs.recommended as never];
const lint = (code: string) =>
  linter.verify(code, config, 'server.js').map((m) => `${m.line}:${m.column} ${m.ruleId ?? 'fatal'}`);

describe('same-file helpers', () => {
  it.each([
    [
      'a setter helper given the request origin reflects it',
      `function setCors(res, origin) {
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
}
require('http').createServer((req, res) => setCors(res, req.headers.origin));`,
      ['2:48 cors-guard/no-origin-reflection'],
    ],
    [
      'guarded at the call by an exact allowlist',
      `const ALLOWED = ['https://a.example.com'];
const setCors = (res, origin) => { res.setHeader('Access-Control-Allow-Origin', origin); };
require('http').createServer((req, res) => { if (ALLOWED.includes(req.headers.origin)) setCors(res, req.headers.origin); });`,
      [],
    ],
    [
      'guarded inside the helper by an exact allowlist',
      `const ALLOWED = new Set(['https://a.example.com']);
function setCors(res, origin) { if (ALLOWED.has(origin)) res.setHeader('Access-Control-Allow-Origin', origin); }
require('http').createServer((req, res) => setCors(res, req.headers.origin));`,
      [],
    ],
    [
      'guarded inside the helper by a suffix check',
      `function setCors(res, origin) { if (origin.endsWith('example.com')) res.setHeader('Access-Control-Allow-Origin', origin); res.setHeader('Access-Control-Allow-Credentials', 'true'); }
require('http').createServer((req, res) => setCors(res, req.headers.origin));`,
      ['1:44 cors-guard/no-unsafe-origin-check'],
    ],
    [
      'a header factory used in a Response',
      `function corsHeaders(origin) {
  return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' };
}
module.exports = { fetch: (request) => new Response('ok', { headers: corsHeaders(request.headers.get('Origin')) }) };`,
      ['2:43 cors-guard/no-origin-reflection'],
    ],
    [
      'a helper given a fixed origin',
      `function setCors(res, origin) { res.setHeader('Access-Control-Allow-Origin', origin); }
require('http').createServer((req, res) => setCors(res, 'https://a.example.com'));`,
      [],
    ],
    [
      'a helper that is never called stays silent about its parameter',
      `function setCors(res, origin) { res.setHeader('Access-Control-Allow-Origin', origin); }
module.exports = setCors;`,
      [],
    ],
  ])('%s', (_name, code, expected) => {
    expect(lint(code)).toEqual(expected);
  });
});
