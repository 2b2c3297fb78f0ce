/**
 * Options policies: what a CORS library's configuration allows (`cors({ origin, credentials })`, hapi
 * `cors: true`, Yoga's options factory), read with the library's semantics in the version the project
 * uses: its defaults, how it treats `*`, lists and strings, and the other headers it sends.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { findProperty, unwrap, type FunctionNode, type Node } from './ast';
import { escapeRegex } from './checks/origins';
import { NO_GUARD, type GuardAnalyzer } from './checks/guards';
import minVersion from 'semver/ranges/min-version';
import { LIBRARIES, wildcardOriginPattern, type LibrarySemantics } from './sites/frameworks';
import { compareVersions, fromRelease, semanticsFor } from './sites/releases';
import { OriginFunctions } from './origin-functions';
import { withPermissiveDefault } from './permissive-default';
import {
  literalOriginSpec,
  reflectSpec,
  type Credentials,
  type OriginSpec,
  type Policy,
  type ProjectFacts,
  type ResponseHeader,
} from './policy-types';
import type { OptionSite } from './sites/sites';
import { withClosure, type Bindings, type Value, type ValueResolver } from './values/values';

/**
 * An options object as a library reads it: an object literal (with the writes made to it afterwards), or a
 * module namespace (`import * as options from './cors-options'`), whose named exports are its properties.
 */
interface OptionsSource {
  readonly node: Node;
  /** The object literal, where the options are one (rules point into it and suggest edits there). */
  readonly literal?: TSESTree.ObjectExpression;
  /** The values of one option; undefined when the options certainly lack it. */
  get(name: string): readonly Value[] | undefined;
  /** Parameters bound where the options were made (an options factory's call), for the functions inside. */
  readonly bindings?: Bindings;
}

export class OptionPolicies {
  /** Origin functions read what they answer or return as an origin setting, through `originSpecs`. */
  private readonly functions: OriginFunctions;

  constructor(
    private readonly resolver: ValueResolver,
    private readonly checks: GuardAnalyzer,
    private readonly project: ProjectFacts,
  ) {
    this.functions = new OriginFunctions(resolver, checks, (lib, v, credentials, extraSites, b, depth) =>
      this.originSpecs(lib, v, credentials, extraSites, b, depth),
    );
  }

  /**
   * The policies an options site sets (one per options object it can be given). `bindings`: the
   * parameters of the function the options are written in, bound to what its callers pass (an options
   * factory judged where it lives, helpers.ts).
   */
  optionPolicies(given: OptionSite, bindings?: Bindings): Policy[] {
    const site = this.defaultsApply(given, bindings) ? { ...given, onByDefault: true } : given;
    // A package assumed to work like a known library (issue 17) is not that library: its releases don't apply.
    const lib = site.assumedPackage
      ? {
          ...LIBRARIES[site.library],
          packageName: site.assumedPackage,
          assumedLike: LIBRARIES[site.library].packageName,
        }
      : semanticsFor(LIBRARIES[site.library], this.project.packageVersion?.bind(this.project));
    if (lib.optionIsOrigin) return this.originOptionPolicies(lib, site, bindings);
    const ignores = lib.release?.certainty === 'unknown' ? undefined : lib.release?.row.ignoresOptions;
    if (ignores) {
      // socket.io 2: the `cors` option does not exist; CORS is on for every origin unless `origins` is set.
      const root = site.argument ? this.resolver.resolve(site.argument) : [];
      const later = site.instanceOptions?.[ignores.unlessOption];
      const settings = later
        ? this.resolver.resolve(later)
        : root.flatMap((v) =>
            v.kind === 'object' ? (this.resolver.objectPropertyOrMissing(v.object, ignores.unlessOption) ?? []) : [],
          );
      if (settings.length === 0 && !later) return [this.defaultPolicy(lib, site.call, site.call)];
      // socket.io 2 `origins` as a function `(origin, callback)`: a request it accepts gets its Origin back
      // with credentials (engine.io 3); `host:port` patterns are not modelled (no policy).
      return settings.flatMap((v) => (v.kind === 'function' ? [this.originsFunctionPolicy(lib, site, v.fn)] : []));
    }
    if (!site.argument) {
      return site.path.length === 0 || site.onByDefault ? [this.defaultPolicy(lib, site.call, site.call)] : [];
    }
    const root = this.argumentValues(site, bindings);
    let values = this.pathApplies(site)
      ? this.followPath(root, site.path, site.argument)
      : [literalValue(site.argument, undefined)];
    for (const alt of site.altPaths ?? []) {
      if (!values.every(isUndefinedLiteral)) break;
      values = this.followPath(root, alt, site.argument);
    }
    const out: Policy[] = [];
    for (const v of values) {
      const bound = bindings && v.kind === 'object' ? { ...v, closure: withClosure(bindings, v.closure) } : v;
      out.push(...this.policiesOfValue(lib, site, bound, []));
    }
    return out;
  }

  /** The options argument's values; for a config factory (vite), what the function returns. */
  private argumentValues(site: OptionSite, bindings?: Bindings): readonly Value[] {
    const values = this.resolver.resolve(site.argument!, bindings);
    if (!site.argumentFactory) return values;
    return values.flatMap((v) =>
      v.kind === 'function' ? this.resolver.returnsOf(v.fn).flatMap((r) => this.resolver.resolve(r)) : [v],
    );
  }

  /** mcp-framework: whether the options argument names a transport whose CORS defaults apply. */
  private defaultsApply(site: OptionSite, bindings?: Bindings): boolean {
    const when = site.onByDefaultWhen;
    if (!when || !site.argument) return false;
    const values = this.followPath(this.resolver.resolve(site.argument, bindings), when.path, site.argument);
    return values.some((v) => v.kind === 'literal' && typeof v.value === 'string' && when.values.includes(v.value));
  }

  /**
   * Firebase Functions: `onRequest({ cors }, handler)` is `cors({ origin: cors })` of the `cors` package; an
   * options object without `cors` (or no options: `onCall(handler)`) gets the platform's default. Params
   * (`defineList('ORIGINS')`) are read at run time: unknown, and said so.
   */
  private originOptionPolicies(lib: LibrarySemantics, site: OptionSite, bindings?: Bindings): Policy[] {
    const arg = site.argument;
    const roots = arg ? this.resolver.resolve(arg, bindings) : [];
    const key = site.path[site.path.length - 1] ?? lib.originOption;
    const parents = site.path.length > 1 ? this.followPath(roots, site.path.slice(0, -1), arg!) : roots;
    const out: Policy[] = [];
    const fallback = () => {
      if (lib.defaultOrigin === 'reflect')
        out.push(this.originPolicy(lib, site, site.call, [reflectSpec(site.call, 'library', NO_GUARD)]));
    };
    if (parents.length === 0) fallback();
    for (const p of parents) {
      if (p.kind === 'function' || (p.kind === 'literal' && p.value === undefined)) {
        fallback(); // onCall(handler): no options
        continue;
      }
      const values =
        p.kind === 'object'
          ? this.resolver.objectPropertyOrMissing(p.object, key, p.closure)
          : p.kind === 'module'
            ? this.resolver.exportOf(p.module, key, 0, p.node)
            : [{ kind: 'unknown', node: p.node, sites: [p.node] } as Value];
      if (!values) {
        fallback();
        continue;
      }
      const literal = p.kind === 'object' ? p.object : undefined;
      for (const v of values) {
        const origins = this.originOptionSpecs(lib, v, bindings, 0);
        if (origins) out.push(this.originPolicy(lib, site, v.node, origins, literal));
      }
    }
    return out;
  }

  /** What one value of Firebase's `cors` option allows; undefined when it turns CORS off. */
  private originOptionSpecs(
    lib: LibrarySemantics,
    v: Value,
    b: Bindings | undefined,
    depth: number,
  ): OriginSpec[] | undefined {
    const none: Credentials = { allowed: false };
    if (v.kind === 'literal') {
      if (v.value === false || v.value === null) return undefined;
      if (lib.emptyOriginDisables && v.value === '') return undefined;
      // 7.x: `cors: undefined` is `true`.
      if (v.value === undefined || v.value === true)
        return [reflectSpec(v.node, 'origin-true', this.checks.guardOf(v.sites, b))];
    }
    if (v.kind === 'array' && lib.emptyOriginDisables && v.elements.length === 0) return undefined;
    if (v.kind === 'array' && lib.listOfOneUnwrapped && v.elements.length === 1 && depth === 0)
      return this.originOptionSpecs(lib, v.elements[0]!, b, depth + 1);
    if (v.kind === 'unknown' || v.kind === 'package') {
      const params = paramsCall(v.node);
      if (params)
        return [
          {
            type: 'unknown',
            node: v.node,
            why: `a Firebase params value (\`${params}\`), set at deploy time, which CORS Guard cannot read`,
          },
        ];
    }
    return this.originSpecs(lib, v, none, [], b);
  }

  private originPolicy(
    lib: LibrarySemantics,
    site: OptionSite,
    node: Node,
    origins: OriginSpec[],
    options?: TSESTree.ObjectExpression,
  ): Policy {
    const originProperty = options && findProperty(options, lib.originOption);
    return {
      kind: 'options',
      library: lib,
      node,
      call: site.call,
      ...(options ? { options } : {}),
      ...(originProperty ? { originProperty } : {}),
      origins: origins.map((s) => withPermissiveDefault(s, this.resolver)),
      credentials: { allowed: false },
      headers: [],
      varyOrigin: true,
      otherHeaders: this.libraryHeaders(lib, undefined),
    };
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
    // S3: a list of CORS rules, each judged as its own options.
    if (lib.rulesList && v.kind === 'array') {
      return v.elements.flatMap((e) => (e.kind === 'array' ? [] : this.policiesOfValue(lib, site, e, extraSites)));
    }
    if (v.kind === 'object' || v.kind === 'module') {
      const src =
        v.kind === 'object'
          ? this.literalSource(v.object, v.closure)
          : { node: v.node, get: (name: string) => this.resolver.exportOf(v.module, name, 0, v.node) };
      if (this.disabled(lib, src)) return [];
      // vite: an object without `origin` keeps vite's own localhost-only default.
      if (lib.ownDefaultOrigin && !src.get(lib.originOption)) return [];
      return [this.sourcePolicy(lib, site, src, extraSites)];
    }
    if (v.kind === 'unknown' && site.path.length === 0) {
      // `cors(loadConfig())`, `cors(JSON.parse(process.env.CORS))`: options CORS Guard cannot read are a
      // policy whose origins and credentials are unknown, listed as such, never left out.
      return [this.unknownPolicy(lib, site, v.node)];
    }
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
              credentials: lib.defaultCredentials
                ? { allowed: true, node: v.node, byDefault: true }
                : { allowed: false },
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
          if (ov.kind === 'object') out.push(this.objectPolicy(lib, site, ov.object, [...extraSites, r], ov.closure));
          // Options CORS Guard cannot read (`(request) => loadCors(request)`): unknown, not left out.
          else if (ov.kind !== 'literal') out.push(this.unknownPolicy(lib, site, r));
        }
      }
      return out.length > 0 ? out : [this.unknownPolicy(lib, site, v.node)];
    }
    if (v.kind === 'function' && site.path.length === 0 && lib.originFunction === 'callback') {
      // cors((req, callback) => callback(null, options)): a per-request options delegate
      const out: Policy[] = [];
      for (const call of this.resolver.callsOfParam(v.fn, 1)) {
        const arg = call.arguments[1];
        if (!arg) continue;
        for (const ov of this.resolver.resolve(arg)) {
          if (ov.kind === 'object')
            out.push(this.objectPolicy(lib, site, ov.object, [...extraSites, call, ...ov.sites], ov.closure));
          // `callback(null, await loadOptions(req))`: options CORS Guard cannot read are unknown, not left out.
          else if (ov.kind !== 'literal') out.push(this.unknownPolicy(lib, site, arg));
        }
      }
      // The callback handed on (`(req, cb) => loadOptions(req, cb)`) or never called where it can be seen.
      return out.length > 0 ? out : [this.unknownPolicy(lib, site, v.node)];
    }
    return [];
  }

  /** Options CORS Guard cannot read: a policy whose origins and credentials are unknown. */
  private unknownPolicy(lib: LibrarySemantics, site: OptionSite, node: Node): Policy {
    return {
      kind: 'options',
      library: lib,
      node,
      call: site.call,
      origins: [{ type: 'unknown', node }],
      credentials: { allowed: 'unknown', node },
      headers: [],
      varyOrigin: !lib.addsNoVary,
      otherHeaders: this.libraryHeaders(lib, undefined),
    };
  }

  /** socket.io 2 `origins(fn)`: what the function accepts is sent back, with credentials. */
  private originsFunctionPolicy(lib: LibrarySemantics, site: OptionSite, fn: FunctionNode): Policy {
    const credentials: Credentials = { allowed: true, node: fn };
    return {
      kind: 'options',
      library: lib,
      node: fn,
      call: site.call,
      origins: this.functions.originsOf({ ...lib, originFunction: 'callback' }, fn, credentials),
      credentials,
      headers: [],
      varyOrigin: !lib.addsNoVary,
      otherHeaders: this.libraryHeaders(lib, undefined),
    };
  }

  /** AdonisJS `enabled: false`, Sails without `allRoutes: true`: the settings apply to no route. */
  private disabled(lib: LibrarySemantics, src: OptionsSource): boolean {
    const option = lib.enabledOption;
    if (!option) return false;
    const values = src.get(option.name);
    if (!values) return !option.unsetMeans;
    return values.every(
      (v) => v.kind === 'literal' && (v.value === false || (v.value === undefined && !option.unsetMeans)),
    );
  }

  private defaultPolicy(lib: LibrarySemantics, call: Node, node: Node): Policy {
    const credentials: Credentials = lib.defaultCredentials
      ? { allowed: true, node, byDefault: true }
      : { allowed: false };
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
    // A Lambda Function URL: nothing read says what `*` with credentials sends.
    if (lib.wildcardWithCredentials === 'unknown' && credentials.allowed === true) return { type: 'unknown', node };
    // restify-cors-middleware: `*` with credentials throws before any request is served (refused, not reflected).
    if (lib.wildcardWithCredentials === 'refused' && credentials.allowed === true)
      return { type: 'wildcard', node, implicit, becomesReflection: false };
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

  private literalSource(obj: TSESTree.ObjectExpression, b?: Bindings): OptionsSource {
    return { node: obj, literal: obj, bindings: b, get: (name) => this.resolver.objectPropertyOrMissing(obj, name, b) };
  }

  private objectPolicy(
    declared: LibrarySemantics,
    site: OptionSite,
    obj: TSESTree.ObjectExpression,
    extraSites: readonly Node[],
    b?: Bindings,
  ): Policy {
    return this.sourcePolicy(declared, site, this.literalSource(obj, b), extraSites);
  }

  private sourcePolicy(
    declared: LibrarySemantics,
    site: OptionSite,
    src: OptionsSource,
    extraSites: readonly Node[],
  ): Policy {
    const obj = src.node;
    const b = src.bindings;
    // Sails `allowAnyOriginWithCredentialsUnsafe: true`: `*` with credentials sends back every Origin.
    const unsafe = declared.unsafeWildcardOption ? src.get(declared.unsafeWildcardOption) : undefined;
    const lib: LibrarySemantics = unsafe?.some((v) => v.kind === 'literal' && v.value === true)
      ? { ...declared, wildcardWithCredentials: 'reflects' }
      : declared;
    const credProp = src.get(lib.credentialsOption ?? 'credentials');
    let credentials: Credentials =
      !credProp && lib.defaultCredentials ? { allowed: true, node: obj, byDefault: true } : { allowed: false };
    for (const v of credProp ?? []) {
      if (v.kind === 'literal') {
        if (v.value === true) credentials = { allowed: true, node: v.node };
      } else if (credentials.allowed !== true) {
        credentials = { allowed: 'unknown', node: v.node };
      }
    }
    // itty-router 4: `headers: { 'Access-Control-Allow-Credentials': true }` goes out with every response.
    if (lib.extraHeadersOption && credentials.allowed !== true) {
      for (const h of src.get(lib.extraHeadersOption) ?? []) {
        if (h.kind !== 'object') continue;
        for (const name of ['Access-Control-Allow-Credentials', 'access-control-allow-credentials']) {
          for (const v of this.resolver.objectPropertyOrMissing(h.object, name, h.closure) ?? []) {
            if (v.kind === 'literal' && (v.value === true || v.value === 'true'))
              credentials = { allowed: true, node: v.node };
            else if (v.kind !== 'literal' && credentials.allowed !== true)
              credentials = { allowed: 'unknown', node: v.node };
          }
        }
      }
    }
    const originValues = src.get(lib.originOption);
    const originProperty = src.literal && findProperty(src.literal, lib.originOption);
    const origins: OriginSpec[] = [];
    // middy < 6: a non-empty `origins` list replaces the default `origin: '*'` (5.5.1 src).
    const extraList = lib.extraOriginListOption ? src.get(lib.extraOriginListOption) : undefined;
    if (!originValues && !extraList) {
      origins.push(...this.defaultOrigins(lib, obj, credentials));
    } else if (originValues) {
      for (const v of originValues) origins.push(...this.originSpecs(lib, v, credentials, extraSites, b));
    }
    if (lib.extraOriginListOption) {
      for (const v of src.get(lib.extraOriginListOption) ?? []) {
        origins.push(...this.originSpecs(lib, v, credentials, extraSites, b));
      }
    }
    if (lib.originGetterOption) {
      for (const v of src.get(lib.originGetterOption) ?? []) {
        if (v.kind === 'function') origins.push(...this.functions.returnedOrigins(lib, v.fn, credentials, true));
      }
    }
    // S3: a rule answering `*` sends no Access-Control-Allow-Credentials.
    if (lib.wildcardOmitsCredentials && origins.some((o) => o.type === 'wildcard')) credentials = { allowed: false };
    return {
      kind: 'options',
      library: lib,
      node: obj,
      call: site.call,
      ...(src.literal ? { options: src.literal } : {}),
      ...(originProperty ? { originProperty } : {}),
      origins: origins.map((s) => withPermissiveDefault(s, this.resolver)),
      credentials,
      headers: [],
      varyOrigin: !lib.addsNoVary,
      otherHeaders: this.libraryHeaders(lib, src.literal),
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
          // @elysiajs/cors before 0.7.2: `true` sends `*`.
          if (lib.trueIsWildcard) return [this.wildcardSpec(lib, v.node, false, credentials)];
          return [reflectSpec(v.node, 'origin-true', this.checks.guardOf([...v.sites, ...extraSites], b))];
        }
        if (typeof v.value === 'string') {
          // The Serverless Framework: a list entry is a pattern (`*` alone matches every Origin).
          if (lib.originWildcards === 'glob-in-list' && depth > 0 && v.value.includes('*')) {
            if (v.value.trim() === '*') return [reflectSpec(v.node, 'library', NO_GUARD)];
            const pattern = `^${v.value.replace(/\./g, '[.]').replace('*', '.+')}$`;
            const why = `the Serverless Framework turns \`*\` in \`${v.value}\` into \`.+\`, which matches dots too`;
            const check = this.checks.judge.regex({ node: v.node, pattern, flags: '', wildcard: v.value, why });
            return [{ type: 'regexp', node: v.node, check }];
          }
          if (v.value === '*' || (lib.starInStringReflects && depth === 0 && v.value.includes('*'))) {
            return [this.wildcardSpec(lib, v.node, false, credentials)];
          }
          // Cloud platforms: `https://*` (API Gateway), `https://*.example.com` (S3), or unknown.
          if (lib.originWildcards && lib.originWildcards !== 'glob-in-list' && v.value.includes('*')) {
            const compiled = platformWildcardPattern(lib.originWildcards, v.value);
            if (compiled === undefined) return [{ type: 'unknown', node: v.node }];
            const check = this.checks.judge.regex({ node: v.node, flags: '', wildcard: v.value, ...compiled });
            return [{ type: 'regexp', node: v.node, check }];
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
          // Elysia, the cloud platforms: `*` anywhere in the list sends `*` to everyone.
          return [this.wildcardSpec(lib, v.node, false, credentials)];
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
          // compared with === (a pattern for the Serverless Framework)
          if (
            e.kind === 'literal' &&
            e.value === '*' &&
            !lib.wildcardReflects &&
            lib.originWildcards !== 'glob-in-list'
          )
            continue;
          if (lib.listEntriesExact && e.kind === 'regexp') continue; // itty-router: `includes`, never `.test()`
          if (depth < 2) members.push(...this.originSpecs(lib, e, credentials, extraSites, b, depth + 1));
          else members.push({ type: 'unknown', node: e.node });
        }
        const out: OriginSpec[] = [{ type: 'list', node: v.node, elements: v.elements, members }];
        if (lib.listMissSends === 'null' && !v.elements.some((e) => e.kind === 'literal' && e.value === '*')) {
          // Yoga: an origin not in the list gets `null`, which a sandboxed iframe's `Origin: null` matches.
          out.push({ type: 'null', node: v.node });
        }
        const first = v.elements[0];
        const firstIsPattern =
          lib.originWildcards === 'glob-in-list' && first?.kind === 'literal' && first.value === '*';
        if (
          lib.listMissSends === 'first' &&
          first?.kind === 'literal' &&
          typeof first.value === 'string' &&
          !firstIsPattern
        ) {
          // hono < 4.6.5: an origin not in the list gets the first entry (harmless: it names another origin).
          out.push(literalOriginSpec(first.value, first.node));
        }
        // fastify-cors before 6.0.0: an origin the list does not hold is sent the text `false` (harmless).
        if (lib.listMissSends === 'false' && depth === 0) out.push(literalOriginSpec('false', v.node));
        return out;
      }
      case 'regexp': {
        const check = this.checks.judge.regexValue(v);
        const spec: OriginSpec = { type: 'regexp', node: v.node, check };
        return lib.listMissSends === 'false' && depth === 0 ? [spec, literalOriginSpec('false', v.node)] : [spec];
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
        return this.functions.originsOf(lib, v.fn, credentials, v.closure);
      default: {
        // `apigateway.Cors.ALL_ORIGINS` of the CDK: the list it stands for.
        const constant = libraryConstantOf(lib, v, this.resolver);
        if (constant && depth === 0) {
          const elements: Value[] = constant.map((value) => ({ kind: 'literal', value, node: v.node, sites: v.sites }));
          return this.originSpecs(
            lib,
            { kind: 'array', elements, node: v.node, sites: v.sites },
            credentials,
            extraSites,
            b,
            depth,
          );
        }
        return [{ type: 'unknown', node: v.node }];
      }
    }
  }
}

/** Firebase params: `defineList('ORIGINS')`, `params.defineString(...)` (what the call is, for messages). */
function paramsCall(node: Node): string | undefined {
  const n = node.type === T.CallExpression ? node : undefined;
  if (!n) return undefined;
  const callee = n.callee;
  const name =
    callee.type === T.Identifier
      ? callee.name
      : callee.type === T.MemberExpression && callee.property.type === T.Identifier
        ? callee.property.name
        : undefined;
  return name && /^define(?:List|String|Secret|Int|Float|Boolean)$/.test(name) ? `${name}(...)` : undefined;
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

/**
 * What an origin string holding `*` admits on a platform, as an anchored pattern: API Gateway HTTP APIs
 * document `https://*` and `http://*` only (any other pattern: undefined, unknown); S3 matches its one `*`
 * against any characters.
 */
function platformWildcardPattern(
  mode: 'scheme' | 'star' | 'unknown' | 'first-only',
  origin: string,
): { pattern: string; why: string } | undefined {
  if (mode === 'first-only') {
    // restify-cors-middleware's own compilation, character for character (origin-matcher.js).
    return {
      pattern: `^${origin.replace('.', '\\.').replace('*', '.*')}$`,
      why: `restify-cors-middleware escapes only the first \`.\` of \`${origin}\` and turns its first \`*\` into \`.*\``,
    };
  }
  if (mode === 'scheme') {
    const scheme = /^(https?):\/\/\*$/.exec(origin.trim());
    return scheme
      ? { pattern: `^${scheme[1]}://.*$`, why: `API Gateway reads \`${origin}\` as every ${scheme[1]} origin` }
      : undefined;
  }
  if (mode === 'star' && origin.split('*').length === 2) {
    return {
      pattern: `^${origin.split('*').map(escapeRegex).join('.*')}$`,
      why: `S3 matches \`*\` in \`${origin}\` against any characters, dots too`,
    };
  }
  return undefined;
}

/**
 * The list a library constant stands for (`Cors.ALL_ORIGINS`), when `v` is a read of one: a member chain
 * ending in the constant's path whose root is imported from one of the library's modules.
 */
function libraryConstantOf(lib: LibrarySemantics, v: Value, resolver: ValueResolver): readonly string[] | undefined {
  if (!lib.constants) return undefined;
  if (v.kind === 'package') {
    const row = lib.constants.find(
      (c) => endsWith(v.path, c.path) && c.modules.some((m) => v.name === m || v.name.startsWith(m)),
    );
    return row?.value;
  }
  const chain: string[] = [];
  let n: Node = unwrap(v.node);
  while (n.type === T.MemberExpression && !n.computed && n.property.type === T.Identifier) {
    chain.unshift(n.property.name);
    n = unwrap(n.object);
  }
  if (n.type !== T.Identifier) return undefined;
  const source = importSourceOf(resolver, n);
  // `import { Cors }`: the imported name is the chain's first step.
  const imported = resolver.variableOf(n)?.defs[0]?.node;
  if (imported?.type === T.ImportSpecifier) chain.unshift(exportNameOf(imported.imported));
  // A root that is no import (the module namespace handed to an options factory as `apigateway: any`)
  // is read by the constant's name, within options the site already shows are the library's.
  return lib.constants.find(
    (c) =>
      endsWith(chain, c.path) && (source === undefined || c.modules.some((m) => source === m || source.startsWith(m))),
  )?.value;
}

function endsWith(path: readonly string[], tail: readonly string[]): boolean {
  return path.length >= tail.length && tail.every((k, i) => path[path.length - tail.length + i] === k);
}

/** The module an identifier is imported from (`import x from 'm'`, `import { x }`, `import * as x`). */
function importSourceOf(resolver: ValueResolver, id: TSESTree.Identifier): string | undefined {
  const def = resolver.variableOf(id)?.defs[0];
  if (def?.type !== 'ImportBinding') return undefined;
  const decl = def.node.parent;
  return decl?.type === T.ImportDeclaration ? decl.source.value : undefined;
}

function exportNameOf(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === T.Identifier ? node.name : node.value;
}

function literalValue(node: Node, value: undefined): Value {
  return { kind: 'literal', value, node, sites: [node] };
}

function isUndefinedLiteral(v: Value): boolean {
  return v.kind === 'literal' && v.value === undefined;
}
