/**
 * The file model: every CORS policy a file sets, and every origin check on their paths compiled and
 * judged, built once per file from the candidate nodes a single AST pass collected. Rules, quick fixes,
 * hovers and the map read these facts and ask `decide()`; none re-walks the tree or re-runs the analysis.
 *
 * A policy may reach into other modules (an imported options object, an allowlist, a helper that sets
 * the headers); those modules are parsed only when a value from them is needed (modules.ts), and the
 * nodes found there are placed back in the linted file through `entries` (locations.ts).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunction, stringLiteralValue, unwrap as unwrapNode, type FunctionNode, type Node } from './ast';
import { CheckJudge, sameCheck, type PatternCheck } from './checks/checks';
import { patternChecksOf } from './decide';
import { LIBRARIES, type LibraryId } from './sites/frameworks';
import { GuardAnalyzer } from './checks/guards';
import { ACAO, headerNameOf } from './headers/header-names';
import {
  callersOf,
  helperPolicies,
  listParameterOptionPolicies,
  listParameterPolicies,
  localCallsOf,
  optionsFactoryPolicies,
  returningFunction,
} from './helpers';
import { runCovers } from './run-scope';
import { serverPlaceOf } from './local-server';
import { foreignModuleOf, ModuleEntries, programOf } from './values/locations';
import { setHeaderNameTest, type ModuleSession } from './values/modules';
import { trustedHostsFrom } from './checks/origins';
import { PolicyBuilder, type OriginSpec, type Policy, type ProjectFacts, type ResponseHeader } from './policy';
import {
  definedOptionSites,
  definedOptionsLibrary,
  headerSitesOf,
  isLibraryModule,
  moduleOptionSites,
  packageOptionSites,
  shapeOptionSites,
  type HeaderSite,
  type OptionSite,
} from './sites/sites';
import {
  autoImportedSites,
  conventionOptionSites,
  dataFileSites,
  isRegistered,
  routeRulesOf,
  type RouteRule,
} from './sites/conventions';
import { setLibraryPackageTest, ValueResolver, type ResolverHost, type Scope } from './values/values';

setHeaderNameTest((s) => headerNameOf(s) !== undefined);
setLibraryPackageTest(isLibraryModule);

export interface AnalysisInput extends ResolverHost {
  readonly program: TSESTree.Program;
  readonly globalScope: Scope | null;
  /** String literals naming a CORS response header or `Vary`, in source order. */
  readonly headerNames: readonly Node[];
  /** Calls whose method name matches a shape-recognised options site. */
  readonly shapeCalls: readonly TSESTree.CallExpression[];
  /** Calls that may set `Vary`: `res.vary('Origin')`, `vary(res, 'Origin')`, `addOriginToVaryHeader(reply)`. */
  readonly varyCalls?: readonly TSESTree.CallExpression[];
  /** Calls that may hand the origin, request or response to a helper in another module. */
  readonly helperCalls?: readonly TSESTree.CallExpression[];
  /** Object literals with an `origin` property (options judged where they are defined). */
  readonly originObjects?: readonly TSESTree.ObjectExpression[];
  /** `import('m')` expressions (a library loaded at run time: `register(import('@fastify/cors'))`). */
  readonly dynamicImports?: readonly TSESTree.ImportExpression[];
  /** Other modules, when the linted file has a path on disk (or in the editor). */
  readonly modules?: ModuleSession;
  /** Origins the project trusts (`settings['cors-guard'].trustedOrigins`): the hosts checks are meant for. */
  readonly trustedOrigins?: readonly string[];
  /** Facts about the file's project (package versions), when the host can read them. */
  readonly project?: ProjectFacts;
}

/** A pattern check and the policies whose origins it decides. */
export interface OriginCheckUse {
  readonly check: PatternCheck;
  readonly policies: readonly Policy[];
}

export interface FileModel {
  readonly policies: readonly Policy[];
  /** Every pattern check deciding a policy's origins, once per check site. */
  readonly originChecks: readonly OriginCheckUse[];
  readonly trustedOrigins: readonly string[];
  /** Judges checks for other trusted hosts (a rule's own `allowedOrigins`) within the file's budget. */
  readonly judge: CheckJudge;
  /** Where other modules were entered from the linted file (to place findings made there). */
  readonly entries?: ModuleEntries;
  readonly modules?: ModuleSession;
  /** Set when the analysis gave up (budget, unexpected shape): consumers stay silent. */
  readonly error?: unknown;
  /**
   * Library calls here whose options are defined in another module and judged there (where the rules
   * report and the fix goes): not this file's policies, but what a hover at the call explains.
   */
  readonly judgedElsewhere?: readonly Policy[];
}

/** The model of a file that failed the text screen (screen.ts): it sets no CORS policy. */
export function emptyModel(trustedOrigins: readonly string[] = []): FileModel {
  return { policies: [], originChecks: [], trustedOrigins, judge: new CheckJudge(trustedHostsFrom(trustedOrigins)) };
}

export function analyzeFile(input: AnalysisInput): FileModel {
  const trustedOrigins = input.trustedOrigins ?? [];
  const judge = new CheckJudge(trustedHostsFrom(trustedOrigins));
  const entries = input.modules ? new ModuleEntries(input.program) : undefined;
  const session = input.modules;
  // Nodes of other modules need their own scopes and text; the linted file's go to ESLint's.
  const host: ResolverHost = session
    ? {
        getScope: (node) =>
          session.used ? (foreignModuleOf(node)?.getScope(node) ?? input.getScope(node)) : input.getScope(node),
        text: (node) => {
          const m = session.used ? foreignModuleOf(node) : undefined;
          return m ? m.text.slice(node.range[0], node.range[1]) : input.text(node);
        },
      }
    : input;
  const resolver = new ValueResolver(
    host,
    session && entries ? { session, entries } : undefined,
    input.program.range[1] - input.program.range[0],
  );
  try {
    const builder = new PolicyBuilder(resolver, new GuardAnalyzer(resolver, judge), input.project);
    const headerSites: HeaderSite[] = [];
    for (const nameNode of input.headerNames) {
      const name = nameNode.type === 'Identifier' ? nameNode.name : stringLiteralValue(nameNode);
      const header = name === undefined ? undefined : headerNameOf(name);
      if (header) headerSites.push(...headerSitesOf(nameNode, header, resolver));
    }
    const varyCalls = input.varyCalls ?? [];
    // Headers set in a helper of this file are judged per call, with the helper's parameters bound to
    // the call's arguments (`setCors(res, req.headers.origin)`); otherwise as written.
    const plain: HeaderSite[] = [];
    const helpers = new Map<Node, HeaderSite[]>();
    for (const site of headerSites) {
      if (isFunction(site.group) && site.group.params.length > 0) {
        const list = helpers.get(site.group);
        if (list) list.push(site);
        else helpers.set(site.group, [site]);
      } else {
        plain.push(site);
      }
    }
    const policies: Policy[] = [];
    /** Helpers judged as written, with how to find their calls in other modules (listed with their findings). */
    const writtenHelpers = new Map<Node, () => readonly TSESTree.CallExpression[]>();
    for (const [fn, sites] of helpers) {
      const calls = localCallsOf(fn as FunctionNode, resolver);
      if (calls.length === 0) {
        // No call here judges it: the callers in other modules do, where they pass the request's Origin.
        const judged = session
          ? helperPolicies(fn as FunctionNode, sites, varyCalls, resolver, builder, session)
          : undefined;
        // A helper that checks the request's Origin against a list its callers pass: judged with that list.
        const listed =
          judged || !session
            ? undefined
            : listParameterPolicies(fn as FunctionNode, sites, varyCalls, resolver, builder, session);
        if (judged) policies.push(...judged);
        else if (listed) policies.push(...listed);
        else {
          plain.push(...sites);
          if (session) writtenHelpers.set(fn, () => callersOf(fn as FunctionNode, resolver, session));
        }
      }
      for (const call of calls) {
        policies.push(
          ...builder.headerPolicies(sites, varyCalls, bindingsAt(resolver, fn as FunctionNode, call), call),
        );
      }
    }
    // Nitro / Nuxt route rules: each rule's headers are one policy, with what `cors: true` adds beneath them.
    const rules = routeRulesOf(input.program, input.project?.file);
    const inRule = (site: HeaderSite) =>
      rules.find((r) => site.node.range[0] >= r.entry.range[0] && site.node.range[1] <= r.entry.range[1]);
    const grouped =
      rules.length === 0 ? plain : plain.map((site) => ({ ...site, group: inRule(site)?.entry ?? site.group }));
    policies.unshift(
      ...withRouteRules(builder.headerPolicies(grouped, varyCalls), rules).map((p) => {
        const find = writtenHelpers.get(p.node);
        return find ? withCallersWhenRead(p, find) : p;
      }),
    );
    if (session) {
      for (const call of input.helperCalls ?? []) policies.push(...foreignHelperPolicies(call, resolver, builder));
    }
    const optionSites: OptionSite[] = [];
    const facts = input.project;
    for (const site of input.globalScope ? moduleOptionSites(input.globalScope, input.dynamicImports) : []) {
      // AdonisJS 6: config/cors.ts does nothing unless start/kernel.ts registers the middleware.
      if (site.registration && facts?.file && facts.dependenciesAt) {
        const project = { file: facts.file, dependenciesAt: facts.dependenciesAt };
        if (!isRegistered(site.registration, project, session ? (p) => session.fs.readFile(p) : undefined)) continue;
      }
      // `boot(app, __dirname)`: the options are in the data files the call loads.
      if (site.dataFiles) {
        if (session) optionSites.push(...dataFileSites({ ...site, dataFiles: site.dataFiles }, session, resolver));
      } else optionSites.push(site);
    }
    for (const call of input.shapeCalls) optionSites.push(...shapeOptionSites(call));
    const judgedElsewhere: Policy[] = [];
    if (session) {
      // A library reached through the project's own modules (a wrapper module, a barrel).
      const found = new Set(optionSites.map((s) => s.call));
      for (const call of input.helperCalls ?? [])
        if (!found.has(call)) optionSites.push(...packageOptionSites(call, resolver));
    }
    // Options a convention reads are the convention's, even when they switch CORS off (`enabled: false`).
    const claimed = new Set<Node>();
    if (input.project?.file && input.project.dependenciesAt) {
      const project = {
        file: input.project.file,
        dependenciesAt: input.project.dependenciesAt,
        packageVersion: input.project.packageVersion,
      };
      for (const site of conventionOptionSites(input.program, project, resolver)) {
        if (site.argument) claimed.add(site.argument);
        optionSites.push(site);
      }
      if (input.globalScope) optionSites.push(...autoImportedSites(input.globalScope, project));
    }
    for (const site of optionSites) {
      // A library call in a helper whose callers (in other modules) pass the list it checks: judged with it.
      const listed = session ? listParameterOptionPolicies(site, resolver, builder, session) : undefined;
      for (const p of listed ?? builder.optionPolicies(site)) {
        // Options defined in another module in a shape that leaves no doubt are judged there, where the
        // fix goes; reporting them here too would say the same thing twice.
        const definedIn = p.options && foreignModuleOf(p.options);
        if (p.options && definedIn) {
          // (Only where the consumer reads them as `cors` does: another library may mean something else;
          // never for a JSON module, which ESLint does not lint; and only when this run lints that module,
          // else this file is where the defect is seen: run-scope.ts.)
          const defined = definedOptionsLibrary(p.options);
          if (
            defined &&
            sameSemantics(defined, site.library) &&
            !/\.json$/i.test(definedIn.path) &&
            runCovers(definedIn.path) !== false
          ) {
            judgedElsewhere.push(p);
            continue;
          }
          // What is found in these options is placed at the library call that takes them.
          entries?.noteNode(p.options, site.call);
        }
        policies.push(p);
      }
    }
    const judged = new Set(policies.map((p) => p.options).filter(Boolean));
    for (const site of definedOptionSites(input.originObjects ?? [])) {
      if (judged.has(site.argument as TSESTree.ObjectExpression) || claimed.has(site.argument!)) continue;
      // Options a factory returns, the factory called from other modules only: judged with its parameters
      // bound to what those callers pass (helpers.ts), here where the fix goes.
      const factory = session ? returningFunction(site.argument as TSESTree.ObjectExpression) : undefined;
      const bound =
        factory && localCallsOf(factory, resolver).length === 0
          ? optionsFactoryPolicies(site, factory, resolver, builder, session!)
          : undefined;
      policies.push(...(bound ?? builder.optionPolicies(site)));
    }
    policies.push(...builder.unusedAllowlists(input.program));
    // Where the server runs is a fact of every policy the file sets (read once, only for a file with one).
    const server =
      policies.length > 0
        ? serverPlaceOf(
            {
              program: input.program,
              values: { resolve: (n) => resolver.resolve(n) },
              ...(input.project?.file ? { file: input.project.file } : {}),
              ...(session ? { root: session.root, fs: session.fs } : {}),
            },
            (n) => host.text(n),
          )
        : undefined;
    if (server) for (let i = 0; i < policies.length; i++) policies[i] = { ...policies[i]!, server };
    const originChecks = originCheckUses(policies);
    return {
      policies,
      originChecks,
      trustedOrigins,
      judge,
      ...(entries ? { entries } : {}),
      modules: session,
      ...(judgedElsewhere.length > 0 ? { judgedElsewhere } : {}),
    };
  } catch (error) {
    // Odd code shapes must never crash a lint run or produce a guessed finding.
    if (process.env.CORS_GUARD_DEBUG) console.error('[cors-guard] analysis failed:', error);
    return {
      policies: [],
      originChecks: [],
      trustedOrigins,
      judge,
      ...(entries ? { entries } : {}),
      modules: session,
      error,
    };
  }
}

/**
 * A helper's policy judged as written, with its callers in other modules found when first read (a finding's
 * related locations, the map), not while the file is analysed: its verdict does not depend on them, and the
 * search (a reverse import index, a resolution per candidate) is spent only where something shows them.
 */
function withCallersWhenRead(policy: Policy, find: () => readonly TSESTree.CallExpression[]): Policy {
  const out = { ...policy };
  let found: readonly TSESTree.CallExpression[] | undefined;
  Object.defineProperty(out, 'callers', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (found === undefined) {
        try {
          found = find();
        } catch (error) {
          // Odd code shapes in another module never cost the finding itself.
          if (process.env.CORS_GUARD_DEBUG) console.error('[cors-guard] callers not found:', error);
          found = [];
        }
      }
      return found.length > 0 ? found : undefined;
    },
  });
  return out;
}

/** The pattern checks of all policies, one entry per check site (a helper's check serves several policies). */
function originCheckUses(policies: readonly Policy[]): OriginCheckUse[] {
  const uses: { check: PatternCheck; policies: Policy[] }[] = [];
  const bySite = new Map<Node, { check: PatternCheck; policies: Policy[] }[]>();
  for (const policy of policies) {
    for (const check of patternChecksOf(policy)) {
      const atSite = bySite.get(check.node) ?? [];
      bySite.set(check.node, atSite);
      const use = atSite.find((u) => sameCheck(u.check, check));
      if (!use) {
        const created = { check, policies: [policy] };
        atSite.push(created);
        uses.push(created);
      } else if (!use.policies.includes(policy)) use.policies.push(policy);
    }
  }
  return uses;
}

/**
 * Route rules with `cors: true`: `*` (and the other headers it adds) unless the rule's own headers set them.
 * A rule with `cors: true` and no CORS headers of its own is a policy of its own.
 */
function withRouteRules(policies: Policy[], rules: readonly RouteRule[]): Policy[] {
  const out = [...policies];
  for (const rule of rules) {
    if (!rule.corsTrue) continue;
    const at = out.findIndex((p) => p.node === rule.entry);
    const own = at >= 0 ? out[at]! : undefined;
    const written = new Set((own?.headers ?? []).map((h) => h.header.toLowerCase()));
    const node = rule.corsTrue.value as Node;
    const origins: OriginSpec[] = written.has(ACAO.toLowerCase())
      ? []
      : [{ type: 'wildcard', node, implicit: false, becomesReflection: false }];
    const otherHeaders = Object.entries(rule.convention.corsTrueSends)
      .filter(([name]) => name.toLowerCase() !== ACAO && !written.has(name.toLowerCase()))
      .map(([name, value]): ResponseHeader => ({ name, value, when: 'always' }));
    const policy: Policy = own
      ? { ...own, origins: [...own.origins, ...origins], otherHeaders: [...own.otherHeaders, ...otherHeaders] }
      : {
          kind: 'headers',
          node: rule.entry,
          origins,
          credentials: { allowed: false },
          headers: [],
          varyOrigin: false,
          otherHeaders,
        };
    if (at >= 0) out[at] = policy;
    else out.push(policy);
  }
  return out;
}

/** Whether two libraries read options the same way (options judged where defined, read by a consumer). */
function sameSemantics(defined: LibraryId, library: LibraryId): boolean {
  const a = LIBRARIES[library];
  const b = LIBRARIES[defined];
  return (
    a.defaultOrigin === b.defaultOrigin &&
    a.wildcardWithCredentials === b.wildcardWithCredentials &&
    a.wildcardReflects === b.wildcardReflects &&
    a.originFunction === b.originFunction &&
    a.originOption === b.originOption
  );
}

function bindingsAt(resolver: ValueResolver, fn: FunctionNode, call: TSESTree.CallExpression) {
  const args = call.arguments.map((a) => (a.type === 'SpreadElement' ? undefined : resolver.resolve(a)));
  return resolver.bind(fn, args);
}

/** `setCorsHeaders(res, origin)` / `corsHeaders(origin)` with the helper in another module. */
function foreignHelperPolicies(
  call: TSESTree.CallExpression,
  resolver: ValueResolver,
  builder: PolicyBuilder,
): Policy[] {
  const fns = resolver.resolve(call.callee);
  const only = fns.length === 1 ? fns[0] : undefined;
  if (only?.kind !== 'function') return [];
  const fn = only.fn;
  const module = foreignModuleOf(fn);
  if (!module || fn.params.length === 0) return [];
  const sitesIn = (group: FunctionNode): HeaderSite[] => {
    const sites: HeaderSite[] = [];
    for (const nameNode of module.headerNames) {
      if (nameNode.range[0] < group.range[0] || nameNode.range[1] > group.range[1]) continue;
      const name = nameNode.type === 'Identifier' ? nameNode.name : stringLiteralValue(nameNode);
      const header = name === undefined ? undefined : headerNameOf(name);
      if (!header) continue;
      for (const site of headerSitesOf(nameNode, header, resolver)) if (site.group === group) sites.push(site);
    }
    return sites;
  };
  const bindings = bindingsAt(resolver, fn, call);
  let sites = sitesIn(fn);
  if (sites.length === 0) {
    // A factory (`module.exports = (list) => (req, res, next) => { ... }`): the middleware it returns sets
    // the headers, with the factory's parameters bound to this call's arguments.
    for (const r of resolver.returnsOf(fn)) {
      const inner = unwrapNode(r);
      if (isFunction(inner)) sites = sitesIn(inner);
      if (sites.length > 0) break;
    }
  }
  if (sites.length === 0) return [];
  resolver.modules?.entries.noteNode(fn, call);
  // Only what the call brings in (a reflected argument) is new here: a literal `*` or `null` in the helper
  // is the helper module's own finding, made when that module is linted.
  // Request data the helper reads itself (`getRequestHeader(event, 'origin')` with the event passed in) and
  // sends back unchecked is the helper's finding, whoever calls it (its own lint reports it as written).
  const home = programOf(fn);
  const unchecked = (o: OriginSpec) => o.type === 'reflect' && o.guard.all.every((c) => c.kind === 'useless');
  const own = new Set<Node>();
  for (const p of builder.headerPolicies(sites, [], undefined, call)) {
    for (const o of p.origins) if (o.type === 'reflect' && o.source && unchecked(o)) own.add(o.source);
  }
  const helpersOwn = (o: OriginSpec) =>
    o.type === 'reflect' && !!o.source && programOf(o.source) === home && own.has(o.source) && unchecked(o);
  const policies = builder.headerPolicies(sites, [], bindings, call).map((p) => ({
    ...p,
    origins: p.origins.filter((o) => o.type === 'reflect' && !helpersOwn(o)),
  }));
  // A helper judged in its own file (helpers.ts) sees this call's defect too: where it is reported (there,
  // once, or here, when the helper's file is not linted or this call alone makes it unsafe) is decided when
  // reporting (placement.ts), by what the helper's own lint finds.
  return policies;
}
