/**
 * The text screen: whether a file's source can hold anything the analysis reads. Most files a linter sees
 * (libraries, tests, front-end code) have nothing to do with CORS; a file that fails the screen is not
 * walked for candidates and not analysed, so CORS Guard costs it one pass of a regular expression.
 *
 * The screen is a superset of what starts an analysis, derived from the same tables, so it cannot drift
 * from them:
 *  - the words every CORS setting is written with: a header name (`Access-Control-*`, `Vary`), an `origin`
 *    (option key, request header, helper name), `cors` (option key, package, type, helper, convention),
 *    `credentials`;
 *  - the module of every library and framework row (a call of one of them may take no options at all and
 *    still send its defaults: `createYoga({ schema })`, `new Server(http)` of socket.io 2);
 *  - the shape-recognised calls that are on by default (`server.createHandler()` of Apollo 3);
 *  - a helper call named like one (`allowAll(res)`, the collector's test on callee names);
 *  - a middleware factory's call or a plugin registration with options, whose arguments a helper in
 *    another module turns into headers (`app.use(crossDomain(['a.example']))`, `register(plugin, opts)`);
 *  - the names an allowlist is declared under (an unused allowlist is still judged: `const whitelist = [...]`).
 *
 * A file whose only link to CORS is a name nothing here knows (`app.use(security())`, where `security` is
 * defined in another module) is judged in the module that sets the headers, which passes the screen.
 */
import { escapeRegex } from './checks/origins';
import { ALLOWLIST_NAME } from './policy';
import {
  AUTO_IMPORTED_OPTION_SITES,
  CONFIG_CONVENTIONS,
  LIBRARIES,
  MODULE_OPTION_SITES,
  SHAPE_OPTION_SITES,
  TYPED_OPTIONS,
} from './sites/frameworks';

/** Callee names that may hand the origin, the request or the response to a helper (`setCorsHeaders(res)`). */
export const HELPER_CALLEE = /cors|origin|allow/i;

/** The package a module specifier names: `@apollo/server/standalone` -> `@apollo/server`, `hono/cors` -> `hono`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Every package a table row reads (imports, adapters, typed options, version rows, convention imports). */
export function screenedPackages(): string[] {
  const specifiers = new Set<string>();
  for (const row of MODULE_OPTION_SITES) {
    for (const m of row.modules) specifiers.add(m);
    for (const a of row.adapters ?? []) specifiers.add(a.module);
  }
  for (const row of TYPED_OPTIONS) for (const m of row.modules) specifiers.add(m);
  for (const row of CONFIG_CONVENTIONS) for (const m of row.imports ?? []) specifiers.add(m);
  for (const library of Object.values(LIBRARIES)) specifiers.add(library.packageName);
  return [...new Set([...specifiers].map(packageOf))].sort();
}

/** The calls a file may make without any CORS word and still get a policy (library defaults). */
export function screenedCalls(): string[] {
  const names = new Set<string>();
  for (const row of SHAPE_OPTION_SITES) if (row.onByDefault) names.add(row.method);
  for (const row of AUTO_IMPORTED_OPTION_SITES) for (const n of row.names) names.add(n);
  return [...names].sort();
}

function screenPattern(): RegExp {
  const words = ['cors', 'origin', 'access-control', 'credentials', '\\bvary\\b'];
  // A module specifier is a string: the package name, quoted, then its end or a subpath.
  const packages = `['"\`](?:${screenedPackages().map(escapeRegex).join('|')})['"\`/]`;
  const calls = `\\b(?:${screenedCalls().map(escapeRegex).join('|')})\\s*\\(`;
  // HELPER_CALLEE on a callee name: a name holding `allow` followed by the call (`allowAll(`, `isAllowed?.(`, `f<T>(`).
  const helper = 'allow\\w*\\s*(?:\\?\\.\\s*)?[(<]';
  // `app.use(factory(...))`, `router.use('/api', factory(...))`; `register(plugin, options)`.
  const path = `(?:'[^'\\n]*'|"[^"\\n]*"|\`[^\`\\n]*\`)`;
  const factory = `\\.use\\s*\\((?:\\s*${path}\\s*,)?\\s*[\\w$.]+\\s*\\(`;
  const registration = '\\bregister\\s*\\(\\s*(?:[\\w$.]+|(?:import|require)\\s*\\([^()]*\\))\\s*,';
  // ALLOWLIST_NAME on a declared name: the same alternatives, anywhere in the text.
  const allowlists = ALLOWLIST_NAME.source.replace(/^\^/, '').replace(/\$$/, '');
  return new RegExp([...words, packages, calls, helper, factory, registration, allowlists].join('|'), 'i');
}

let pattern: RegExp | undefined;

/** Whether a file's source text may hold a CORS setting the analysis reads (false: it holds none). */
export function mayHoldCors(text: string): boolean {
  pattern ??= screenPattern();
  return pattern.test(text);
}
