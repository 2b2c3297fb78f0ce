/**
 * The policy model: for each place a file sets CORS (a handler's headers, a library's options), what it
 * allows: the Access-Control-Allow-Origin forms it can send, whether credentials go with them, and the
 * source locations of each part. Rules, fixes and hovers all read this; `policy.ts` builds it.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Node } from './ast';
import type { RegexCheck } from './checks/checks';
import type { GuardSummary } from './checks/guards';
import type { LibrarySemantics, Release } from './sites/frameworks';
import type { ProjectVersion } from './sites/releases';
import type { HeaderSite } from './sites/sites';
import type { Value } from './values/values';

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
  /** `why`: what the value is, when CORS Guard knows it is set only at run time (Firebase params). */
  | { readonly type: 'unknown'; readonly node: Node; readonly why?: string };

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
  /** On because the library's default says so (`defaultCredentials`), not because the options do. */
  readonly byDefault?: true;
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
  /**
   * A helper of the linted file judged as written (its headers do not depend on what callers pass): its
   * calls in other modules, listed with its finding, which is reported once, here (placement.ts).
   */
  readonly callers?: readonly TSESTree.CallExpression[];
  /** A helper judged where it lives: why its parameter is the request's Origin, and its callers (helpers.ts). */
  readonly helper?: HelperJudgement;
  /**
   * What the platform does with these headers, in a sentence (a deployment file's route and what overrides
   * it; a cloud construct's is its library row's `platformNote`): shown by the hover and the map.
   */
  readonly platformNote?: string;
  /** Where the server that sends this policy runs, when the file shows it runs on the user's machine. */
  readonly server?: LocalServer;
}

/**
 * A server that runs on the user's own machine (local-server.ts): bound to a loopback address, or local by
 * its role (an MCP server over HTTP, a dev-server hook, a package's `bin`). On such a server every website
 * the user visits is a possible caller, so `*` is no longer "public data".
 */
export interface LocalServer {
  /** The code that shows it (the listen call, the transport, the hook). */
  readonly node: Node;
  /** How it is known, as a phrase: `listens on 127.0.0.1`, `is a vite dev-server middleware`. */
  readonly how: string;
  /** The routes or tools it serves, most dangerous first (`POST /tools/run`, the MCP tool `run_command`). */
  readonly routes: readonly string[];
  /**
   * A check that turns other callers away whatever CORS says (a token the page cannot know, an exact
   * Origin allowlist that answers 403, the MCP SDK's `allowedOrigins`): where it is and what it is.
   */
  readonly gate?: { readonly node: Node; readonly what: string };
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

/**
 * A reflected origin (the request's Origin unless `source` says which request data). For the builders
 * (`policy.ts`, `option-policies.ts`, `origin-functions.ts`), not re-exported from `policy.ts`.
 */
export function reflectSpec(node: Node, via: ReflectVia, guard: GuardSummary, source?: Value): OriginSpec {
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

/** What a literal origin string allows: `*`, `null` or one fixed origin. For the builders, like `reflectSpec`. */
export function literalOriginSpec(value: string, node: Node): OriginSpec {
  const trimmed = value.trim();
  if (trimmed === '*') return { type: 'wildcard', node, implicit: false, becomesReflection: false };
  if (trimmed === 'null') return { type: 'null', node };
  return { type: 'fixed', node, value };
}
