/**
 * Origin functions: what an `origin` option written as a function allows, read the way the library calls
 * it (a callback answered `true`, a boolean, a setting or an origin returned). What such a function answers
 * or returns is read as an origin setting again, by the reader the options reader hands in.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { FunctionNode, Node } from './ast';
import { strongerGuard, type GuardAnalyzer } from './checks/guards';
import { reflectSpec, type Credentials, type OriginSpec } from './policy-types';
import type { LibrarySemantics } from './sites/frameworks';
import type { Bindings, Value, ValueResolver } from './values/values';

/** Reads one value as the library's `origin` setting (`OptionPolicies.originSpecs` in option-policies.ts). */
export type OriginSettingReader = (
  lib: LibrarySemantics,
  v: Value,
  credentials: Credentials,
  extraSites: readonly Node[],
  b: Bindings | undefined,
  depth: number,
) => OriginSpec[];

export class OriginFunctions {
  constructor(
    private readonly resolver: ValueResolver,
    private readonly checks: GuardAnalyzer,
    private readonly originSetting: OriginSettingReader,
  ) {}

  /** What an origin function allows, called the way `lib` calls it. */
  originsOf(lib: LibrarySemantics, fn: FunctionNode, credentials: Credentials, closure?: Bindings): OriginSpec[] {
    if (lib.originFunction === 'callback') return this.callbackOrigins(lib, fn, credentials, closure);
    if (lib.originFunction === 'return-true') return this.trueReturningOrigins(fn);
    if (lib.originFunction === 'return-setting') return this.settingReturningOrigins(lib, fn, credentials, closure);
    return this.returnedOrigins(lib, fn, credentials, lib.originFunction === 'return-origin', closure);
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
          out.push(...this.originSetting(lib, v, credentials, [site], b, 1));
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
        } else out.push(...this.originSetting(lib, v, credentials, [r], b, 1));
      }
    }
    return out;
  }

  /**
   * Hono `(origin, c) => string`, @middy `getOrigin(origin)`, @koa/cors `(ctx) => string`. Public for the
   * options reader's origin-getter option (`lib.originGetterOption`).
   */
  returnedOrigins(
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
          out.push(...this.originSetting(lib, v, credentials, [r], b, 1));
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
