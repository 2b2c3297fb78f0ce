/**
 * Reflection in an API Gateway proxy result (v1 and v2 events) and in fetch-API headers (a `Response`'s
 * headers object, `headers.set(...)` in a Workers / Deno / Next.js route handler) gets a fix that checks the
 * origin against a named allowlist constant and sends `Vary: Origin` on every response. Each fixed file is
 * laid out to the line width, type-checks against the real types (`@types/aws-lambda`; the DOM's and
 * undici's `Response`), and, run on a real invocation (an API Gateway event, a real `Request`), answers the
 * listed origin and not `https://evil.example`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SHOP = 'https://shop.example.com';
const EVIL = 'https://evil.example';

type Ask = (origin: string) => Promise<{ acao: string | null; vary: string }>;
type Module = Record<string, unknown>;

interface Case {
  readonly name: string;
  readonly code: string;
  readonly desc: string;
  /** What the fixed text holds (the constant, the check, Vary). */
  readonly holds: readonly string[];
  readonly ask: (mod: Module) => Ask;
}

/** An API Gateway proxy invocation: the event's headers as API Gateway passes them. */
const lambda =
  (version: 1 | 2): Case['ask'] =>
  (mod) =>
  async (origin) => {
    const event =
      version === 1
        ? { httpMethod: 'GET', path: '/orders', headers: { origin }, multiValueHeaders: { origin: [origin] } }
        : { version: '2.0', rawPath: '/orders', headers: { origin }, requestContext: { http: { method: 'GET' } } };
    const handler = mod.handler as (e: unknown) => Promise<{ headers?: Record<string, unknown> }>;
    const headers = (await handler(event)).headers ?? {};
    const acao = headers['Access-Control-Allow-Origin'];
    return { acao: acao === undefined ? null : String(acao), vary: String(headers.Vary ?? '') };
  };

/** A real `Request` to a fetch-API handler. */
const fetchApi =
  (call: (mod: Module, request: Request) => Promise<Response>): Case['ask'] =>
  (mod) =>
  async (origin) => {
    const res = await call(mod, new Request('https://api.example.com/orders', { headers: { Origin: origin } }));
    return { acao: res.headers.get('access-control-allow-origin'), vary: res.headers.get('vary') ?? '' };
  };

const CASES: Case[] = [
  {
    name: 'lambda-v1',
    code: `import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => ({
  statusCode: 200,
  headers: { 'Access-Control-Allow-Origin': event.headers.origin ?? '', 'Access-Control-Allow-Credentials': true },
  body: JSON.stringify({ orders: [] }),
});
`,
    desc: 'Send Access-Control-Allow-Origin only for origins in an allowlist (`ALLOWED_ORIGINS`).',
    holds: [
      "const ALLOWED_ORIGINS = new Set(['https://shop.example.com']);",
      "    ...(ALLOWED_ORIGINS.has(event.headers.origin ?? '')\n",
      "    Vary: 'Origin',\n",
    ],
    ask: lambda(1),
  },
  {
    name: 'lambda-v2',
    code: `import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const origin = event.headers.origin ?? '';
  return {
    statusCode: 200,
    headers: {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Credentials': 'true',
    },
    body: '[]',
  };
}
`,
    desc: 'Send Access-Control-Allow-Origin only for origins in an allowlist (`ALLOWED_ORIGINS`).',
    holds: [
      `      ...(ALLOWED_ORIGINS.has(origin)
        ? { 'Access-Control-Allow-Origin': origin }
        : {}),
      Vary: 'Origin',
      'Access-Control-Allow-Credentials': 'true',`,
    ],
    ask: lambda(2),
  },
  {
    name: 'worker-response',
    code: `export default {
  async fetch(request: Request): Promise<Response> {
    return new Response('[]', { headers: { 'Access-Control-Allow-Origin': request.headers.get('Origin') ?? '' } });
  },
};
`,
    desc: 'Send Access-Control-Allow-Origin only for origins in an allowlist (`ALLOWED_ORIGINS`).',
    holds: [
      `    return new Response('[]', {
      headers: {
        ...(ALLOWED_ORIGINS.has(request.headers.get('Origin') ?? '')
          ? {
              'Access-Control-Allow-Origin': request.headers.get('Origin') ?? '',
            }
          : {}),
        Vary: 'Origin',
      },
    });`,
    ],
    ask: fetchApi((mod, request) => (mod.default as { fetch: (r: Request) => Promise<Response> }).fetch(request)),
  },
  {
    name: 'route-headers-set',
    // A Next.js / Deno route handler with the project's own list: the fix checks against it.
    code: `const allowedOrigins = ['https://shop.example.com', 'https://admin.example.com'];

export async function GET(request: Request): Promise<Response> {
  const response = Response.json([]);
  response.headers.set('Access-Control-Allow-Origin', request.headers.get('origin') ?? '');
  response.headers.set('Access-Control-Allow-Credentials', 'true');
  return response;
}
`,
    desc: 'Send Access-Control-Allow-Origin only for origins in `allowedOrigins`, with `Vary: Origin`.',
    holds: [
      `  response.headers.append('Vary', 'Origin');
  if (allowedOrigins.includes(request.headers.get('origin') ?? '')) {
    response.headers.set(
      'Access-Control-Allow-Origin',
      request.headers.get('origin') ?? '',
    );
  }`,
    ],
    ask: fetchApi((mod, request) => (mod.GET as (r: Request) => Promise<Response>)(request)),
  },
];

function suggestionsOf(text: string) {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    text,
    [
      {
        files: ['**/*.mts'],
        languageOptions: { parser: tsParser as never },
        plugins: { 'cors-guard': plugin as never },
        settings: { 'cors-guard': { trustedOrigins: [SHOP] } },
        rules: { 'cors-guard/no-origin-reflection': 'error' },
      },
    ],
    'handler.mts',
  );
  expect(messages.map((m) => m.ruleId)).toEqual(['cors-guard/no-origin-reflection']);
  return messages[0]!.suggestions ?? [];
}

let dir = '';
const fixed = new Map<string, string>();

beforeAll(() => {
  mkdirSync(join(root, 'tmp'), { recursive: true });
  dir = mkdtempSync(join(root, 'tmp', 'fetch-lambda-fix-'));
  for (const c of CASES) {
    const [fix, ...more] = suggestionsOf(c.code);
    expect(more).toEqual([]);
    expect(fix?.desc).toBe(c.desc);
    fixed.set(c.name, c.code.slice(0, fix!.fix.range[0]) + fix!.fix.text + c.code.slice(fix!.fix.range[1]));
    mkdirSync(join(dir, 'before'), { recursive: true });
    mkdirSync(join(dir, 'after'), { recursive: true });
    writeFileSync(join(dir, 'before', `${c.name}.mts`), c.code);
    writeFileSync(join(dir, 'after', `${c.name}.mts`), fixed.get(c.name)!);
  }
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** tsc --strict over every case, with the DOM's `Response` or with Node's (undici's). */
function typeCheck(folder: string, lib: 'dom' | 'node'): string {
  const args = [
    join(root, 'node_modules/typescript/bin/tsc'),
    '--noEmit',
    '--ignoreConfig',
    '--strict',
    '--skipLibCheck',
    '--module',
    'nodenext',
    '--target',
    'es2022',
    ...(lib === 'dom'
      ? ['--lib', 'es2022,dom', '--types', 'aws-lambda']
      : ['--lib', 'es2022', '--types', 'node,aws-lambda']),
    ...CASES.map((c) => join(dir, folder, `${c.name}.mts`)),
  ];
  const tsc = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: dir });
  return `${tsc.stdout}${tsc.stderr}`;
}

async function load(name: string, text: string): Promise<Module> {
  const js = ts.transpileModule(text, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const file = join(dir, `${name}-${fixed.size}-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, js);
  return (await import(pathToFileURL(file).href)) as Module;
}

describe('fixes for API Gateway results and fetch-API headers', () => {
  it('the handlers type-check before the fix (the real types: @types/aws-lambda, DOM and undici Response)', () => {
    expect(typeCheck('before', 'dom')).toBe('');
    expect(typeCheck('before', 'node')).toBe('');
  });

  it('the fixed handlers type-check against the same types', () => {
    expect(typeCheck('after', 'dom')).toBe('');
    expect(typeCheck('after', 'node')).toBe('');
  });

  for (const c of CASES) {
    it(`${c.name}: the fix is laid out to 80 columns and keeps Vary on every response`, () => {
      const text = fixed.get(c.name)!;
      for (const h of c.holds) expect(text).toContain(h);
      // Every line the fix wrote fits the width; the user's own code (a line kept, or a property moved
      // whole into the check) keeps its length.
      const own = new Set(c.code.split('\n'));
      const written = text.split('\n').filter((l) => !own.has(l));
      expect(written.length).toBeGreaterThan(0);
      for (const line of written) {
        if (!c.code.includes(line.trim().replace(/,$/, ''))) expect(line.length, line).toBeLessThanOrEqual(80);
      }
      // The fixed file has no finding left.
      const linter = new Linter({ configType: 'flat' });
      const left = linter.verify(
        text,
        [
          {
            files: ['**/*.mts'],
            languageOptions: { parser: tsParser as never },
            plugins: { 'cors-guard': plugin as never },
            rules: { 'cors-guard/no-origin-reflection': 'error', 'cors-guard/require-vary-origin': 'error' },
          },
        ],
        'handler.mts',
      );
      expect(left).toEqual([]);
    });

    it(`${c.name}: run, the listed origin gets the header and ${EVIL} does not; Vary: Origin on both`, async () => {
      const before = c.ask(await load(`${c.name}-before`, c.code));
      expect((await before(EVIL)).acao).toBe(EVIL);
      const after = c.ask(await load(c.name, fixed.get(c.name)!));
      const shop = await after(SHOP);
      const evil = await after(EVIL);
      expect(shop.acao).toBe(SHOP);
      expect(evil.acao).toBeNull();
      expect(shop.vary).toMatch(/\bOrigin\b/);
      expect(evil.vary).toMatch(/\bOrigin\b/);
    });
  }
});
