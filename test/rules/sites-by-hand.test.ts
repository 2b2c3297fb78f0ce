// Sites written by hand (issue 25): helpers that return the CORS headers or the options, and h3 / Nitro /
// Nuxt middleware setting the headers itself. Each unsafe shape beside its safe look-alike, through the
// recommended preset; the multi-file shapes are in test/modules/generality.test.ts.
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';

const linter = new Linter();
const config: Linter.Config[] = [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as never } },
  plugin.configs.recommended as never,
];
const lint = (code: string, file = 'server.ts') =>
  linter.verify(code, config, file).map((m) => `${m.line}:${m.column} ${m.ruleId ?? 'fatal'} ${m.message}`);

describe('helpers returning the options', () => {
  it.each([
    [
      'an options factory handed the Origin by a `cors` delegate reflects it with credentials',
      `import cors from 'cors';
const corsOptionsFor = (origin: string | undefined) => ({ origin, credentials: true });
export const middleware = cors((req, cb) => cb(null, corsOptionsFor(req.header('Origin'))));`,
      [
        "3:69 cors-guard/no-origin-reflection Reflects `req.header('Origin')` unchecked: any site reads it with the user's cookies.",
      ],
    ],
    [
      'the safe look-alike: the factory sends the Origin only when the exact list has it',
      `import cors from 'cors';
const ALLOWED = ['https://app.example.com'];
const corsOptionsFor = (origin: string | undefined) => ({ origin: origin && ALLOWED.includes(origin) ? origin : false, credentials: true });
export const middleware = cors((req, cb) => cb(null, corsOptionsFor(req.header('Origin'))));`,
      [],
    ],
    [
      'a Yoga options factory of the request',
      `import { createYoga } from 'graphql-yoga';
function yogaCors(origin: string | null) { return { origin: origin ?? undefined, credentials: true }; }
export const yoga = createYoga({ cors: (request) => yogaCors(request.headers.get('origin')) });`,
      [
        "3:62 cors-guard/no-origin-reflection Reflects `request.headers.get('origin')` unchecked: any site reads it with the user's cookies.",
      ],
    ],
    [
      'a factory given a fixed origin',
      `import cors from 'cors';
const corsOptionsFor = (origin: string) => ({ origin, credentials: true });
export const middleware = cors(corsOptionsFor('https://app.example.com'));`,
      [],
    ],
  ])('%s', (_name, code, expected) => {
    expect(lint(code)).toEqual(expected);
  });
});

describe('h3 / Nitro / Nuxt middleware by hand', () => {
  it.each([
    [
      'setResponseHeader writes back getRequestHeader with credentials (auto-imported)',
      `export default defineEventHandler((event) => {
  setResponseHeader(event, 'Access-Control-Allow-Origin', getRequestHeader(event, 'origin') || '*');
  setResponseHeader(event, 'Access-Control-Allow-Credentials', 'true');
});`,
      [
        "2:59 cors-guard/no-origin-reflection Reflects `getRequestHeader(event, 'origin')` unchecked: any site reads it with the user's cookies.",
      ],
    ],
    [
      'the safe look-alike: an exact list',
      `const ALLOWED = ['https://app.example.com'];
export default defineEventHandler((event) => {
  const origin = getRequestHeader(event, 'origin');
  if (origin && ALLOWED.includes(origin)) {
    setResponseHeader(event, 'Access-Control-Allow-Origin', origin);
    setResponseHeader(event, 'Access-Control-Allow-Credentials', 'true');
    appendResponseHeader(event, 'Vary', 'Origin');
  }
});`,
      [],
    ],
    [
      'appendResponseHeader with getHeader (h3 1.x names, imported)',
      `import { appendHeader, defineEventHandler, getHeader } from 'h3';
export default defineEventHandler((ev) => {
  appendHeader(ev, 'Access-Control-Allow-Origin', getHeader(ev, 'Origin'));
  appendHeader(ev, 'Access-Control-Allow-Credentials', 'true');
});`,
      [
        "3:51 cors-guard/no-origin-reflection Reflects `getHeader(ev, 'Origin')` unchecked: any site reads it with the user's cookies.",
      ],
    ],
    [
      'setResponseHeaders with getRequestHeaders(event).origin',
      `export default defineEventHandler((event) => {
  const { origin } = getRequestHeaders(event);
  setResponseHeaders(event, { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' });
});`,
      [
        "3:62 cors-guard/no-origin-reflection Reflects `getRequestHeaders(event).origin` unchecked: any site reads it with the user's cookies.",
      ],
    ],
    [
      'a configured origin is not the request',
      `export default defineEventHandler((event) => {
  setResponseHeader(event, 'Access-Control-Allow-Origin', useRuntimeConfig(event).public.siteUrl);
  setResponseHeader(event, 'Access-Control-Allow-Credentials', 'true');
});`,
      [],
    ],
  ])('%s', (_name, code, expected) => {
    expect(lint(code)).toEqual(expected);
  });
});
