/**
 * The policy builder, the entry to the policy model (`policy-types.ts`): one policy per place a file sets
 * CORS. Header policies (headers set by hand) and unused origin allowlists are built here; options
 * policies (a CORS library's configuration) by `option-policies.ts`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { enclosingFunction, type Node } from './ast';
import type { GuardAnalyzer } from './checks/guards';
import { ACAC, ACAO, VARY, credentialsValueAllows } from './headers/header-names';
import { headerFacts } from './headers/header-facts';
import { OptionPolicies } from './option-policies';
import { withPermissiveDefault } from './permissive-default';
import {
  literalOriginSpec,
  type Credentials,
  type OriginSpec,
  type Policy,
  type ProjectFacts,
  type ResponseHeader,
} from './policy-types';
import type { HeaderSite, OptionSite } from './sites/sites';
import type { Bindings, Value, ValueResolver } from './values/values';

export { specsOf } from './policy-types';
export type {
  Credentials,
  HelperJudgement,
  OriginSpec,
  PermissiveDefault,
  Policy,
  ProjectFacts,
  ReflectVia,
  ResponseHeader,
} from './policy-types';

export class PolicyBuilder {
  private readonly options: OptionPolicies;

  constructor(
    private readonly resolver: ValueResolver,
    private readonly checks: GuardAnalyzer,
    project: ProjectFacts = {},
  ) {
    this.options = new OptionPolicies(resolver, checks, project);
  }

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
        if (site.staticValue !== undefined) {
          // API Gateway response parameters: the value between the quotes is the header, as written.
          if (site.header === ACAO) origins.push(literalOriginSpec(site.staticValue, site.value));
          else if (site.header === ACAC && credentialsValueAllows(site.staticValue))
            credentials = mergeCredentials(credentials, { allowed: true, node: site.value });
          else if (site.header === VARY && /(^|,)\s*(origin|\*)\s*(,|$)/i.test(site.staticValue)) varyOrigin = true;
          continue;
        }
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
          const value = h.staticValue ?? (h.value ? this.resolver.singleString(h.value, b) : undefined);
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
        origins: origins.map((s) => withPermissiveDefault(s, this.resolver)),
        credentials,
        headers: list,
        varyOrigin,
        otherHeaders,
      });
    }
    return out;
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
  optionPolicies(site: OptionSite, bindings?: Bindings): Policy[] {
    return this.options.optionPolicies(site, bindings);
  }
}

/** Names that say a value is an origin allowlist: `allowedOrigins`, `CORS_ORIGINS`, `whitelist`, `corsDomains`. */
export const ALLOWLIST_NAME =
  /^(?:(?:allowed|trusted|valid|permitted|safe|cors)_?(?:origin|domain|host)s?(?:_?(?:list|regexp?|patterns?|re))?|(?:origin|cors)_?(?:whitelist|allowlist|patterns?|regexp?s?)|whitelist(?:ed)?(?:_?origins?)?|allowlist|origins)$/i;

/** A header's usual spelling (`access-control-max-age` -> `Access-Control-Max-Age`). */
function spellingOf(lower: string): string {
  return headerFacts(lower)?.name ?? lower.replace(/(^|-)([a-z])/g, (_, d: string, c: string) => d + c.toUpperCase());
}

function mergeCredentials(a: Credentials, b: Credentials): Credentials {
  if (a.allowed === true) return a;
  if (b.allowed === true) return b;
  if (a.allowed === 'unknown') return a;
  return b;
}
