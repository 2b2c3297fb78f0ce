/**
 * The policy model: for each place a file sets CORS (a handler's headers, a library's options), what it
 * allows: the Access-Control-Allow-Origin forms it can send, whether credentials go with them, and the
 * source locations of each part. Rules, fixes and hovers all read this.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { enclosingFunction, findProperty, memberName, unwrap, type FunctionNode, type Node } from './ast';
import type { RegexCheck } from './checks/checks';
import { NO_GUARD, strongerGuard, type GuardAnalyzer, type GuardSummary } from './checks/guards';
import minVersion from 'semver/ranges/min-version';
import { LIBRARIES, wildcardOriginPattern, type LibrarySemantics, type Release } from './sites/frameworks';
import { compareVersions, fromRelease, semanticsFor, type ProjectVersion } from './sites/releases';
import { ACAC, ACAO, VARY, credentialsValueAllows } from './headers/header-names';
import { headerFacts } from './headers/header-facts';
import type { HeaderSite, OptionSite } from './sites/sites';
import type { Bindings, Value, ValueResolver } from './values/values';

/** How a reflected origin got into the policy. */
export type ReflectVia =
  /** A header set from request data. */
  | 'header'
  /** `origin: true`. */
  | 'origin-true'
  /** An origin callback that answers `true` (or the origin) for the origin it was given. */
  | 'callback'
  /** An origin function whose return value (the request's origin) is sent. */
  | 'callback-returns'
  /** The library reflects: hapi `cors: true` or `origin: ['*']`. */
  | 'library';

export type OriginSpec =
  | {
      readonly type: 'wildcard';
      readonly node: Node;
      readonly implicit: boolean;
      readonly becomesReflection: boolean;
      /** `req.headers.origin || '*'`: sent only to requests without an Origin, to which CORS does not apply. */
      readonly whenOriginAbsent?: boolean;
      readonly permissiveDefault?: PermissiveDefault;
      /** The release whose behaviour this is (middy < 6 defaulting to `*`), when a version row made it so. */
      readonly release?: Release;
    }
  | { readonly type: 'null'; readonly node: Node }
  | {
      readonly type: 'fixed';
      readonly node: Node;
      readonly value: string;
      /** Elysia: an entry without a scheme matches the Origin with its scheme removed. */
      readonly schemeless?: boolean;
    }
  | {
      readonly type: 'reflect';
      readonly node: Node;
      readonly what: string;
      readonly request: 'origin' | 'request';
      readonly via: ReflectVia;
      readonly guard: GuardSummary;
      /** Where the request data was read, if different from `node`. */
      readonly source?: Node;
      readonly permissiveDefault?: PermissiveDefault;
      /**
       * The release whose behaviour this is, when a version row of the framework table made it so (hono
       * 4.12.9 to 4.12.24 reflecting `*` with credentials, `@koa/cors` < 5 reflecting by default); with
       * `certainty: 'unknown'` it is one possibility beside the current behaviour.
       */
      readonly release?: Release;
    }
  | {
      readonly type: 'list';
      readonly node: Node;
      readonly elements: readonly Value[];
      /** What each element allows: the request's origin is sent back when one of them admits it. */
      readonly members: readonly OriginSpec[];
    }
  /** A RegExp (or a library wildcard origin, compiled) the origin is tested with, then sent back. */
  | { readonly type: 'regexp'; readonly node: Node; readonly check: RegexCheck }
  | { readonly type: 'unknown'; readonly node: Node };

/** `process.env.CORS_ORIGIN || '*'`: the setting falls back to allowing every origin. */
export interface PermissiveDefault {
  /** The `||` / `??` expression. */
  readonly expression: Node;
  /** `process.env.CORS_ORIGIN`. */
  readonly variable: string;
}

export interface Credentials {
  readonly allowed: boolean | 'unknown';
  /** Where credentials are switched on (for related-location reports). */
  readonly node?: Node;
}

/** Every origin setting of a policy, list elements included. */
export function specsOf(policy: Policy): OriginSpec[] {
  const out: OriginSpec[] = [];
  const visit = (spec: OriginSpec) => {
    out.push(spec);
    if (spec.type === 'list') spec.members.forEach(visit);
  };
  policy.origins.forEach(visit);
  return out;
}

/** A response header other than Allow-Origin and Allow-Credentials, as the policy sends it. */
export interface ResponseHeader {
  readonly name: string;
  /** The value when it is known; else `computed` says what it is. */
  readonly value?: string;
  readonly computed?: string;
  /** Which responses carry it: every one, preflights only, or actual requests only. */
  readonly when: 'always' | 'preflight' | 'request';
}

export interface Policy {
  /**
   * `headers`: set by hand; `options`: a CORS library's configuration; `allowlist`: an origin allowlist
   * defined in this file and used elsewhere (judged where the fix goes).
   */
  readonly kind: 'headers' | 'options' | 'allowlist';
  readonly library?: LibrarySemantics;
  /** The group of headers (a function or Next.js headers array) or the options value. */
  readonly node: Node;
  /** Options policies: the library call. Header policies set through a helper: the helper call. */
  readonly call?: Node;
  /** Options policies: the resolved options object, and its `origin` property if written. */
  readonly options?: TSESTree.ObjectExpression;
  readonly originProperty?: TSESTree.Property;
  readonly origins: readonly OriginSpec[];
  readonly credentials: Credentials;
  readonly headers: readonly HeaderSite[];
  /** Whether `Vary: Origin` is sent (headers policies). */
  readonly varyOrigin: boolean | 'unknown';
  /** The other CORS headers it sends (methods, headers, max-age, expose, vary). */
  readonly otherHeaders: readonly ResponseHeader[];
  /** A helper judged where it lives: why its parameter is the request's Origin, and its callers (helpers.ts). */
  readonly helper?: HelperJudgement;
}

/** Why a helper's parameter is judged as the request's Origin. */
export interface HelperJudgement {
  /** The parameter's name. */
  readonly parameter: string;
  /** `callers`: a caller passes request data; `name`: its name and its check say origin, no caller tells. */
  readonly grounds: 'callers' | 'name';
  /** The calls in other modules that pass request data for it. */
  readonly callers: readonly TSESTree.CallExpression[];
}

/** What the analysis may learn about the project around a file. */
export interface ProjectFacts {
  /** The version of a package the file's project uses: installed, else locked, else the declared range. */
  packageVersion?(name: string): ProjectVersion | undefined;
  /** The linted file's path, for conventions that go by file name (`config/cors.ts`). */
  readonly file?: string;
  /** The packages the package.json in `dir` depends on; undefined when `dir` has none. */
  dependenciesAt?(dir: string): ReadonlySet<string> | undefined;
}

export class PolicyBuilder {
  constructor(
    private readonly resolver: ValueResolver,
    private readonly checks: GuardAnalyzer,
    private readonly project: ProjectFacts = {},
  ) {}

  /**
   * One policy per group of header sites. `b` binds a helper's parameters to the arguments of `call`, the
   * call that sets the headers through it (`setCorsHeaders(res, req.headers.origin)`).
   */
  headerPolicies(
    sites: readonly HeaderSite[],
    varyCalls: readonly TSESTree.CallExpression[] = [],
    b?: Bindings,
    call?: Node,
  ): Policy[] {
    // Calls that add `Vary: Origin` mark their function's headers; other vary-ish calls (a helper from
    // another module) may add it anywhere, so every policy of the file is then "unknown", not "missing".
    const varyGroups = new Set<Node>();
    let varyElsewhere = false;
    for (const call of varyCalls) {
      const values = call.arguments.map((a) =>
        a.type === T.SpreadElement ? undefined : this.resolver.singleString(a),
      );
      if (values.some((v) => v !== undefined && /(^|,)\s*origin\s*(,|$)/i.test(v)))
        varyGroups.add(enclosingFunction(call));
      else varyElsewhere = true;
    }
    const groups = new Map<Node, HeaderSite[]>();
    for (const s of sites) {
      const list = groups.get(s.group);
      if (list) list.push(s);
      else groups.set(s.group, [s]);
    }
    const out: Policy[] = [];
    for (const [group, list] of groups) {
      const origins: OriginSpec[] = [];
      let credentials: Credentials = { allowed: false };
      let varyOrigin: boolean | 'unknown' = false;
      const originSites = list.filter((s) => s.header === ACAO).map((s) => s.node);
      for (const site of list) {
        if (!site.value) continue;
        if (site.header === ACAO) {
          origins.push(...this.headerOriginSpecs(site.value, b));
        } else if (site.header === ACAC) {
          let c = this.credentialsOf(site.value, 'header', b);
          // Credentials switched on under a condition the origin header does not share (`if (options.credentials)`)
          // may or may not go with a given origin value: say "maybe", not "yes".
          if (c.allowed === true && this.conditionalApart(site.node, originSites)) c = { ...c, allowed: 'unknown' };
          credentials = mergeCredentials(credentials, c);
        } else if (site.header === VARY) {
          const v = this.resolver.singleString(site.value, b);
          if (v === undefined) varyOrigin = varyOrigin === true ? true : 'unknown';
          else if (/(^|,)\s*(origin|\*)\s*(,|$)/i.test(v)) varyOrigin = true;
        }
      }
      if (varyGroups.has(group)) varyOrigin = true;
      else if (varyOrigin === false && varyElsewhere) varyOrigin = 'unknown';
      const otherHeaders = list
        .filter((h) => h.header !== ACAO && h.header !== ACAC)
        .map((h): ResponseHeader => {
          const value = h.value ? this.resolver.singleString(h.value, b) : undefined;
          return {
            name: spellingOf(h.header),
            ...(value === undefined ? { computed: 'computed' } : { value }),
            when: 'always',
          };
        });
      out.push({
        kind: 'headers',
        node: group,
        ...(call ? { call } : {}),
        origins: origins.map((s) => this.withPermissiveDefault(s)),
        credentials,
        headers: list,
        varyOrigin,
        otherHeaders,
      });
    }
    return out;
  }

  /** Marks `process.env.X || '*'` and `process.env.X ?? true`: every origin whenever X is unset. */
  private withPermissiveDefault(spec: OriginSpec): OriginSpec {
    const permissive =
      (spec.type === 'wildcard' && !spec.implicit && !spec.whenOriginAbsent) ||
      (spec.type === 'reflect' && spec.via === 'origin-true');
    const fallback = spec.node.parent;
    if (
      !permissive ||
      fallback?.type !== T.LogicalExpression ||
      fallback.right !== spec.node ||
      fallback.operator === '&&'
    )
      return spec;
    const variable = envVariableOf(fallback.left, this.resolver.resolve(fallback.left));
    return variable ? { ...spec, permissiveDefault: { expression: fallback, variable } } : spec;
  }

  /**
   * Origin allowlists defined here but not read in this file (`export const ALLOWED_ORIGINS = [/…/]`),
   * judged as origin checks when the name leaves no doubt and an entry is clearly an origin pattern
   * (it names a scheme).
   */
  unusedAllowlists(program: TSESTree.Program): Policy[] {
    const out: Policy[] = [];
    for (const statement of program.body) {
      const declaration = statement.type === T.ExportNamedDeclaration ? statement.declaration : (statement as Node);
      if (declaration?.type !== T.VariableDeclaration) continue;
      for (const declarator of declaration.declarations) {
        if (declarator.id.type !== T.Identifier || !declarator.init || !ALLOWLIST_NAME.test(declarator.id.name))
          continue;
        const variable = this.resolver.variableOf(declarator.id);
        if (!variable || variable.references.some((r) => r.isRead())) continue;
        const patterns: OriginSpec[] = [];
        const visit = (v: Value, depth: number) => {
          if (v.kind === 'regexp' && /https?|:\\?\/\\?\//.test(v.pattern)) {
            const check = this.checks.judge.regexValue(v);
            patterns.push({ type: 'regexp', node: v.node, check });
          } else if ((v.kind === 'array' || v.kind === 'set') && depth === 0) {
            for (const e of v.elements) visit(e, 1);
          }
        };
        for (const v of this.resolver.resolve(declarator.init)) visit(v, 0);
        if (patterns.length === 0) continue;
        out.push({
          kind: 'allowlist',
          node: declarator,
          origins: [{ type: 'list', node: declarator.init, elements: [], members: patterns }],
          credentials: { allowed: 'unknown' },
          headers: [],
          varyOrigin: 'unknown',
          otherHeaders: [],
        });
      }
    }
    return out;
  }

  /** Whether `site` runs under a condition that some origin site does not run under. */
  private conditionalApart(site: Node, originSites: readonly Node[]): boolean {
    const mine = this.checks.dominatingTests(site).map((t) => t.test);
    if (mine.length === 0) return false;
    return originSites.some((o) => {
      const theirs = new Set(this.checks.dominatingTests(o).map((t) => t.test));
      return mine.some((t) => !theirs.has(t));
    });
  }

  private headerOriginSpecs(valueNode: Node, b?: Bindings): OriginSpec[] {
    const out: OriginSpec[] = [];
    for (const v of this.resolver.resolve(valueNode, b)) {
      if (v.kind === 'origin' || v.kind === 'request') {
        out.push({
          type: 'reflect',
          node: valueNode,
          what: v.what,
          request: v.kind,
          via: 'header',
          guard: this.checks.guardOf([...v.sites, valueNode], b),
          source: v.node,
        });
      } else if (v.kind === 'literal' && typeof v.value === 'string') {
        const spec = literalOriginSpec(v.value, v.node);
        const parent = v.node.parent;
        const fallbackForOrigin =
          spec.type === 'wildcard' &&
          parent?.type === T.LogicalExpression &&
          parent.right === v.node &&
          parent.operator !== '&&' &&
          this.checks.isOrigin(parent.left, b);
        out.push(fallbackForOrigin ? { ...spec, whenOriginAbsent: true } : spec);
      } else if (v.kind === 'literal' && v.value === null) {
        // A JavaScript `null` header value is sent as the text `null` (Express and node:http stringify it).
        out.push({ type: 'null', node: v.node });
      } else if (v.kind !== 'literal') {
        out.push({ type: 'unknown', node: v.node });
      }
    }
    return out;
  }

  private credentialsOf(valueNode: Node, style: 'header' | 'option', b?: Bindings): Credentials {
    let result: Credentials = { allowed: false };
    for (const v of this.resolver.resolve(valueNode, b)) {
      if (v.kind === 'literal') {
        const on = style === 'header' ? credentialsValueAllows(v.value) : v.value === true;
        if (on) result = { allowed: true, node: valueNode };
      } else if (result.allowed !== true) {
        result = { allowed: 'unknown', node: valueNode };
      }
    }
    return result;
  }

  /** The policies an options site sets (one per options object it can be given). */
  optionPolicies(site: OptionSite): Policy[] {
    // A package assumed to work like a known library (issue 17) is not that library: its releases don't apply.
    const lib = site.assumedPackage
      ? {
          ...LIBRARIES[site.library],
          packageName: site.assumedPackage,
          assumedLike: LIBRARIES[site.library].packageName,
        }
      : semanticsFor(LIBRARIES[site.library], this.project.packageVersion?.bind(this.project));
    const ignores = lib.release?.certainty === 'unknown' ? undefined : lib.release?.row.ignoresOptions;
    if (ignores) {
      // socket.io 2: the `cors` option does not exist; CORS is on for every origin unless `origins` is set.
      const root = site.argument ? this.resolver.resolve(site.argument) : [];
      const restricted = root.some(
        (v) => v.kind === 'object' && this.resolver.objectPropertyOrMissing(v.object, ignores.unlessOption),
      );
      return restricted ? [] : [this.defaultPolicy(lib, site.call, site.call)];
    }
    if (!site.argument) {
      return site.path.length === 0 || site.onByDefault ? [this.defaultPolicy(lib, site.call, site.call)] : [];
    }
    const root = this.resolver.resolve(site.argument);
    let values = this.pathApplies(site)
      ? this.followPath(root, site.path, site.argument)
      : [literalValue(site.argument, undefined)];
    for (const alt of site.altPaths ?? []) {
      if (!values.every(isUndefinedLiteral)) break;
      values = this.followPath(root, alt, site.argument);
    }
    const out: Policy[] = [];
    for (const v of values) out.push(...this.policiesOfValue(lib, site, v, []));
    return out;
  }

  private followPath(values: readonly Value[], path: readonly string[], at: Node): readonly Value[] {
    let current = values;
    for (const key of path) {
      const next: Value[] = [];
      for (const v of current) next.push(...this.resolver.property(v, key, undefined, 0, at));
      current = next;
    }
    return current;
  }

  private policiesOfValue(lib: LibrarySemantics, site: OptionSite, v: Value, extraSites: readonly Node[]): Policy[] {
    if (v.kind === 'object')
      return this.disabled(lib, v.object) ? [] : [this.objectPolicy(lib, site, v.object, extraSites)];
    if (v.kind === 'literal') {
      if (v.value === true) {
        // hapi `cors: true` is origin ['*']: the request's origin is sent back.
        if (lib.wildcardReflects) {
          return [
            {
              kind: 'options',
              library: lib,
              node: v.node,
              call: site.call,
              origins: [reflectSpec(v.node, 'library', NO_GUARD)],
              credentials: lib.defaultCredentials ? { allowed: true, node: v.node } : { allowed: false },
              headers: [],
              varyOrigin: true,
              otherHeaders: this.libraryHeaders(lib, undefined),
            },
          ];
        }
        return [this.defaultPolicy(lib, site.call, v.node)];
      }
      if (v.value === undefined && site.path.length === 0 && v.node === site.argument) {
        return [this.defaultPolicy(lib, site.call, site.call)];
      }
      // createYoga({ schema }): CORS is on with its defaults unless `cors: false`
      if (v.value === undefined && site.onByDefault) return [this.defaultPolicy(lib, site.call, site.call)];
      return [];
    }
    if (v.kind === 'function' && lib.optionsFactory === 'return') {
      // Yoga: cors: (request) => ({ origin: ... })
      const out: Policy[] = [];
      for (const r of this.resolver.returnsOf(v.fn)) {
        for (const ov of this.resolver.resolve(r)) {
          if (ov.kind === 'object') out.push(this.objectPolicy(lib, site, ov.object, [...extraSites, r]));
        }
      }
      return out;
    }
    if (v.kind === 'function' && site.path.length === 0 && lib.originFunction === 'callback') {
      // cors((req, callback) => callback(null, options)): a per-request options delegate
      const out: Policy[] = [];
      for (const call of this.resolver.callsOfParam(v.fn, 1)) {
        const arg = call.arguments[1];
        if (!arg) continue;
        for (const ov of this.resolver.resolve(arg)) {
          if (ov.kind === 'object')
            out.push(this.objectPolicy(lib, site, ov.object, [...extraSites, call, ...ov.sites]));
        }
      }
      return out;
    }
    return [];
  }

  /** AdonisJS `enabled: false`, Sails without `allRoutes: true`: the settings apply to no route. */
  private disabled(lib: LibrarySemantics, obj: TSESTree.ObjectExpression): boolean {
    const option = lib.enabledOption;
    if (!option) return false;
    const values = this.resolver.objectPropertyOrMissing(obj, option.name);
    if (!values) return !option.unsetMeans;
    return values.every(
      (v) => v.kind === 'literal' && (v.value === false || (v.value === undefined && !option.unsetMeans)),
    );
  }

  private defaultPolicy(lib: LibrarySemantics, call: Node, node: Node): Policy {
    const credentials: Credentials = lib.defaultCredentials ? { allowed: true, node } : { allowed: false };
    return {
      kind: 'options',
      library: lib,
      node,
      call,
      origins: this.defaultOrigins(lib, node, credentials),
      credentials,
      headers: [],
      varyOrigin: !lib.addsNoVary,
      otherHeaders: this.libraryHeaders(lib, undefined),
    };
  }

  /** Methods, headers, max-age and expose headers a library sends for these options (or its defaults). */
  private libraryHeaders(lib: LibrarySemantics, options: TSESTree.ObjectExpression | undefined): ResponseHeader[] {
    const r = lib.responses;
    const out: ResponseHeader[] = [];
    const option = (name: string | undefined) => (name && options ? this.optionText(options, name) : undefined);
    const computedMethods =
      r.defaultMethods === 'route'
        ? 'the route method'
        : r.defaultMethods === 'reflect'
          ? "the request's Access-Control-Request-Method"
          : undefined;
    const methods = option(r.methodsOption) ?? (computedMethods ? undefined : r.defaultMethods);
    if (methods !== undefined) out.push({ name: 'Access-Control-Allow-Methods', value: methods, when: 'preflight' });
    else if (computedMethods)
      out.push({ name: 'Access-Control-Allow-Methods', computed: computedMethods, when: 'preflight' });
    const allowHeaders = option(r.headersOption) ?? (r.defaultHeaders === 'reflect' ? undefined : r.defaultHeaders);
    if (allowHeaders !== undefined)
      out.push({ name: 'Access-Control-Allow-Headers', value: allowHeaders, when: 'preflight' });
    else if (r.defaultHeaders === 'reflect')
      out.push({
        name: 'Access-Control-Allow-Headers',
        computed: "the request's Access-Control-Request-Headers",
        when: 'preflight',
      });
    const maxAge = option(r.maxAgeOption) ?? (r.defaultMaxAge !== undefined ? String(r.defaultMaxAge) : undefined);
    if (maxAge !== undefined) out.push({ name: 'Access-Control-Max-Age', value: maxAge, when: 'preflight' });
    const expose = option(r.exposeOption) ?? r.defaultExpose;
    if (expose !== undefined) out.push({ name: 'Access-Control-Expose-Headers', value: expose, when: 'request' });
    return out;
  }

  /** A literal option value as a header value (`['GET', 'POST']` -> `GET,POST`), if written in the code. */
  private optionText(options: TSESTree.ObjectExpression, name: string): string | undefined {
    const values = this.resolver.objectPropertyOrMissing(options, name);
    if (!values || values.length !== 1) return undefined;
    const v = values[0]!;
    if (v.kind === 'literal' && (typeof v.value === 'string' || typeof v.value === 'number')) return String(v.value);
    if (v.kind === 'array' && v.elements.every((e) => e.kind === 'literal' && typeof e.value === 'string'))
      return v.elements.map((e) => (e as { value: string }).value).join(',');
    return undefined;
  }

  /** Whether the site's main options path is read by the version the project uses (unknown: yes). */
  private pathApplies(site: OptionSite): boolean {
    const bound = site.pathBefore;
    if (!bound) return true;
    for (const name of bound.packages) {
      const found = this.project.packageVersion?.(name);
      const version = found?.version ?? (found?.range ? minVersionOf(found.range) : undefined);
      if (version !== undefined) return compareVersions(version, bound.version) < 0;
    }
    return true;
  }

  /**
   * `*` as the library treats it: with credentials some libraries send back the Origin instead. When a
   * version row is why (hono 4.12.9 to 4.12.24), that is the library reflecting, reported as reflection.
   */
  private wildcardSpec(lib: LibrarySemantics, node: Node, implicit: boolean, credentials: Credentials): OriginSpec {
    const becomesReflection = this.wildcardReflects(lib, credentials);
    const byRelease =
      becomesReflection && !lib.wildcardReflects ? fromRelease(lib, 'wildcardWithCredentials') : undefined;
    if (byRelease) return { ...reflectSpec(node, 'library', NO_GUARD), release: byRelease } as OriginSpec;
    const release = implicit ? fromRelease(lib, 'defaultOrigin') : undefined;
    return { type: 'wildcard', node, implicit, becomesReflection, ...(release ? { release } : {}) };
  }

  /** What an unset `origin` allows, in the library version the project uses. */
  private defaultOrigins(lib: LibrarySemantics, node: Node, credentials: Credentials): OriginSpec[] {
    if (lib.defaultOrigin === 'reflect') {
      const release = fromRelease(lib, 'defaultOrigin');
      return [{ ...reflectSpec(node, 'library', NO_GUARD), ...(release ? { release } : {}) } as OriginSpec];
    }
    // Strapi's defaults: `*` with credentials, which @koa/cors answers with the Origin (credentials unset).
    if (lib.defaultsReflect && credentials.allowed === true && credentials.node === node)
      return [reflectSpec(node, 'library', NO_GUARD)];
    if (lib.defaultOrigin === 'none') return [];
    const wildcard = this.wildcardSpec(lib, node, true, credentials);
    // Nothing says which version runs, and older releases reflected by default (`@koa/cors` < 5): both may
    // run, so both are in the policy (and the messages say which does what). With credentials `*` reflects
    // in every version: nothing older differs.
    const release = lib.release;
    const unknown = release?.certainty === 'unknown' && release.row.defaultOrigin === 'reflect';
    if (unknown && wildcard.type === 'wildcard' && !wildcard.becomesReflection)
      return [wildcard, { ...reflectSpec(node, 'library', NO_GUARD), release } as OriginSpec];
    return [wildcard];
  }

  private objectPolicy(
    declared: LibrarySemantics,
    site: OptionSite,
    obj: TSESTree.ObjectExpression,
    extraSites: readonly Node[],
  ): Policy {
    // Sails `allowAnyOriginWithCredentialsUnsafe: true`: `*` with credentials sends back every Origin.
    const unsafe = declared.unsafeWildcardOption
      ? this.resolver.objectPropertyOrMissing(obj, declared.unsafeWildcardOption)
      : undefined;
    const lib: LibrarySemantics = unsafe?.some((v) => v.kind === 'literal' && v.value === true)
      ? { ...declared, wildcardWithCredentials: 'reflects' }
      : declared;
    const credProp = this.resolver.objectPropertyOrMissing(obj, lib.credentialsOption ?? 'credentials');
    let credentials: Credentials =
      !credProp && lib.defaultCredentials ? { allowed: true, node: obj } : { allowed: false };
    for (const v of credProp ?? []) {
      if (v.kind === 'literal') {
        if (v.value === true) credentials = { allowed: true, node: v.node };
      } else if (credentials.allowed !== true) {
        credentials = { allowed: 'unknown', node: v.node };
      }
    }
    const originValues = this.resolver.objectPropertyOrMissing(obj, lib.originOption);
    const originProperty = findProperty(obj, lib.originOption);
    const origins: OriginSpec[] = [];
    // middy < 6: a non-empty `origins` list replaces the default `origin: '*'` (5.5.1 src).
    const extraList = lib.extraOriginListOption
      ? this.resolver.objectPropertyOrMissing(obj, lib.extraOriginListOption)
      : undefined;
    if (!originValues && !extraList) {
      origins.push(...this.defaultOrigins(lib, obj, credentials));
    } else if (originValues) {
      for (const v of originValues) origins.push(...this.originSpecs(lib, v, credentials, extraSites, undefined));
    }
    if (lib.extraOriginListOption) {
      for (const v of this.resolver.objectPropertyOrMissing(obj, lib.extraOriginListOption) ?? []) {
        origins.push(...this.originSpecs(lib, v, credentials, extraSites, undefined));
      }
    }
    if (lib.originGetterOption) {
      for (const v of this.resolver.objectPropertyOrMissing(obj, lib.originGetterOption) ?? []) {
        if (v.kind === 'function') origins.push(...this.returnedOrigins(lib, v.fn, credentials, true));
      }
    }
    return {
      kind: 'options',
      library: lib,
      node: obj,
      call: site.call,
      options: obj,
      originProperty,
      origins: origins.map((s) => this.withPermissiveDefault(s)),
      credentials,
      headers: [],
      varyOrigin: !lib.addsNoVary,
      otherHeaders: this.libraryHeaders(lib, obj),
    };
  }

  private wildcardReflects(lib: LibrarySemantics, credentials: Credentials): boolean {
    // 'drops-credentials' (koa2-cors): `*` stays `*`; the library removes the credentials header instead.
    return lib.wildcardReflects || (credentials.allowed === true && lib.wildcardWithCredentials === 'reflects');
  }

  /** What one value of the `origin` option allows. */
  private originSpecs(
    lib: LibrarySemantics,
    v: Value,
    credentials: Credentials,
    extraSites: readonly Node[],
    b: Bindings | undefined,
    depth = 0,
  ): OriginSpec[] {
    switch (v.kind) {
      case 'literal':
        if (v.value === true) {
          return [reflectSpec(v.node, 'origin-true', this.checks.guardOf([...v.sites, ...extraSites], b))];
        }
        if (typeof v.value === 'string') {
          if (v.value === '*' || (lib.starInStringReflects && depth === 0 && v.value.includes('*'))) {
            return [this.wildcardSpec(lib, v.node, false, credentials)];
          }
          // hapi compiles `*` and `?` in origin strings to a regex; other libraries compare strings exactly.
          const wildcard = lib.compilesWildcardOrigins ? wildcardOriginPattern(v.value) : undefined;
          if (wildcard !== undefined) {
            const check = this.checks.judge.regex({ node: v.node, pattern: wildcard, flags: '', wildcard: v.value });
            return [{ type: 'regexp', node: v.node, check }];
          }
          // AdonisJS, Strapi, Sails: `'https://a.example.com,https://b.example.com'` is a list of exact origins.
          if (lib.commaSeparatedString && depth === 0 && v.value.includes(',')) {
            const elements: Value[] = v.value
              .split(',')
              .map((part) => ({ kind: 'literal', value: part.trim(), node: v.node, sites: v.sites }));
            const members = elements.flatMap((e) =>
              e.kind === 'literal' && e.value !== '*' ? [literalOriginSpec(String(e.value), v.node)] : [],
            );
            return [{ type: 'list', node: v.node, elements, members }];
          }
          const spec = literalOriginSpec(v.value, v.node);
          const member =
            spec.type === 'fixed' && lib.schemelessEntries && !v.value.includes('://')
              ? { ...spec, schemeless: true }
              : spec;
          // Elysia: one origin string is an allowlist of one (the Origin is sent back when it matches).
          if (lib.stringIsAllowlist && depth === 0)
            return [{ type: 'list', node: v.node.parent ?? v.node, elements: [v], members: [member] }];
          return [member];
        }
        return [];
      case 'array':
      case 'set': {
        if (lib.wildcardInListIsWildcard && v.elements.some((e) => e.kind === 'literal' && e.value === '*')) {
          // Elysia: `*` anywhere in the list sends `*` to everyone.
          return [{ type: 'wildcard', node: v.node, implicit: false, becomesReflection: false }];
        }
        if (lib.listOfOneIsFixed && v.kind === 'array' && v.elements.length <= 1) {
          // Yoga: one entry is sent as a fixed origin; an empty list reflects.
          const only = v.elements[0];
          if (!only) return [reflectSpec(v.node, 'library', NO_GUARD)];
          if (only.kind === 'literal' && typeof only.value === 'string' && only.value !== '*')
            return [literalOriginSpec(only.value, only.node)];
        }
        const members: OriginSpec[] = [];
        for (const e of v.elements) {
          if (e.kind === 'literal' && e.value === '*' && !lib.wildcardReflects) continue; // compared with ===
          if (depth < 2) members.push(...this.originSpecs(lib, e, credentials, extraSites, b, depth + 1));
          else members.push({ type: 'unknown', node: e.node });
        }
        const out: OriginSpec[] = [{ type: 'list', node: v.node, elements: v.elements, members }];
        if (lib.listMissSends === 'null' && !v.elements.some((e) => e.kind === 'literal' && e.value === '*')) {
          // Yoga: an origin not in the list gets `null`, which a sandboxed iframe's `Origin: null` matches.
          out.push({ type: 'null', node: v.node });
        }
        const first = v.elements[0];
        if (lib.listMissSends === 'first' && first?.kind === 'literal' && typeof first.value === 'string') {
          // hono < 4.6.5: an origin not in the list gets the first entry (harmless: it names another origin).
          out.push(literalOriginSpec(first.value, first.node));
        }
        return out;
      }
      case 'regexp': {
        const check = this.checks.judge.regexValue(v);
        return [{ type: 'regexp', node: v.node, check }];
      }
      case 'origin':
      case 'request':
        return [
          {
            type: 'reflect',
            node: v.node,
            what: v.what,
            request: v.kind,
            via: 'header',
            guard: this.checks.guardOf([...v.sites, ...extraSites], b),
            source: v.node,
          },
        ];
      case 'function':
        if (depth > 0) return [{ type: 'unknown', node: v.node }];
        if (lib.originFunction === 'callback') return this.callbackOrigins(lib, v.fn, credentials, v.closure);
        if (lib.originFunction === 'return-true') return this.trueReturningOrigins(v.fn);
        if (lib.originFunction === 'return-setting')
          return this.settingReturningOrigins(lib, v.fn, credentials, v.closure);
        return this.returnedOrigins(lib, v.fn, credentials, lib.originFunction === 'return-origin', v.closure);
      default:
        return [{ type: 'unknown', node: v.node }];
    }
  }

  /** `origin: (origin, callback) => ...` (cors, @fastify/cors, socket.io, NestJS, Apollo). */
  private callbackOrigins(
    lib: LibrarySemantics,
    fn: FunctionNode,
    credentials: Credentials,
    closure?: Bindings,
  ): OriginSpec[] {
    const b = this.originBindings(fn, closure);
    const out: OriginSpec[] = [];
    const calls = this.resolver.callsOfParam(fn, 1);
    const decisions: { node: Node; site: Node }[] = calls.map((c) => ({ node: c.arguments[1] ?? c, site: c }));
    if (calls.length === 0) {
      // @fastify/cors also takes `async (origin) => boolean`
      for (const r of this.resolver.returnsOf(fn)) decisions.push({ node: r, site: r });
    }
    for (const { node, site } of decisions) {
      if (node === site && node.type === T.CallExpression) continue; // callback(err) with no decision
      const siteGuard = this.checks.guardOf([site], b);
      const decision = this.checks.classifyDecision(node, b);
      if (decision) {
        out.push(reflectSpec(node, 'callback', strongerGuard(decision, siteGuard)));
        continue;
      }
      for (const v of this.resolver.resolve(node, b)) {
        if (v.kind === 'literal' && (v.value === true || v.value === 1)) {
          out.push(reflectSpec(node, 'callback', siteGuard));
        } else if (v.kind === 'literal' && !v.value) {
          // denied
        } else if (v.kind === 'origin' || v.kind === 'request') {
          out.push(reflectSpec(node, 'callback-returns', this.checks.guardOf([site, ...v.sites], b), v));
        } else {
          out.push(...this.originSpecs(lib, v, credentials, [site], b, 1));
        }
      }
    }
    return out;
  }

  /** Elysia `(request) => boolean`: exactly `true` sends back the request's Origin. */
  private trueReturningOrigins(fn: FunctionNode): OriginSpec[] {
    const out: OriginSpec[] = [];
    for (const r of this.resolver.returnsOf(fn)) {
      const decision = this.checks.classifyDecision(r);
      const siteGuard = this.checks.guardOf([r]);
      if (decision) {
        out.push(reflectSpec(r, 'callback', strongerGuard(decision, siteGuard)));
        continue;
      }
      for (const v of this.resolver.resolve(r)) {
        if (v.kind === 'literal' && v.value === true) out.push(reflectSpec(r, 'callback', siteGuard));
        else if (v.kind !== 'literal') out.push({ type: 'unknown', node: v.node });
      }
    }
    return out;
  }

  /**
   * AdonisJS `(origin, ctx) => setting`, h3 `(origin) => boolean`: `true` (or a check that passed) sends back
   * the Origin; a string or list returned is read as the origin setting.
   */
  private settingReturningOrigins(
    lib: LibrarySemantics,
    fn: FunctionNode,
    credentials: Credentials,
    closure?: Bindings,
  ): OriginSpec[] {
    const b = this.originBindings(fn, closure);
    const out: OriginSpec[] = [];
    for (const r of this.resolver.returnsOf(fn)) {
      const siteGuard = this.checks.guardOf([r], b);
      const decision = this.checks.classifyDecision(r, b);
      if (decision) {
        out.push(reflectSpec(r, 'callback', strongerGuard(decision, siteGuard)));
        continue;
      }
      for (const v of this.resolver.resolve(r, b)) {
        if (v.kind === 'literal' && v.value === true) out.push(reflectSpec(r, 'callback', siteGuard));
        else if (v.kind === 'literal' && !v.value) continue;
        else if (v.kind === 'origin' || v.kind === 'request') {
          out.push(reflectSpec(r, 'callback-returns', this.checks.guardOf([r, ...v.sites], b), v));
        } else out.push(...this.originSpecs(lib, v, credentials, [r], b, 1));
      }
    }
    return out;
  }

  /** Hono `(origin, c) => string`, @middy `getOrigin(origin)`, @koa/cors `(ctx) => string`. */
  private returnedOrigins(
    lib: LibrarySemantics,
    fn: FunctionNode,
    credentials: Credentials,
    bindOrigin: boolean,
    closure?: Bindings,
  ): OriginSpec[] {
    const b = bindOrigin ? this.originBindings(fn, closure) : closure;
    const out: OriginSpec[] = [];
    for (const r of this.resolver.returnsOf(fn)) {
      for (const v of this.resolver.resolve(r, b)) {
        if (v.kind === 'origin' || v.kind === 'request') {
          out.push(reflectSpec(r, 'callback-returns', this.checks.guardOf([r, ...v.sites], b), v));
        } else if (v.kind === 'literal' && typeof v.value === 'string' && v.value !== '') {
          out.push(...this.originSpecs(lib, v, credentials, [r], b, 1));
        } else if (v.kind !== 'literal') {
          out.push({ type: 'unknown', node: v.node });
        }
      }
    }
    return out;
  }

  private originBindings(fn: FunctionNode, closure?: Bindings): Bindings {
    const param = fn.params[0];
    if (!param || param.type !== T.Identifier) return new Map(closure ?? []);
    const origin: Value = {
      kind: 'origin',
      what: `the \`${param.name}\` argument of the origin function`,
      node: param,
      sites: [],
    };
    return this.resolver.bind(fn, [[origin]], closure);
  }
}

function reflectSpec(node: Node, via: ReflectVia, guard: GuardSummary, source?: Value): OriginSpec {
  return {
    type: 'reflect',
    node,
    what: source && 'what' in source ? (source as { what: string }).what : "the request's Origin",
    request: source?.kind === 'request' ? 'request' : 'origin',
    via,
    guard,
    source: source?.node,
  };
}

function literalOriginSpec(value: string, node: Node): OriginSpec {
  const trimmed = value.trim();
  if (trimmed === '*') return { type: 'wildcard', node, implicit: false, becomesReflection: false };
  if (trimmed === 'null') return { type: 'null', node };
  return { type: 'fixed', node, value };
}

/** Names that say a value is an origin allowlist: `allowedOrigins`, `CORS_ORIGINS`, `whitelist`, `corsDomains`. */
export const ALLOWLIST_NAME =
  /^(?:(?:allowed|trusted|valid|permitted|safe|cors)_?(?:origin|domain|host)s?(?:_?(?:list|regexp?|patterns?|re))?|(?:origin|cors)_?(?:whitelist|allowlist|patterns?|regexp?s?)|whitelist(?:ed)?(?:_?origins?)?|allowlist|origins)$/i;

/** `process.env.X`, directly or at the base of `process.env.X?.split(',')`. */
function envVariableOf(node: Node, values: readonly Value[]): string | undefined {
  const env = values.find((v) => v.kind === 'env');
  if (env?.kind === 'env') return `process.env.${env.name}`;
  let n: Node = unwrap(node);
  for (let i = 0; i < 8; i++) {
    if (n.type === T.CallExpression) n = unwrap(n.callee);
    else if (n.type === T.MemberExpression) {
      const object = unwrap(n.object);
      if (object.type === T.MemberExpression && memberName(object) === 'env') {
        const root = unwrap(object.object);
        if (root.type === T.Identifier && root.name === 'process') return `process.env.${memberName(n) ?? '…'}`;
      }
      n = object;
    } else return undefined;
  }
  return undefined;
}

/** A header's usual spelling (`access-control-max-age` -> `Access-Control-Max-Age`). */
function spellingOf(lower: string): string {
  return headerFacts(lower)?.name ?? lower.replace(/(^|-)([a-z])/g, (_, d: string, c: string) => d + c.toUpperCase());
}

/** The lowest version a declared range admits (`^2.0.0` -> `2.0.0`), when semver reads it. */
function minVersionOf(range: string): string | undefined {
  let r = range.trim();
  if (r.startsWith('npm:')) r = r.slice(r.lastIndexOf('@') + 1);
  try {
    return minVersion(r)?.version;
  } catch {
    return undefined;
  }
}

function mergeCredentials(a: Credentials, b: Credentials): Credentials {
  if (a.allowed === true) return a;
  if (b.allowed === true) return b;
  if (a.allowed === 'unknown') return a;
  return b;
}

function literalValue(node: Node, value: undefined): Value {
  return { kind: 'literal', value, node, sites: [node] };
}

function isUndefinedLiteral(v: Value): boolean {
  return v.kind === 'literal' && v.value === undefined;
}
