/**
 * A regression test from a finding: the map entry of an unsafe policy names an attacker origin that gets
 * in (the witness `decide()` admits) and the origins it means to let in; this writes a test in the
 * project's own stack that sends both and asserts the attacker's origin is not sent back (and no
 * credentials with it) while the trusted one still gets in. It fails on today's code and passes after the
 * fix. Pure: the caller reads the files and writes the result (never over an existing file).
 */
import type { MapPolicy } from '../map/entries';
import {
  requestPathFor,
  sourceFactsOf,
  stackOf,
  type Framework,
  type PackageJson,
  type Runner,
  type SourceFacts,
} from './stack';

export interface RegressionTestInput {
  /** The finding's policy (a map entry). */
  readonly policy: MapPolicy;
  /** The source file, relative to the package root, with `/`. */
  readonly sourcePath: string;
  readonly sourceText: string;
  /** The package.json of the project the file belongs to. */
  readonly pkg: PackageJson;
  /** Origins the project trusts (settings `trustedOrigins`, the command line), tried before the map's. */
  readonly trustedOrigins?: readonly string[];
  /** Where the user sets trusted origins, for the note when none is known (the editor names its setting). */
  readonly trustedOriginsSetting?: string;
  /** Whether a file (relative to the package root) exists: the test never replaces one. */
  readonly exists: (path: string) => boolean;
  /** Force a runner instead of the one package.json names. */
  readonly runner?: Runner;
}

export interface RegressionTest {
  /** Where to write it, relative to the package root (a name no file has yet). */
  readonly path: string;
  readonly content: string;
  readonly runner: Runner;
  readonly framework: Framework;
  /** How to run it. */
  readonly command: string;
  readonly attacker: string;
  readonly trusted: string | undefined;
  /** What could not be set up, each with what to do about it. */
  readonly notes: readonly string[];
}

/** Why no test can be written (no attacker gets in; a framework this does not know how to call). */
export class CannotWriteTest extends Error {}

/** The finding's policy: the one whose site or related lines hold `line`, else the unsafe one nearest to it. */
export function policyAtLine(policies: readonly MapPolicy[], line: number): MapPolicy | undefined {
  const unsafe = policies.filter((p) => p.verdict === 'unsafe');
  const at =
    unsafe.find((p) => line >= p.line && line <= p.endLine) ??
    unsafe.find((p) => p.related.some((r) => r.line === line)) ??
    policies.find((p) => line >= p.line && line <= p.endLine);
  if (at) return at;
  const nearest = (list: readonly MapPolicy[]) =>
    [...list].sort((a, b) => Math.abs(a.line - line) - Math.abs(b.line - line))[0];
  return nearest(unsafe) ?? nearest(policies);
}

const ALLOWED = new Set(['with-cookies', 'without-cookies']);

/** The trusted origin to test: one given that the policy admits, else one the map saw admitted, else one given. */
const ESLINT_TRUSTED_SETTING =
  'settings["cors-guard"].trustedOrigins in the ESLint config (or pass --trusted <origin>)';

function trustedFor(
  policy: MapPolicy,
  given: readonly string[],
  setting = ESLINT_TRUSTED_SETTING,
): { origin?: string; note?: string } {
  const admitted = (o: string) => policy.responses.some((r) => r.origin === o && ALLOWED.has(r.readable));
  const exact = given.filter((o) => !o.includes('*'));
  const fromMap = policy.responses.find(
    (r) => (r.role === 'trusted' || r.role === 'allowed') && ALLOWED.has(r.readable),
  )?.origin;
  const origin = exact.find(admitted) ?? exact[0] ?? fromMap;
  if (!origin) {
    return {
      note: `no trusted origin known: the test only checks the attacker. Set ${setting} to test that the fix still lets your site in.`,
    };
  }
  return { origin };
}

function extOf(path: string): string {
  const m = /\.[cm]?[jt]sx?$/.exec(path);
  return m ? m[0] : '.js';
}

function dirAndBase(path: string): { dir: string; base: string } {
  const slash = path.lastIndexOf('/');
  const dir = slash < 0 ? '' : path.slice(0, slash + 1);
  return { dir, base: path.slice(slash + 1).replace(/\.[cm]?[jt]sx?$/, '') };
}

/** A new file name beside the source: `app.cors.test.js`, else `app.cors-2.test.js`, … */
function testPathFor(sourcePath: string, ext: string, exists: (p: string) => boolean): string {
  const { dir, base } = dirAndBase(sourcePath);
  for (let i = 1; i < 100; i++) {
    const p = `${dir}${base}.cors${i === 1 ? '' : `-${i}`}.test${ext}`;
    if (!exists(p)) return p;
  }
  throw new CannotWriteTest(`${dir}${base}.cors-99.test${ext} and every name before it exist already`);
}

/** The path Next.js serves a route handler at: `app/api/users/[id]/route.ts` → `/api/users/1`. */
function nextRoutePath(sourcePath: string): string {
  const m = /(?:^|\/)app\/(.*?)\/?route\.[cm]?[jt]sx?$/.exec(sourcePath);
  if (!m) return '/';
  const segments = (m[1] ?? '')
    .split('/')
    .filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith('@'))
    .map((s) => (/^\[.*\]$/.test(s) ? '1' : s));
  return `/${segments.join('/')}`;
}

/** The route handler the policy sits in: the last exported method declared at or above its line. */
function handlerFor(facts: SourceFacts, text: string, line: number): string {
  let best: string | undefined;
  let bestLine = 0;
  for (const h of facts.handlers) {
    const m = new RegExp(`export\\s+(?:async\\s+)?(?:function\\s+${h}\\b|const\\s+${h}\\b)`).exec(text);
    const at = m ? text.slice(0, m.index).split('\n').length : 0;
    if (at <= line && at >= bestLine) {
      best = h;
      bestLine = at;
    }
  }
  return best ?? (facts.handlers.includes('GET') ? 'GET' : (facts.handlers[0] ?? 'GET'));
}

/** A single-quoted JavaScript string literal. */
const q = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;

interface Parts {
  imports: string[];
  /** The body of `corsHeaders(origin)`, returning `{ allowOrigin, allowCredentials }`. */
  body: string[];
  notes: string[];
}

/** How the test reaches the framework's app and reads the CORS headers of one response. */
function clientParts(
  framework: Framework,
  facts: SourceFacts,
  options: {
    esm: boolean;
    typescript: boolean;
    importPath: string;
    supertest: boolean;
    path: string;
    method: string;
    sourcePath: string;
    sourceText: string;
  },
): Parts {
  const { esm, importPath, path } = options;
  const name = framework === 'next' ? options.method : framework === 'worker' ? 'worker' : (facts.appName ?? 'app');
  const notes: string[] = [];
  const imp = (what: { default?: string; named?: string[] }, from: string): string => {
    if (esm) {
      const parts = [what.default, what.named ? `{ ${what.named.join(', ')} }` : undefined].filter(Boolean);
      return `import ${parts.join(', ')} from ${q(from)};`;
    }
    if (what.default) return `const ${what.default} = require(${q(from)});`;
    return `const { ${what.named!.join(', ')} } = require(${q(from)});`;
  };
  const imports: string[] = [];
  if (framework === 'next') {
    if (!facts.handlers.includes(name)) {
      notes.push(`${options.sourcePath} exports no ${name} handler: export the route handler the policy is in.`);
    }
    imports.push(imp({ named: [name] }, importPath));
  } else if (facts.appExport?.kind === 'named') {
    imports.push(imp({ named: [facts.appExport.name] }, importPath));
  } else {
    if (!facts.appExport) {
      const line = esm ? `export default ${name};` : `module.exports = ${name};`;
      notes.push(
        `${options.sourcePath} does not export the app: add this line at its end so the test can import it: ${line}`,
      );
    }
    imports.push(imp({ default: name }, importPath));
  }
  if (facts.listens && (framework === 'express' || framework === 'koa' || framework === 'fastify')) {
    notes.push(
      `${options.sourcePath} calls ${name}.listen(…) when imported, so the test starts that server too: move the listen call to a separate entry file (the test never needs it).`,
    );
  }
  const headersFromObject = (res: string) => [
    `  const h = (v${options.typescript ? ': unknown' : ''}) => (v === undefined ? undefined : String(v));`,
    `  return {`,
    `    allowOrigin: h(${res}.headers['access-control-allow-origin']),`,
    `    allowCredentials: h(${res}.headers['access-control-allow-credentials']),`,
    `  };`,
  ];
  const headersFromFetch = (res: string) => [
    `  return {`,
    `    allowOrigin: ${res}.headers.get('access-control-allow-origin') ?? undefined,`,
    `    allowCredentials: ${res}.headers.get('access-control-allow-credentials') ?? undefined,`,
    `  };`,
  ];
  const body: string[] = [];
  switch (framework) {
    case 'express':
    case 'koa': {
      const handler = framework === 'koa' ? `${name}.callback()` : name;
      if (options.supertest) {
        imports.unshift(imp({ default: 'request' }, 'supertest'));
        body.push(`  const res = await request(${handler}).get(${q(path)}).set('Origin', origin);`);
        body.push(...headersFromObject('res'));
      } else {
        imports.unshift(imp({ named: ['once'] }, 'node:events'));
        body.push(
          `  // No supertest in package.json: a real server on a free port, asked with fetch.`,
          `  const server = ${name}.listen(0, '127.0.0.1');`,
          `  try {`,
          `    await once(server, 'listening');`,
          `    const { port } = server.address()${options.typescript ? " as import('node:net').AddressInfo" : ''};`,
          `    const res = await fetch(\`http://127.0.0.1:\${port}${path}\`, { headers: { origin } });`,
          `    await res.arrayBuffer();`,
          ...headersFromFetch('res').map((l) => `  ${l}`),
          `  } finally {`,
          `    server.closeAllConnections?.();`,
          `    server.close();`,
          `  }`,
        );
      }
      break;
    }
    case 'fastify':
      body.push(`  const res = await ${name}.inject({ method: 'GET', url: ${q(path)}, headers: { origin } });`);
      body.push(...headersFromObject('res'));
      break;
    case 'hono':
      body.push(`  const res = await ${name}.request(${q(path)}, { headers: { origin } });`);
      body.push(...headersFromFetch('res'));
      break;
    case 'next': {
      const preflight = options.method === 'OPTIONS';
      const headers = preflight ? `{ origin, 'access-control-request-method': 'GET' }` : '{ origin }';
      body.push(
        `  const res = await ${name}(new Request(${q(`http://localhost${path}`)}, { method: ${q(options.method)}, headers: ${headers} }));`,
      );
      body.push(...headersFromFetch('res'));
      if (/\bnextUrl\b|\bNextRequest\b|\bcookies\(\)/.test(options.sourceText))
        notes.push(
          'the handler gets a plain Request: if it reads NextRequest-only fields (request.nextUrl, cookies()), wrap it with new NextRequest(...) from next/server.',
        );
      break;
    }
    case 'worker':
      body.push(
        `  const res = await ${name}.fetch(new Request(${q(`http://localhost${path}`)}, { headers: { origin } }), {}, { waitUntil() {}, passThroughOnException() {} });`,
      );
      body.push(...headersFromFetch('res'));
      break;
  }
  return { imports, body, notes };
}

function runnerImports(runner: Runner, esm: boolean, pkg: PackageJson): string[] {
  const from = (names: string[], module: string) =>
    esm
      ? `import { ${names.join(', ')} } from ${q(module)};`
      : `const { ${names.join(', ')} } = require(${q(module)});`;
  switch (runner) {
    case 'vitest':
      return [from(['describe', 'it'], 'vitest')];
    case 'node:test':
      return [from(['describe', 'it'], 'node:test')];
    case 'jest':
      return pkg.devDependencies?.['@jest/globals'] || pkg.dependencies?.['@jest/globals']
        ? [from(['describe', 'it'], '@jest/globals')]
        : [];
    case 'mocha':
      return [];
  }
}

function runCommand(runner: Runner, path: string): string {
  switch (runner) {
    case 'vitest':
      return `npx vitest run ${path}`;
    case 'jest':
      return `npx jest ${path}`;
    case 'mocha':
      return `npx mocha ${path}`;
    case 'node:test':
      return `node --test ${path}`;
  }
}

/** The test for the policy's witness; throws CannotWriteTest when there is nothing to prove or no way in. */
export function regressionTestFor(input: RegressionTestInput): RegressionTest {
  const { policy, sourcePath, sourceText, pkg } = input;
  const attacker = policy.witness;
  if (policy.verdict !== 'unsafe' || !attacker) {
    throw new CannotWriteTest(
      `the policy at ${policy.file}:${policy.line} lets no attacker origin in (${policy.verdict}): there is nothing for a test to prove`,
    );
  }
  const facts = sourceFactsOf(sourceText, policy.library);
  const framework = facts.framework;
  if (!framework) {
    throw new CannotWriteTest(
      `${sourcePath} uses no framework this knows how to call in a test (Express, Koa, Fastify, Hono, a Next.js route handler, a Worker's fetch)`,
    );
  }
  const stack = stackOf(pkg);
  const runner = input.runner ?? stack.runner;
  const notes: string[] = [];
  const sourceExt = extOf(sourcePath);
  const typescript = /^\.[cm]?tsx?$/.test(sourceExt);
  // The test is written the way the source is, so it can import it as the project's tools do.
  const esm = typescript ? facts.moduleKind === 'esm' || sourceExt !== '.cts' : facts.moduleKind === 'esm';
  const ext = typescript
    ? '.ts'
    : esm
      ? stack.esmPackage || sourceExt === '.mjs'
        ? sourceExt === '.mjs'
          ? '.mjs'
          : '.js'
        : '.mjs'
      : stack.esmPackage
        ? '.cjs'
        : '.js';
  if (typescript && (runner === 'node:test' || runner === 'mocha')) {
    notes.push(
      `${runner} does not run TypeScript by itself: run it with a loader (node --import tsx --test …, or Node 22.6+ with --experimental-strip-types).`,
    );
  }
  if (runner === 'jest' && esm && !typescript) {
    notes.push('jest runs ES modules only with NODE_OPTIONS=--experimental-vm-modules (or a transform).');
  }
  const path = testPathFor(sourcePath, ext, input.exists);
  const { base } = dirAndBase(sourcePath);
  const importPath = typescript ? `./${base}` : `./${base}${sourceExt}`;
  const method = framework === 'next' ? handlerFor(facts, sourceText, policy.line) : 'GET';
  const requestPath =
    framework === 'next' ? nextRoutePath(sourcePath) : requestPathFor(facts, policy.line, policy.kind === 'headers');
  const client = clientParts(framework, facts, {
    esm,
    typescript,
    importPath,
    supertest: stack.supertest,
    path: requestPath,
    method,
    sourcePath,
    sourceText,
  });
  notes.push(...client.notes);
  const trusted = trustedFor(policy, input.trustedOrigins ?? [], input.trustedOriginsSetting);
  if (trusted.note) notes.push(trusted.note);
  const trustedResponse = trusted.origin ? policy.responses.find((r) => r.origin === trusted.origin) : undefined;
  const withCookies = trustedResponse ? trustedResponse.credentials === true : policy.credentials === true;
  const attackerResponse = policy.responses.find((r) => r.origin === attacker);
  const today =
    attackerResponse?.readable === 'with-cookies'
      ? 'reads responses with cookies'
      : attackerResponse?.readable === 'without-cookies'
        ? 'reads responses'
        : 'gets in';
  const annotate = typescript ? ': string' : '';
  const where = `${policy.file}:${policy.line}`;
  const lines: string[] = [
    `// Written by CORS Guard (cors-guard test ${where}): a regression test for the CORS policy there.`,
    `// Today ${attacker} ${today}; the test fails until the policy stops letting it in, and then keeps it out.`,
    ...(esm ? [`import assert from 'node:assert/strict';`] : [`const assert = require('node:assert/strict');`]),
    ...runnerImports(runner, esm, pkg),
    ...client.imports,
    '',
    `/** An attacker origin the policy at ${where} lets in (CORS Guard's witness). */`,
    `const ATTACKER = ${q(attacker)};`,
    ...(trusted.origin
      ? [`/** An origin the site trusts: it must still get in. */`, `const TRUSTED = ${q(trusted.origin)};`]
      : []),
    '',
    `/** The CORS headers of a ${framework === 'next' ? method : 'GET'} ${requestPath} sent with this Origin. */`,
    `async function corsHeaders(origin${annotate}) {`,
    ...client.body,
    `}`,
    '',
    `describe(${q(`CORS policy at ${where}`)}, () => {`,
    `  it(${q(`does not let ${attacker} read responses`)}, async () => {`,
    `    const { allowOrigin, allowCredentials } = await corsHeaders(ATTACKER);`,
    `    assert.notEqual(allowOrigin, ATTACKER, 'the attacker origin is sent back in Access-Control-Allow-Origin');`,
    `    assert.ok(`,
    `      !(allowCredentials === 'true' && (allowOrigin === ATTACKER || allowOrigin === '*')),`,
    `      'Access-Control-Allow-Credentials: true goes with an origin the attacker matches',`,
    `    );`,
    `  });`,
  ];
  if (trusted.origin) {
    lines.push(
      '',
      `  it(${q(`still lets ${trusted.origin} in`)}, async () => {`,
      `    const { allowOrigin, allowCredentials } = await corsHeaders(TRUSTED);`,
      `    assert.ok(`,
      `      allowOrigin === TRUSTED || (allowOrigin === '*' && allowCredentials !== 'true'),`,
      `      \`the trusted origin is not let in (Access-Control-Allow-Origin: \${allowOrigin})\`,`,
      `    );`,
      ...(withCookies
        ? [`    assert.equal(allowCredentials, 'true', 'the trusted origin no longer gets credentials');`]
        : []),
      `  });`,
    );
  }
  lines.push(`});`, '');
  return {
    path,
    content: lines.join('\n'),
    runner,
    framework,
    command: runCommand(runner, path),
    attacker,
    trusted: trusted.origin,
    notes,
  };
}
