/**
 * The policy model: for each place a file sets CORS (a handler's headers, a library's options), what it
 * allows: the Access-Control-Allow-Origin forms it can send, whether credentials go with them, and the
 * source locations of each part. Rules, fixes and hovers all read this.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { enclosingFunction, findProperty, type FunctionNode, type Node } from './ast';
import { strongerGuard, type CheckAnalyzer, type GuardSummary } from './checks';
import { LIBRARIES, type LibrarySemantics } from './frameworks';
import { ACAC, ACAO, VARY, credentialsValueAllows } from './headers';
import type { HeaderSite, OptionSite } from './sites';
import type { Bindings, Value, ValueResolver } from './values';

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
    }
  | { readonly type: 'null'; readonly node: Node }
  | { readonly type: 'fixed'; readonly node: Node; readonly value: string }
  | {
      readonly type: 'reflect';
      readonly node: Node;
      readonly what: string;
      readonly request: 'origin' | 'request';
      readonly via: ReflectVia;
      readonly guard: GuardSummary;
      /** Where the request data was read, if different from `node`. */
      readonly source?: Node;
    }
  | { readonly type: 'list'; readonly node: Node; readonly elements: readonly Value[] }
  | { readonly type: 'regexp'; readonly node: Node; readonly value: Value & { kind: 'regexp' } }
  | { readonly type: 'pattern-string'; readonly node: Node; readonly value: string }
  | { readonly type: 'unknown'; readonly node: Node };

export interface Credentials {
  readonly allowed: boolean | 'unknown';
  /** Where credentials are switched on (for related-location reports). */
  readonly node?: Node;
}

export interface Policy {
  readonly kind: 'headers' | 'options';
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
}

const NO_GUARD: GuardSummary = { strength: 'none', decisive: [], all: [] };

export class PolicyBuilder {
  constructor(
    private readonly resolver: ValueResolver,
    private readonly checks: CheckAnalyzer,
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
      out.push({
        kind: 'headers',
        node: group,
        ...(call ? { call } : {}),
        origins,
        credentials,
        headers: list,
        varyOrigin,
      });
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
    const lib = LIBRARIES[site.library];
    if (!site.argument) {
      return site.path.length === 0 ? [this.defaultPolicy(lib, site.call, site.call)] : [];
    }
    const root = this.resolver.resolve(site.argument);
    let values = this.followPath(root, site.path, site.argument);
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
    if (v.kind === 'object') return [this.objectPolicy(lib, site, v.object, extraSites)];
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
              credentials: { allowed: false },
              headers: [],
              varyOrigin: true,
            },
          ];
        }
        return [this.defaultPolicy(lib, site.call, v.node)];
      }
      if (v.value === undefined && site.path.length === 0 && v.node === site.argument) {
        return [this.defaultPolicy(lib, site.call, site.call)];
      }
      return [];
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

  private defaultPolicy(lib: LibrarySemantics, call: Node, node: Node): Policy {
    const origins: OriginSpec[] =
      lib.defaultOrigin === 'reflect'
        ? [reflectSpec(node, 'library', NO_GUARD)]
        : [{ type: 'wildcard', node, implicit: true, becomesReflection: false }];
    return {
      kind: 'options',
      library: lib,
      node,
      call,
      origins,
      credentials: { allowed: false },
      headers: [],
      varyOrigin: true,
    };
  }

  private objectPolicy(
    lib: LibrarySemantics,
    site: OptionSite,
    obj: TSESTree.ObjectExpression,
    extraSites: readonly Node[],
  ): Policy {
    const credProp = this.resolver.objectPropertyOrMissing(obj, 'credentials');
    let credentials: Credentials = { allowed: false };
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
    if (!originValues) {
      if (lib.defaultOrigin === 'reflect') origins.push(reflectSpec(obj, 'library', NO_GUARD));
      else
        origins.push({
          type: 'wildcard',
          node: obj,
          implicit: true,
          becomesReflection: this.wildcardReflects(lib, credentials),
        });
    } else {
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
      origins,
      credentials,
      headers: [],
      varyOrigin: true,
    };
  }

  private wildcardReflects(lib: LibrarySemantics, credentials: Credentials): boolean {
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
          if (v.value === '*') {
            return [
              {
                type: 'wildcard',
                node: v.node,
                implicit: false,
                becomesReflection: this.wildcardReflects(lib, credentials),
              },
            ];
          }
          // hapi compiles `*` and `?` in origin strings to a regex; other libraries compare strings exactly.
          if ((v.value.includes('*') || v.value.includes('?')) && lib.id === 'hapi') {
            return [{ type: 'pattern-string', node: v.node, value: v.value }];
          }
          return [literalOriginSpec(v.value, v.node)];
        }
        return [];
      case 'array':
      case 'set': {
        const out: OriginSpec[] = [{ type: 'list', node: v.node, elements: v.elements }];
        if (depth < 2) {
          for (const e of v.elements) {
            if (e.kind === 'literal' && e.value === '*' && !lib.wildcardReflects) continue; // compared with ===
            out.push(...this.originSpecs(lib, e, credentials, extraSites, b, depth + 1));
          }
        }
        return out;
      }
      case 'regexp':
        return [{ type: 'regexp', node: v.node, value: v }];
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
        if (lib.originFunction === 'callback') return this.callbackOrigins(lib, v.fn, credentials);
        return this.returnedOrigins(lib, v.fn, credentials, lib.originFunction === 'return-origin');
      default:
        return [{ type: 'unknown', node: v.node }];
    }
  }

  /** `origin: (origin, callback) => ...` (cors, @fastify/cors, socket.io, NestJS, Apollo). */
  private callbackOrigins(lib: LibrarySemantics, fn: FunctionNode, credentials: Credentials): OriginSpec[] {
    const b = this.originBindings(fn);
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

  /** Hono `(origin, c) => string`, @middy `getOrigin(origin)`, @koa/cors `(ctx) => string`. */
  private returnedOrigins(
    lib: LibrarySemantics,
    fn: FunctionNode,
    credentials: Credentials,
    bindOrigin: boolean,
  ): OriginSpec[] {
    const b = bindOrigin ? this.originBindings(fn) : undefined;
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

  private originBindings(fn: FunctionNode): Bindings {
    const param = fn.params[0];
    if (!param || param.type !== T.Identifier) return new Map();
    const origin: Value = {
      kind: 'origin',
      what: `the \`${param.name}\` argument of the origin function`,
      node: param,
      sites: [],
    };
    return this.resolver.bind(fn, [[origin]]);
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

function mergeCredentials(a: Credentials, b: Credentials): Credentials {
  if (a.allowed === true) return a;
  if (b.allowed === true) return b;
  if (a.allowed === 'unknown') return a;
  return b;
}

/** A guard that lets any origin through (none, or only a presence test). */
export function isWeakGuard(g: GuardSummary): boolean {
  return g.strength === 'none' || g.strength === 'useless';
}

function isUndefinedLiteral(v: Value): boolean {
  return v.kind === 'literal' && v.value === undefined;
}
