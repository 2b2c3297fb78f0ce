/**
 * The CORS map: one entry per policy a file sets, with who gets in, whether cookies go along and the
 * verdict, all read from `assessPolicy()` / `decide()` (the evaluator the rules report from) and worded
 * by `explainPolicy()`. Plain data: the CLI writes it as JSON, Markdown or HTML, the editor shows it.
 */
import {
  EXAMPLE_ATTACKER,
  PLACEHOLDER_ORIGIN,
  assessPolicy,
  decide,
  explainPolicy,
  isPatternCheck,
  patternChecksOf,
  type AssessmentReason,
  type Check,
  type PatternCheck,
  type FileModel,
  type Level,
  type Node,
  type OriginSpec,
  type Policy,
  type Readability,
  type Release,
  releaseNote,
} from '../analysis';
import { foreignModuleOf } from '../analysis/values/locations';
import { isAbsolute, relative } from 'node:path';
import { memberPackageOf, type MemberPackage } from '../analysis/values/workspaces';
import {
  listedAtSetting,
  listedWithList,
  listJudgedElsewhere,
  nodesJudgedByPolicies,
  policySetting,
} from '../analysis/placement';

/** Which origin a simulated response was computed for. */
export type OriginRole = 'trusted' | 'allowed' | 'witness' | 'null' | 'attacker';

export interface MapResponse {
  readonly origin: string;
  readonly role: OriginRole;
  /** Access-Control-Allow-Origin as sent (`null` when absent; `<…>` when computed at run time). */
  readonly allowOrigin: string | null;
  /** Whether Access-Control-Allow-Credentials: true goes with it (`null`: unknown). */
  readonly credentials: boolean | null;
  readonly readable: Readability;
}

export interface MapRelated {
  readonly file: string;
  readonly line: number;
  readonly note: string;
}

/** One policy site. The JSON report's shape: see docs/map.schema.json. */
export interface MapPolicy {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** `options`: a CORS library's configuration; `headers`: headers set by hand. */
  readonly kind: Policy['kind'];
  /** The CORS library (`cors`, `@fastify/cors`, …), `null` for headers set by hand. */
  readonly library: string | null;
  /** Who gets in, in words. */
  readonly allows: string;
  readonly credentials: boolean | null;
  readonly verdict: Level;
  readonly reason: AssessmentReason;
  /** An origin that gets in, when the verdict is `unsafe`. */
  readonly witness: string | null;
  /** The rule of the recommended preset that reports this policy (`unsafe` / `broken`). */
  readonly rule: string | null;
  /** The verdict in a sentence (as the hover says it). */
  readonly summary: string;
  readonly related: readonly MapRelated[];
  /** The simulated responses to trusted origins, the witness, `null` and `https://evil.example`. */
  readonly responses: readonly MapResponse[];
  /** The library release the verdict depends on (a `versions` row of the framework table), else null. */
  readonly release?: MapRelease | null;
  /** The workspace package whose file sets the policy (absent outside a workspace). */
  readonly package?: MemberPackage;
  /** When the server runs on the user's machine: how that is known (`listens on 127.0.0.1`), else null. */
  readonly local?: string | null;
}

export interface MapRelease {
  readonly package: string;
  readonly version: string | null;
  readonly range: string | null;
  readonly source: Release['source'];
  readonly certainty: Release['certainty'];
  readonly releases: string;
  readonly advisory: string | null;
  readonly fixedIn: string | null;
  readonly note: string;
}

/** The release a policy's verdict depends on: one its origin settings say they come from. */
export function releaseOfPolicy(policy: Policy): Release | undefined {
  const fromSpec = policy.origins.find(
    (s): s is OriginSpec & { release: Release } => (s.type === 'reflect' || s.type === 'wildcard') && !!s.release,
  );
  return fromSpec?.release;
}

function mapRelease(release: Release | undefined): MapRelease | null {
  if (!release) return null;
  return {
    package: release.package,
    version: release.version ?? null,
    range: release.range ?? null,
    source: release.source,
    certainty: release.certainty,
    releases: release.row.releases,
    advisory: release.row.advisory ?? null,
    fixedIn: release.row.fixedIn ?? null,
    note: releaseNote(release),
  };
}

export interface PolicyMap {
  readonly policies: readonly MapPolicy[];
}

const RULE_OF: Partial<Record<AssessmentReason, string>> = {
  local: 'cors-guard/no-exposed-local-server',
  'any-origin': 'cors-guard/no-origin-reflection',
  check: 'cors-guard/no-unsafe-origin-check',
  null: 'cors-guard/no-null-origin',
  'wildcard-credentials': 'cors-guard/no-wildcard-with-credentials',
};

/**
 * Where a policy is set: the library call, or the Access-Control-Allow-Origin setter (else the first
 * header). Headers set by a helper of another module are placed at the call in the linted file that runs
 * the helper: the map lists the linted file's policies, and a line of the helper's file would name a line
 * of the linted file that has nothing to do with CORS (and two calls would share one place).
 */
export function policySite(policy: Policy): Node {
  if (policy.kind === 'options') return policy.call ?? policy.node;
  const acao = policy.headers.find((h) => h.header === 'access-control-allow-origin') ?? policy.headers[0];
  const site = acao?.node ?? policy.node;
  if (foreignModuleOf(site) && policy.call && !foreignModuleOf(policy.call)) return policy.call;
  return site;
}

/**
 * How another module's path is shown in a related line (the linted file's `file` is already shown):
 * the CLI passes paths relative to its working folder, the editor absolute ones.
 */
export type DisplayPath = (absolutePath: string) => string;

/** The map entries of one linted file (`file`: the name the report shows). */
export function mapEntriesOf(model: FileModel, file: string, displayPath: DisplayPath = (p) => p): MapPolicy[] {
  return mappedPoliciesOf(model, file, displayPath).map((m) => m.entry);
}

/**
 * Each listed policy with its entry, sorted by site. One entry per site and answer: the same policy
 * reached twice (a helper judged per call, an options object reached from two places) is listed once.
 */
export function mappedPoliciesOf(
  model: FileModel,
  file: string,
  displayPath: DisplayPath = (p) => p,
): { policy: Policy; entry: MapPolicy }[] {
  if (model.error) return [];
  const out: { policy: Policy; entry: MapPolicy }[] = [];
  const seen = new Set<string>();
  const judged = nodesJudgedByPolicies(model);
  for (const policy of model.policies) {
    // A policy set in another module is listed there, once, with its callers (analysis/placement.ts).
    if (listedAtFixLocation(policy, model)) continue;
    // One defect, one entry, whatever the list is called: a list this file exports and a helper here
    // checks is listed with the helper's policy; a helper whose defect is a list another module lists is
    // listed there.
    if (policy.kind === 'allowlist' && listJudgedElsewhere(policy, judged)) continue;
    if (policy.kind !== 'allowlist' && safely(() => listedWithList(policy, model)) === true) continue;
    const entry = safely(() => mapEntryOf(policy, model.trustedOrigins, file, displayPath));
    if (!entry) continue;
    const key = `${entry.line}:${entry.column}:${entry.allows}:${entry.verdict}:${entry.credentials}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ policy, entry });
  }
  return out.sort((a, b) => a.entry.line - b.entry.line || a.entry.column - b.entry.column);
}

/**
 * Whether a policy of this file's model is set in another module whose own entry lists it: the header
 * setter (or the options) lies there, that module is linted and its own model holds the same setting for a
 * use at least as dangerous.
 */
function listedAtFixLocation(policy: Policy, model: FileModel): boolean {
  const site = policySetting(policy);
  const module = site && foreignModuleOf(site);
  return !!module && safely(() => listedAtSetting(policy, module, model)) === true;
}

/**
 * The entry with the workspace package of the file that sets it (`absoluteFile`), when the project mapped
 * (`projectRoot`: the CLI's folder, the editor's workspace folder) holds the workspace's root: a project
 * inside a larger repository's workspace (a fixture, one app opened alone) reads as a project of its own.
 */
export function withPackage<T extends MapPolicy>(entry: T, absoluteFile: string, projectRoot: string | undefined): T {
  const found = safely(() => memberPackageOf(absoluteFile));
  if (!found || projectRoot === undefined) return entry;
  const inside = relative(projectRoot, found.root);
  if (inside.startsWith('..') || isAbsolute(inside)) return entry;
  return { ...entry, package: found.member };
}

/** An odd policy shape must never stop a lint run (the rules stay silent on what the model can't read). */
export function safely<T>(make: () => T): T | undefined {
  try {
    return make();
  } catch (error) {
    if (process.env['CORS_GUARD_DEBUG']) console.error('[cors-guard] map entry failed:', error);
    return undefined;
  }
}

export function mapEntryOf(
  policy: Policy,
  trustedOrigins: readonly string[],
  file: string,
  displayPath: DisplayPath = (p) => p,
): MapPolicy {
  const assessment = assessPolicy(policy, trustedOrigins);
  const explanation = explainPolicy(policy, trustedOrigins);
  const site = policySite(policy).loc;
  const credentials = policy.credentials.allowed;
  const witness = assessment.level === 'unsafe' ? (assessment.witness ?? null) : null;
  return {
    file,
    line: site.start.line,
    column: site.start.column + 1,
    endLine: site.end.line,
    endColumn: site.end.column + 1,
    kind: policy.kind,
    library: policy.library?.packageName ?? null,
    allows: allowsOf(policy, assessment.reason),
    credentials: credentials === 'unknown' ? null : credentials,
    verdict: assessment.level,
    reason: assessment.reason,
    witness,
    rule: assessment.level === 'unsafe' || assessment.level === 'broken' ? (RULE_OF[assessment.reason] ?? null) : null,
    summary: explanation.verdict.replace(/`/g, ''),
    related: relatedOf(policy, witness, file, displayPath),
    responses: responsesOf(policy, trustedOrigins, assessment.allowedOrigin, witness),
    release: mapRelease(releaseOfPolicy(policy)),
    ...(policy.server ? { local: policy.server.how } : {}),
  };
}

function responsesOf(
  policy: Policy,
  trustedOrigins: readonly string[],
  allowedOrigin: string | undefined,
  witness: string | null,
): MapResponse[] {
  const subjects: [string, OriginRole][] = [];
  const exact = trustedOrigins.filter((o) => !o.includes('*'));
  for (const o of exact) subjects.push([o, 'trusted']);
  if (allowedOrigin && !exact.includes(allowedOrigin)) subjects.push([allowedOrigin, 'allowed']);
  if (witness && witness !== 'null' && witness !== EXAMPLE_ATTACKER) subjects.push([witness, 'witness']);
  subjects.push(['null', 'null'], [EXAMPLE_ATTACKER, 'attacker']);
  return subjects.map(([origin, role]) => {
    const d = decide(policy, origin);
    const allowOrigin =
      d.allowOrigin.kind === 'value'
        ? d.allowOrigin.value
        : d.allowOrigin.kind === 'unknown'
          ? `<${d.allowOrigin.why}>`
          : null;
    return {
      origin,
      role,
      allowOrigin,
      credentials: d.credentials === 'unknown' ? null : d.credentials,
      readable: d.readable,
    };
  });
}

/** Who gets in, in words: an exact list, a pattern, any origin, `null`, none. */
export function allowsOf(policy: Policy, reason: AssessmentReason): string {
  const parts = allowsPartsOf(policy, reason);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/** Who gets in, one part per origin, pattern or check (what `allowsOf` joins; the diff compares them). */
export function allowsPartsOf(policy: Policy, reason: AssessmentReason): string[] {
  if (reason === 'any-origin' || reason === 'reflect-public')
    return ["any origin (the request's Origin sent back unchecked)"];
  const parts: string[] = [];
  const add = (s: string) => {
    // An empty value (`{}` where no header is sent) allows no one: nothing to list.
    if (s !== '' && !parts.includes(s)) parts.push(s);
  };
  const addCheck = (c: Check) => {
    if (c.kind === 'exact') {
      for (const v of c.allowed)
        add(v.kind === 'literal' ? originWords(String(v.value)) : 'values CORS Guard cannot read');
    } else if (isPatternCheck(c)) add(patternWords(c));
    else if (c.kind === 'useless') add('any origin (its check lets every origin through)');
    else if (c.kind === 'opaque') add('origins a check CORS Guard cannot see into accepts');
    else if (c.kind === 'length') add(`origins whose length is ${c.op} ${c.n}`);
  };
  const visit = (spec: OriginSpec) => {
    switch (spec.type) {
      case 'wildcard':
        if (spec.whenOriginAbsent) return;
        add(spec.becomesReflection ? "any origin (*, sent back as the request's Origin)" : 'any origin (*)');
        return;
      case 'null':
        add('null');
        return;
      case 'fixed':
        add(originWords(spec.value));
        return;
      case 'list':
        spec.members.forEach(visit);
        return;
      case 'regexp':
        add(spec.check.wildcard !== undefined ? `pattern ${spec.check.wildcard}` : patternWords(spec.check));
        return;
      case 'reflect': {
        if (spec.guard.strength === 'none') {
          add("any origin (the request's Origin sent back unchecked)");
          return;
        }
        // Each path is a conjunction: `if (origin && ALLOWED.has(origin))` allows what the allowlist names.
        for (const path of spec.guard.paths) {
          if (path.some((c) => c.kind === 'absent')) continue;
          const meaningful = path.filter((c) => c.kind !== 'useless');
          if (meaningful.length === 0) {
            add('any origin (its check lets every origin through)');
            continue;
          }
          // `if (process.env.ALLOW_ALL_CORS) return callback(null, true)`: every origin, where that is set.
          const switches = meaningful.filter((c) => c.kind === 'switch');
          if (switches.length === meaningful.length) {
            add(`any origin when ${switches.map((c) => c.variable).join(' and ')} is set`);
            continue;
          }
          const exact = meaningful.filter((c) => c.kind === 'exact');
          (exact.length > 0 ? exact : meaningful.filter((c) => c.kind !== 'switch')).forEach(addCheck);
        }
        return;
      }
      case 'unknown':
        add('origins CORS Guard cannot read');
    }
  };
  policy.origins.forEach(visit);
  return parts;
}

/** An allowed origin; the suggested fixes' placeholder says it still has to be filled in. */
function originWords(origin: string): string {
  return origin === PLACEHOLDER_ORIGIN ? `${origin} (a placeholder: replace it with your origins)` : origin;
}

function patternWords(c: PatternCheck): string {
  switch (c.kind) {
    case 'regex':
      return c.wildcard !== undefined ? `pattern ${c.wildcard}` : `pattern /${c.pattern}/${c.flags}`;
    case 'string': {
      const arg = c.argument === undefined ? '…' : JSON.stringify(c.argument);
      return `origins whose ${c.onHostname ? 'host' : 'origin'} ${c.method} ${arg}`;
    }
    case 'within':
      return c.haystack === undefined
        ? 'origins found inside a string'
        : `origins found inside ${JSON.stringify(c.haystack.slice(0, 80))}`;
  }
}

function relatedOf(policy: Policy, witness: string | null, file: string, displayPath: DisplayPath): MapRelated[] {
  const siteNode = policySite(policy);
  const site = siteNode.loc.start.line;
  const siteFile = fileOf(siteNode, file, displayPath);
  const out: MapRelated[] = [];
  const add = (node: Node | undefined, note: string, evenOnSiteLine = false) => {
    if (!node) return;
    const line = node.loc.start.line;
    // A line of another module names that module's file.
    const where = fileOf(node, file, displayPath);
    if (line === site && where === siteFile && !evenOnSiteLine) return;
    // In another file, one note per line: a caller's line is where it reads the request's Origin too.
    if (where !== file && out.some((r) => r.file === where && r.line === line)) return;
    if (!out.some((r) => r.file === where && r.line === line && r.note === note)) out.push({ file: where, line, note });
  };
  for (const call of policy.helper?.callers ?? []) add(call, "a caller passing the request's Origin");
  for (const call of policy.callers ?? []) add(call, 'a caller (the same policy applies there)');
  for (const spec of policy.origins) {
    if (spec.type === 'reflect') add(spec.source ?? spec.node, "where the request's Origin is read");
    else add(spec.node, 'the origin setting');
  }
  if (policy.credentials.allowed !== false) add(policy.credentials.node, 'credentials switched on');
  if (witness) {
    for (const check of patternChecksOf(policy)) {
      if (check.matcher?.verify(witness)) add(check.node, `the origin check that lets ${witness} in`, true);
    }
  }
  if (policy.kind === 'headers') {
    const acao = policy.headers.find((h) => h.header === 'access-control-allow-origin');
    if (acao && foreignModuleOf(acao.node)) add(acao.node, 'where the helper sets Access-Control-Allow-Origin');
  }
  // This file's lines first, then each other file's.
  return out.sort((a, b) => Number(a.file !== file) - Number(b.file !== file) || a.line - b.line);
}

function fileOf(node: Node, file: string, displayPath: DisplayPath): string {
  const module = foreignModuleOf(node);
  return module ? displayPath(module.path) : file;
}
