// "Safe" only when proven (issue 32): each shape below was called safe (or left out of the map) while the
// code let an attacker in; each is now judged exactly, or said to be unknown, and each has a safe
// look-alike that stays quiet. Witnesses are re-run with the real RegExp / the real `cors` package.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';
import { analyzeOriginPattern } from '../../eslint-plugin/src/analysis';
import type { MapReport } from '../../eslint-plugin/src/map';
import { cli } from '../map/helper';

const require = createRequire(import.meta.url);
const linter = new Linter();
function lint(text: string, filename = 'server.js') {
  return linter
    .verify(text, [plugin.configs.recommended as never], filename)
    .map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cors-guard-proven-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
async function mapOf(files: Record<string, string>): Promise<MapReport> {
  const dir = project({ 'package.json': JSON.stringify({ name: 'p', dependencies: { cors: '2.8.5' } }), ...files });
  const r = await cli(['map', '--format', 'json', '--no-config'], dir);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as MapReport;
}

describe('lookarounds and \\b are never read as anchors', () => {
  it.each([
    [String.raw`^https:\/\/(?!-)[a-z0-9-]+.example\.com$`, 'https://aaaxexample.com'],
    [String.raw`^https:\/\/[a-z0-9-]+(?<!-).example\.com$`, 'https://aaaxexample.com'],
    [String.raw`^https:\/\/(?!-).*example\.com$`, 'https://evilexample.com'],
    [String.raw`^(?=https:\/\/).*example\.com$`, 'https://evilexample.com'],
    [String.raw`^https:\/\/[a-z]+\.example\.com\b`, 'https://app.example.com.evil.net'],
  ])('%s admits %s: unsafe, with a witness the RegExp accepts', (pattern, attacker) => {
    const re = new RegExp(pattern);
    expect(re.test(attacker)).toBe(true);
    const verdict = analyzeOriginPattern({ pattern, flags: '' });
    expect(verdict.kind).toBe('unsafe');
    if (verdict.kind !== 'unsafe') return;
    for (const f of verdict.findings) expect(re.test(f.witness), f.witness).toBe(true);
    const messages = lint(
      `const cors = require('cors');\napp.use(cors({ origin: /${pattern}/, credentials: true }));\n`,
    );
    expect(messages.join('\n')).toMatch(/no-unsafe-origin-check: .*accepts/);
  });

  it.each([
    String.raw`^https:\/\/(?!-)[a-z0-9-]+\.example\.com$`,
    String.raw`^https:\/\/[a-z0-9-]+(?<!-)\.example\.com$`,
    String.raw`^https:\/\/[a-z]+\.example\.com(?=$|:)`,
    String.raw`^(?=https:\/\/)https:\/\/[a-z]+\.example\.com$`,
  ])('the safe look-alike %s stays safe', (pattern) => {
    expect(analyzeOriginPattern({ pattern, flags: '' }).kind).toBe('safe');
    expect(
      lint(`const cors = require('cors');\napp.use(cors({ origin: /${pattern}/, credentials: true }));\n`),
    ).toEqual([]);
  });

  it.each([
    // really admits only https://app.example.com, but the automaton cannot prove it
    String.raw`^https:\/\/(?=app\.example\.com$)[a-z.]+$`,
    // really admits https://app.example.com.evil.net, which the shortest words do not reach
    String.raw`^https:\/\/[a-z]+(?<=^https:\/\/app)\.example\.com.*`,
  ])(
    '%s: lookarounds the automaton over-approximates, no attacker origin verified: not analysed, said so',
    (pattern) => {
      expect(analyzeOriginPattern({ pattern, flags: '' })).toMatchObject({ kind: 'inconclusive', unanalysable: true });
      const messages = lint(
        `const cors = require('cors');\napp.use(cors({ origin: /${pattern}/, credentials: true }));\n`,
      );
      expect(messages.join('\n')).toMatch(/Origin check could not be analysed \(its lookarounds or word boundaries/);
    },
  );
});

describe('options objects', () => {
  it('options mutated after creation: the write is what the library reads (reflection with credentials)', async () => {
    const code = `const cors = require('cors');\nconst app = require('express')();\nconst opts = { origin: ['https://a.com'], credentials: true };\nopts.origin = true;\napp.use(cors(opts));\n`;
    const messages = lint(code);
    expect(messages.join('\n')).toMatch(/no-origin-reflection/);
    // The real cors package reflects any origin with credentials for these options.
    const cors = require('cors') as (o: unknown) => (req: unknown, res: unknown, next: () => void) => void;
    const opts: { origin: unknown; credentials: boolean } = { origin: ['https://a.com'], credentials: true };
    opts.origin = true;
    const headers: Record<string, string> = {};
    cors(opts)(
      { method: 'GET', headers: { origin: 'https://evil.example' } },
      { setHeader: (k: string, v: string) => (headers[k.toLowerCase()] = v), getHeader: () => undefined },
      () => {},
    );
    expect(headers['access-control-allow-origin']).toBe('https://evil.example');
    expect(headers['access-control-allow-credentials']).toBe('true');
  });

  it('a write in a branch may happen: the policy is not the literal alone', async () => {
    // Behind an opt-in switch (only where DEV is set): unknown in the map, never safe; strict reports it.
    const optIn = `const cors = require('cors');\nconst app = require('express')();\nconst opts = { origin: ['https://a.com'], credentials: true };\nif (process.env.DEV) opts.origin = true;\napp.use(cors(opts));\n`;
    expect(lint(optIn)).toEqual([]);
    const report = await mapOf({ 'server.js': optIn });
    expect(report.policies.map((p) => `${p.verdict} ${p.reason} ${p.allows}`)).toEqual([
      'unknown switch https://a.com, any origin when process.env.DEV is set',
    ]);
    const strict = linter.verify(optIn, [plugin.configs.strict as never], 'server.js').map((m) => m.ruleId);
    expect(strict).toEqual(['cors-guard/no-permissive-default']);
    // A branch that runs unless a variable is set runs by default: reflection with cookies.
    const optOut = optIn.replace('if (process.env.DEV)', 'if (!process.env.LOCKED_DOWN)');
    expect(lint(optOut).join('\n')).toMatch(/no-origin-reflection/);
    // Any other condition may hold too.
    const other = optIn.replace('if (process.env.DEV)', 'if (settings.open)');
    expect(lint(other).join('\n')).toMatch(/no-origin-reflection/);
  });

  it('an unknown write makes the option unknown, never the literal (no false "safe")', async () => {
    const report = await mapOf({
      'server.js': `const cors = require('cors');\nconst app = require('express')();\nconst opts = { origin: ['https://a.com'], credentials: true };\nObject.assign(opts, loadOverrides());\napp.use(cors(opts));\n`,
    });
    expect(report.policies.map((p) => p.verdict)).toEqual(['unknown']);
  });

  it('a safe look-alike: a write of another allowlist keeps the verdict safe, naming the written origin', async () => {
    const report = await mapOf({
      'server.js': `const cors = require('cors');\nconst app = require('express')();\nconst opts = { origin: true, credentials: true };\nopts.origin = ['https://b.com'];\napp.use(cors(opts));\n`,
    });
    expect(report.policies.map((p) => `${p.verdict} ${p.allows}`)).toEqual(['safe https://b.com']);
  });

  it('import * as opts: the named exports are the options', async () => {
    const report = await mapOf({
      'cors-options.mjs': `export const origin = true;\nexport const credentials = true;\n`,
      'server.mjs': `import cors from 'cors';\nimport express from 'express';\nimport * as opts from './cors-options.mjs';\nconst app = express();\napp.use(cors(opts));\n`,
      'safe-options.mjs': `export const origin = ['https://a.com'];\nexport const credentials = true;\n`,
      'safe.mjs': `import cors from 'cors';\nimport express from 'express';\nimport * as opts from './safe-options.mjs';\nexpress().use(cors(opts));\n`,
    });
    expect(report.policies.map((p) => `${p.file} ${p.verdict} ${p.credentials}`).sort()).toEqual([
      'safe.mjs safe true',
      'server.mjs unsafe true',
    ]);
  });

  it('options from an opaque call are listed as unknown, not left out', async () => {
    const report = await mapOf({
      'server.js': `const cors = require('cors');\nconst app = require('express')();\nconst { loadConfig } = require('./config-loader');\napp.use(cors(loadConfig()));\napp.use('/b', cors(JSON.parse(process.env.CORS)));\n`,
    });
    expect(report.policies.map((p) => `${p.line} ${p.verdict}`)).toEqual(['4 unknown', '5 unknown']);
    // ESLint stays quiet about what it cannot read.
    expect(lint(`const cors = require('cors');\napp.use(cors(loadConfig()));\n`)).toEqual([]);
  });

  it('an options delegate answering with options CORS Guard cannot read is unknown, not left out', async () => {
    const report = await mapOf({
      'server.js': [
        `const cors = require('cors');`,
        `const app = require('express')();`,
        `app.use('/a', cors((req, cb) => cb(null, getOptions(req))));`,
        `app.use('/b', cors(async (req, cb) => cb(null, await fetchOptions(req))));`,
        `app.use('/c', cors((req, cb) => loadOptions(req, cb)));`,
        // the safe look-alike: a delegate answering with an exact list
        `app.use('/d', cors((req, cb) => cb(null, { origin: ['https://app.example.com'], credentials: true })));`,
        ``,
      ].join('\n'),
    });
    expect(report.policies.map((p) => `${p.line} ${p.verdict}`)).toEqual([
      '3 unknown',
      '4 unknown',
      '5 unknown',
      '6 safe',
    ]);
  });
});

describe('minified server bundles are read by the shapes of their calls', () => {
  it('e.setHeader("Access-Control-Allow-Origin", t.headers.origin) in a (t, e) handler is reflection', () => {
    const code = `const http=require("http");http.createServer(function(t,e){e.setHeader("Access-Control-Allow-Origin",t.headers.origin);e.setHeader("Access-Control-Allow-Credentials","true");e.end("x")}).listen(3000);\n`;
    expect(lint(code).join('\n')).toMatch(/no-origin-reflection/);
    const arrow = `require("http").createServer((t,e)=>{e.setHeader("Access-Control-Allow-Origin",t.headers.origin);e.setHeader("Access-Control-Allow-Credentials","true");e.end()});\n`;
    expect(lint(arrow).join('\n')).toMatch(/no-origin-reflection/);
  });

  it.each([
    // a one-parameter function: not a handler signature
    `function f(t){ return t.headers.origin } res.setHeader("Access-Control-Allow-Origin", f(x) === 'https://a.com' ? 'https://a.com' : 'null');`,
    // an exact allowlist in minified form stays safe
    `require("http").createServer(function(t,e){var n=t.headers.origin;n==="https://a.com"&&e.setHeader("Access-Control-Allow-Origin",n);e.end()});`,
    // the second parameter's headers are not the request's
    `require("http").createServer(function(t,e){e.setHeader("Access-Control-Allow-Origin",e.headers&&"https://a.com");e.end()});`,
  ])('no new finding on a safe minified look-alike: %s', (code) => {
    expect(lint(code).filter((m) => m.startsWith('cors-guard/no-origin-reflection'))).toEqual([]);
  });
});

/** An Express handler that reflects the origin with credentials when `check` holds. */
const handler = (check: string) => `const app = require('express')();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && (${check})) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});
`;

// Found by a 10,000-case run of the generative differential test (seed 32): each was called safe while the
// real check admits the origin named; now unknown (reported as not verified safe), with a safe look-alike.
describe('the generative long run: refuted "safe" verdicts', () => {
  const admits = (check: string, origin: string) =>
    (new Function('origin', `return !!(${check});`) as (o: string) => boolean)(origin);

  it.each([
    // The automaton (lookbehind dropped) admits `https://xexample.com`, which the RegExp refuses; it also admits
    // `https://evilexample.com` (`evi` + the unescaped dot's `l`), which the RegExp accepts. Settling for the
    // unregistrable `https://example-com` called it safe.
    [String.raw`origin.search(/(?<![\w.-])([a-z0-9-]+.)?example.com$/) !== -1`, 'https://evilexample.com'],
    [String.raw`/(?<![\w.-])([a-z0-9-]+.)?example.com(?=\/|$)/.test(origin)`, 'https://evilexample.com'],
    // Each side lets attacker origins in; no witness of one passes the other, but a 22-character origin holding
    // example.com passes both (lastIndexOf gives -1 = 22 - 23).
    [
      "origin.lastIndexOf('https://app.example.com') === origin.length - 'https://app.example.com'.length && origin.indexOf('example.com') > -1",
      'https://vilexample.com',
    ],
  ])('%s admits %s: not called safe', (check, attacker) => {
    expect(admits(check, attacker)).toBe(true);
    const messages = lint(handler(check)).join('\n');
    expect(messages).toMatch(/no-unsafe-origin-check: /);
  });

  it.each([
    "origin.startsWith('https://app.example.com') && origin.endsWith('.example.com')",
    "origin.endsWith('.example.com') && origin.indexOf('example') > -1",
    String.raw`/^https:\/\/([a-z0-9-]+\.)?example\.com$/.test(origin)`,
  ])('safe look-alike %s: no finding', (check) => {
    expect(lint(handler(check))).toEqual([]);
  });
});

// Read as checks now (the generative long run counted 1,022 refused witnesses of these shapes: the origin was
// taken as unchecked and reported as reflected).
describe('match results compared with null, and indexOf after the start', () => {
  it.each([
    String.raw`/^https:\/\/(?:app|admin)\.example\.com$/.exec(origin) !== null`,
    String.raw`origin.match(/^https:\/\/(?:app|admin)\.example\.com$/) != null`,
    String.raw`null !== /^https:\/\/(?:app|admin)\.example\.com$/.exec(origin)`,
  ])('%s: an exact pattern, no finding', (check) => {
    expect(lint(handler(check))).toEqual([]);
  });

  it.each([
    [String.raw`/^https:\/\/[a-z]+example\.com$/.exec(origin) !== null`, 'https://evilexample.com'],
    [String.raw`origin.match(/example\.com$/) !== null`, 'https://evilexample.com'],
    ["origin.indexOf('example.com') > 0", 'https://evilexample.com'],
    ["origin.indexOf('//example.com') >= 1", 'https://example.com.evil.net'],
  ])('%s: the loose check is reported with %s, not as reflection', (check, witness) => {
    const messages = lint(handler(check)).join('\n');
    expect(messages).toContain(`no-unsafe-origin-check: Origin check accepts \`${witness}\``);
    expect(messages).not.toContain('no-origin-reflection');
  });

  it.each([
    String.raw`/^https:\/\/app\.example\.com$/.exec(origin) !== undefined`,
    String.raw`origin.match(/^https:\/\/app\.example\.com$/) !== void 0`,
  ])('%s is always true (a miss is null, never undefined): reflection', (check) => {
    expect(lint(handler(check)).join('\n')).toMatch(/no-origin-reflection: /);
  });

  it('exec(origin) === null as the allow condition lets every other origin in: reflection', () => {
    const messages = lint(handler(String.raw`/^https:\/\/app\.example\.com$/.exec(origin) === null`)).join('\n');
    expect(messages).toMatch(/no-origin-reflection: /);
  });
});
