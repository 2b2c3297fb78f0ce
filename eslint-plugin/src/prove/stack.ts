/**
 * The project's own test stack, read from its package.json and the source file a test is written for:
 * which runner (vitest, jest, mocha or node:test), whether supertest is there, the server framework the
 * file uses and how the file exports what a test needs. Plain data in, plain data out: no file system.
 */

export const RUNNERS = ['vitest', 'jest', 'mocha', 'node:test'] as const;
export type Runner = (typeof RUNNERS)[number];

export type Framework = 'express' | 'koa' | 'fastify' | 'hono' | 'next' | 'worker';

export interface PackageJson {
  readonly type?: string;
  readonly scripts?: Readonly<Record<string, string>>;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
}

export interface Stack {
  readonly runner: Runner;
  /** Why that runner (`scripts.test runs vitest`, `vitest in devDependencies`, `none found`). */
  readonly runnerWhy: string;
  readonly supertest: boolean;
  /** `"type": "module"` in package.json. */
  readonly esmPackage: boolean;
}

function depends(pkg: PackageJson, name: string): boolean {
  return !!(pkg.dependencies?.[name] ?? pkg.devDependencies?.[name]);
}

/** The runner: the one `scripts.test` calls, else the one installed, else Node's own `node:test`. */
export function stackOf(pkg: PackageJson): Stack {
  const script = pkg.scripts?.['test'] ?? '';
  const fromScript: [RegExp, Runner][] = [
    [/\bvitest\b/, 'vitest'],
    [/\bjest\b/, 'jest'],
    [/\bmocha\b/, 'mocha'],
    [/\bnode\b[^&|;]*--test\b/, 'node:test'],
  ];
  let runner: Runner | undefined;
  let runnerWhy = 'no test runner found: Node’s own node:test';
  for (const [re, r] of fromScript) {
    if (re.test(script)) {
      runner = r;
      runnerWhy = `scripts.test runs ${r}`;
      break;
    }
  }
  if (!runner) {
    for (const r of ['vitest', 'jest', 'mocha'] as const) {
      if (depends(pkg, r)) {
        runner = r;
        runnerWhy = `${r} in package.json`;
        break;
      }
    }
  }
  return {
    runner: runner ?? 'node:test',
    runnerWhy,
    supertest: depends(pkg, 'supertest'),
    esmPackage: pkg.type === 'module',
  };
}

export interface SourceFacts {
  readonly framework: Framework | undefined;
  /** The variable holding the app (`app` in `const app = express()`). */
  readonly appName: string | undefined;
  /** How the module is written. */
  readonly moduleKind: 'esm' | 'cjs';
  /** How a test can reach the app: `default`, a named export, or not at all. */
  readonly appExport: { readonly kind: 'default' } | { readonly kind: 'named'; readonly name: string } | undefined;
  /** Route handlers exported by name (`GET`, `POST`, …): Next.js route handlers. */
  readonly handlers: readonly string[];
  /** Whether the module starts a server when imported (`app.listen(3000)` at the top level). */
  readonly listens: boolean;
  /** Route paths registered in the file, with their lines (a test requests one near the policy). */
  readonly routes: readonly { readonly path: string; readonly line: number }[];
}

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

function imports(text: string, module: string): boolean {
  const m = module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`(?:from\\s*|require\\(\\s*|import\\(\\s*)['"]${m}(?:/[^'"]*)?['"]`).test(text);
}

/** What a test needs to know about the file that sets the policy (read from its text). */
export function sourceFactsOf(text: string, library: string | null): SourceFacts {
  const moduleKind: 'esm' | 'cjs' =
    /^\s*(?:import\s|export\s)/m.test(text) || !/\brequire\(|module\.exports|\bexports\./.test(text) ? 'esm' : 'cjs';
  const handlers = HTTP_METHODS.filter((m) =>
    new RegExp(`export\\s+(?:async\\s+)?(?:function\\s+${m}\\b|const\\s+${m}\\s*=)|export\\s*\\{[^}]*\\b${m}\\b`).test(
      text,
    ),
  );
  let framework: Framework | undefined;
  let appName: string | undefined;
  const creations: [Framework, RegExp][] = [
    ['hono', /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*new\s+Hono\b/],
    ['koa', /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*new\s+Koa\b/],
    ['fastify', /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:await\s+)?(?:Fastify|fastify)\s*\(/],
    ['express', /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*express\s*\(/],
  ];
  for (const [f, re] of creations) {
    const m = re.exec(text);
    if (m) {
      framework = f;
      appName = m[1];
      break;
    }
  }
  if (!framework) {
    if (library === 'hono/cors' || imports(text, 'hono')) framework = 'hono';
    else if (library === '@koa/cors' || imports(text, 'koa')) framework = 'koa';
    else if (library === '@fastify/cors' || imports(text, 'fastify')) framework = 'fastify';
    else if (handlers.length > 0) framework = 'next';
    else if (/export\s+default\s*\{[\s\S]*?\bfetch\b/.test(text)) framework = 'worker';
    else if (library === 'cors' || imports(text, 'express')) framework = 'express';
  }
  let appExport: SourceFacts['appExport'];
  if (framework === 'worker') {
    appExport = { kind: 'default' };
  } else if (appName) {
    const n = appName.replace(/\$/g, '\\$');
    if (new RegExp(`export\\s+default\\s+${n}\\b|module\\.exports\\s*=\\s*${n}\\b`).test(text)) {
      appExport = { kind: 'default' };
    } else if (
      new RegExp(
        `export\\s+(?:const|let|var)\\s+${n}\\b|export\\s*\\{[^}]*\\b${n}\\b[^}]*\\}|module\\.exports\\s*=\\s*\\{[^}]*\\b${n}\\b|(?:module\\.)?exports\\.${n}\\s*=`,
      ).test(text)
    ) {
      appExport = { kind: 'named', name: appName };
    }
  }
  const listens = appName
    ? new RegExp(`^${appName.replace(/\$/g, '\\$')}\\.listen\\(`, 'm').test(text) ||
      new RegExp(`^(?:await\\s+)?${appName.replace(/\$/g, '\\$')}\\.listen\\(`, 'm').test(text)
    : false;
  const routes: { path: string; line: number }[] = [];
  const routeRe = /\.(?:get|post|put|patch|delete|all|use|options|route)\(\s*(['"`])(\/[^'"`]*)\1/g;
  for (let m = routeRe.exec(text); m; m = routeRe.exec(text)) {
    routes.push({ path: m[2]!, line: text.slice(0, m.index).split('\n').length });
  }
  return { framework, appName, moduleKind, appExport, handlers, listens, routes };
}

/**
 * A path to request: for a middleware (`options`), the first route at or after it (it applies to what
 * follows); for headers set by hand, the route they are set in (the nearest one above); else `/`.
 */
export function requestPathFor(facts: SourceFacts, line: number, inRoute: boolean): string {
  const concrete = (p: string) =>
    p
      .replace(/\/:[^/]+\?/g, '')
      .replace(/:[^/]+/g, '1')
      .replace(/\*.*$/, '')
      .replace(/\{[^}]*\}/g, '1') || '/';
  const pickFrom = (routes: readonly { path: string; line: number }[]) => {
    const after = routes.find((r) => r.line >= line);
    const before = [...routes].reverse().find((r) => r.line < line);
    return inRoute ? (before ?? after) : (after ?? before);
  };
  // A concrete route first (`/api/*` is a prefix a middleware is mounted on, not a page).
  const pick = pickFrom(facts.routes.filter((r) => !r.path.includes('*'))) ?? pickFrom(facts.routes);
  return pick ? concrete(pick.path) : '/';
}
