/**
 * THE question every consumer asks: what does this policy send back to a request from origin X, and do
 * the user's cookies go with it? `decide()` answers it from the model (origin specs, the checks on their
 * paths, credentials, the other response headers) with why (the spec, check or allowlist entry that let
 * the origin in) and where (their nodes). Rules, quick-fix proofs, hovers and the map all read it.
 */
import type { Node } from './ast';
import {
  checkAdmits,
  isPatternCheck,
  sameCheck,
  type Check,
  type CheckAnswer,
  type PatternCheck,
} from './checks/checks';
import type { GuardSummary } from './checks/guards';
import { EXAMPLE_ATTACKER, PLACEHOLDER_ORIGIN } from './checks/origins';
import type { OriginSpec, Policy } from './policy';
import type { Finding } from './checks/witness';

export type RequestKind = 'preflight' | 'request';

export type AllowOrigin =
  | { readonly kind: 'value'; readonly value: string; readonly reflected: boolean }
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown'; readonly why: string };

/** What a page on the origin can do with the response. */
export type Readability = 'with-cookies' | 'without-cookies' | 'no' | 'rejected' | 'unknown';

/** One way the policy answers the origin with an Access-Control-Allow-Origin that lets it read. */
export interface Admission {
  /** The origin setting that sends the header. */
  readonly spec: OriginSpec;
  /** Whether the header is the request's own origin sent back (not a fixed value or `*`). */
  readonly reflected: boolean;
  /** In a list: the element that matched. */
  readonly member?: OriginSpec;
  /** The checks on the path that let the origin through (empty: nothing checked it). */
  readonly checks: readonly Check[];
  /** An allowlist entry, or a fixed value, equal to the origin. */
  readonly entry?: Node;
}

export interface Decision {
  readonly origin: string;
  readonly request: RequestKind;
  readonly allowOrigin: AllowOrigin;
  readonly credentials: boolean | 'unknown';
  readonly readable: Readability;
  /** Every way the policy lets the origin read (on different code paths); empty when it can't. */
  readonly admissions: readonly Admission[];
  /** The response headers, as sent; a value in angle brackets is computed at run time. */
  readonly headers: readonly (readonly [string, string])[];
}

type SpecAnswer =
  | { readonly kind: 'value'; readonly value: string; readonly admission?: Admission }
  | { readonly kind: 'reflect'; readonly admission: Admission }
  | { readonly kind: 'unknown'; readonly why: string }
  | undefined;

const COMPUTED = (what: string) => `<${what}>`;

/**
 * What the policy's opt-in switches (`if (process.env.ALLOW_ALL_CORS)`) are taken to do: `none` when it has
 * none. When the policy has a way to answer without any switch (`callback(null, ALLOWED.has(origin))` beside
 * the switch), the switched paths run only in deployments that set the variable: what they let in depends on
 * the deployment (`unknown`). When every way the policy answers is switched (`if (process.env.CORS) {
 * reflect }`), the switch turns CORS on as a whole: its paths are the policy, and are judged as run (`on`).
 */
type Switches = 'none' | 'on' | 'unknown';

const switchModes = new WeakMap<Policy, Switches>();

function switchesOf(policy: Policy): Switches {
  let mode = switchModes.get(policy);
  if (!mode) {
    // Per setting (list members flattened): whether any path is switched, whether some path is not.
    let switched = false;
    let unswitched = false;
    const visit = (spec: OriginSpec): void => {
      if (spec.type === 'list') return spec.members.forEach(visit);
      if (spec.type !== 'reflect' || spec.guard.strength === 'none') {
        unswitched = true;
        return;
      }
      for (const path of spec.guard.paths) {
        if (path.some((c) => c.kind === 'switch')) switched = true;
        else unswitched = true;
      }
    };
    policy.origins.forEach(visit);
    mode = !switched ? 'none' : unswitched ? 'unknown' : 'on';
    switchModes.set(policy, mode);
  }
  return mode;
}

/**
 * The response `policy` gives a `request` from `origin`. `switchesOn` asks what a deployment that sets
 * every opt-in switch gets (the strict preset's question).
 */
export function decide(policy: Policy, origin: string, request: RequestKind = 'request', switchesOn = false): Decision {
  const switches = switchesOn ? 'on' : switchesOf(policy);
  const answers = policy.origins.map((spec) => answerOf(spec, origin, switches)).filter((a) => a !== undefined);
  const admissions: Admission[] = [];
  for (const a of answers) {
    if (a.kind === 'reflect') admissions.push(a.admission);
    else if (a.kind === 'value' && a.admission) admissions.push(a.admission);
  }
  let allowOrigin: AllowOrigin;
  const reflect = answers.find((a) => a.kind === 'reflect');
  const unknown = answers.find((a) => a.kind === 'unknown');
  const value = answers.find((a) => a.kind === 'value');
  if (reflect) allowOrigin = { kind: 'value', value: origin, reflected: true };
  else if (unknown?.kind === 'unknown') allowOrigin = { kind: 'unknown', why: unknown.why };
  else if (value?.kind === 'value') allowOrigin = { kind: 'value', value: value.value, reflected: false };
  else allowOrigin = { kind: 'none' };

  const denied = deniedByFunction(policy, allowOrigin);
  const credentials = denied ? false : policy.credentials.allowed;
  return {
    origin,
    request,
    allowOrigin,
    credentials,
    readable: readabilityOf(allowOrigin, origin, credentials),
    admissions,
    headers: denied
      ? policy.library?.varyWhenDenied
        ? [['Vary', 'Origin']]
        : []
      : responseHeaders(policy, allowOrigin, request),
  };
}

/**
 * Whether a library skips CORS altogether for this answer: its origin function said no, and the library
 * then sends no CORS headers (`cors`, `@fastify/cors`, the Koa packages), not even credentials.
 */
function deniedByFunction(policy: Policy, acao: AllowOrigin): boolean {
  if (
    acao.kind !== 'none' ||
    policy.kind !== 'options' ||
    policy.library?.credentialsAlone !== 'unless-callback-denies'
  )
    return false;
  return (
    policy.origins.length > 0 &&
    policy.origins.every((s) => s.type === 'reflect' && (s.via === 'callback' || s.via === 'callback-returns'))
  );
}

function readabilityOf(acao: AllowOrigin, origin: string, credentials: boolean | 'unknown'): Readability {
  if (acao.kind === 'unknown') return 'unknown';
  if (acao.kind === 'none') return 'no';
  if (acao.value === '*') return credentials === true ? 'rejected' : 'without-cookies';
  if (acao.value !== origin) return 'no';
  return credentials === true ? 'with-cookies' : credentials === 'unknown' ? 'unknown' : 'without-cookies';
}

/** What one origin setting sends to `origin` (undefined: it does not apply to a request with an Origin). */
function answerOf(spec: OriginSpec, origin: string, switches: Switches): SpecAnswer {
  switch (spec.type) {
    case 'wildcard':
      if (spec.whenOriginAbsent) return undefined;
      if (spec.becomesReflection) return { kind: 'reflect', admission: { spec, reflected: true, checks: [] } };
      return { kind: 'value', value: '*', admission: { spec, reflected: false, checks: [] } };
    case 'null':
    case 'fixed': {
      const value = spec.type === 'null' ? 'null' : spec.value;
      if (value !== origin) return { kind: 'value', value };
      return { kind: 'value', value, admission: { spec, reflected: false, checks: [], entry: spec.node } };
    }
    case 'unknown':
      return { kind: 'unknown', why: spec.why ?? 'an origin value CORS Guard cannot read' };
    default: {
      const m = memberAdmits(spec, origin, switches);
      if (m.admits === undefined)
        return { kind: 'unknown', why: 'a check or allowlist entry CORS Guard cannot evaluate' };
      if (!m.admits) return undefined;
      return { kind: 'reflect', admission: { checks: [], ...m.admission, spec, reflected: true } };
    }
  }
}

interface MemberAnswer {
  readonly admits: boolean | undefined;
  readonly admission?: Omit<Admission, 'spec' | 'reflected'>;
}

/** Whether a setting that sends back the request's origin does so for `origin`. */
function memberAdmits(spec: OriginSpec, origin: string, switches: Switches): MemberAnswer {
  switch (spec.type) {
    case 'fixed': {
      // Elysia compares an entry without a scheme (`example.com`) with the origin minus its scheme (src).
      const subject = spec.schemeless ? origin.replace(/^[a-z][a-z0-9+.-]*:\/\//, '') : origin;
      return spec.value === subject ? { admits: true, admission: { checks: [], entry: spec.node } } : { admits: false };
    }
    case 'null':
      return origin === 'null' ? { admits: true, admission: { checks: [], entry: spec.node } } : { admits: false };
    case 'wildcard':
      // Only a library that reflects `*` in a list (hapi) keeps it as a list element.
      return { admits: true, admission: { checks: [] } };
    case 'regexp': {
      const a = checkAdmits(spec.check, origin).admits;
      return a ? { admits: true, admission: { checks: [spec.check] } } : { admits: a };
    }
    case 'reflect':
      return guardAdmits(spec.guard, origin, switches);
    case 'list': {
      let unknown = false;
      for (const member of spec.members) {
        const m = memberAdmits(member, origin, switches);
        if (m.admits) return { admits: true, admission: { checks: [], ...m.admission, member } };
        if (m.admits === undefined) unknown = true;
      }
      return { admits: unknown ? undefined : false };
    }
    case 'unknown':
      return { admits: undefined };
  }
}

/** Whether `origin` passes a guard: every check of one of its paths admits it. */
function guardAdmits(guard: GuardSummary, origin: string, switches: Switches): MemberAnswer {
  if (guard.strength === 'none') return { admits: true, admission: { checks: [] } };
  let unknown = false;
  for (const path of guard.paths) {
    let pathAdmits: boolean | undefined = true;
    let entry: Node | undefined;
    for (const check of path) {
      const a: CheckAnswer =
        check.kind === 'switch' && switches === 'on' ? { admits: true } : checkAdmits(check, origin);
      if (a.admits === false) {
        pathAdmits = false;
        break;
      }
      if (a.admits === undefined) pathAdmits = undefined;
      entry ??= a.entry;
    }
    if (pathAdmits) return { admits: true, admission: { checks: path, ...(entry ? { entry } : {}) } };
    if (pathAdmits === undefined) unknown = true;
  }
  return { admits: unknown ? undefined : false };
}

function responseHeaders(policy: Policy, acao: AllowOrigin, request: RequestKind): [string, string][] {
  const headers: [string, string][] = [];
  if (acao.kind === 'unknown') headers.push(['Access-Control-Allow-Origin', COMPUTED(acao.why)]);
  else if (acao.kind === 'value') headers.push(['Access-Control-Allow-Origin', acao.value]);
  const credentials = policy.credentials.allowed;
  if (credentials === true) headers.push(['Access-Control-Allow-Credentials', 'true']);
  else if (credentials === 'unknown') headers.push(['Access-Control-Allow-Credentials', COMPUTED('sometimes true')]);
  for (const h of policy.otherHeaders) {
    if (h.when !== 'always' && h.when !== request) continue;
    headers.push([h.name, h.value ?? COMPUTED(h.computed ?? 'computed')]);
  }
  if (policy.kind === 'options' && acao.kind === 'value' && acao.value !== '*') headers.push(['Vary', 'Origin']);
  return headers;
}

// ---------------------------------------------------------------------------------------------------
// Judgements built on decide(): the questions rules, hovers and the map share

/** The pattern checks that decide who a policy lets in (its regexes, list patterns and guards). */
export function patternChecksOf(policy: Policy): PatternCheck[] {
  const out: PatternCheck[] = [];
  const add = (c: PatternCheck) => {
    if (!out.some((o) => sameCheck(o, c))) out.push(c);
  };
  const visit = (spec: OriginSpec) => {
    if (spec.type === 'regexp') add(spec.check);
    else if (spec.type === 'list') spec.members.forEach(visit);
    else if (spec.type === 'reflect') for (const c of spec.guard.all) if (isPatternCheck(c)) add(c);
  };
  policy.origins.forEach(visit);
  return out;
}

/** Whether an admission passed through `check` (or through no pattern check at all when `check` is undefined). */
export function admittedThrough(admission: Admission, check?: PatternCheck): boolean {
  if (!check) return !admission.checks.some(isPatternCheck);
  // The same check site may be compiled once per path it guards: compare sites.
  return admission.checks.some((c) => sameCheck(c, check));
}

/** A finding of a check's verdict that really gets through this policy, by decide(). */
export interface ConfirmedWitness {
  readonly check: PatternCheck;
  readonly finding: Finding;
  readonly decision: Decision;
}

/** The witnesses of `check` that reach Access-Control-Allow-Origin through `policy`. */
export function confirmedWitnesses(
  policy: Policy,
  check: PatternCheck,
  findings: readonly Finding[],
): ConfirmedWitness[] {
  const out: ConfirmedWitness[] = [];
  for (const finding of findings) {
    const decision = decide(policy, finding.witness);
    if (decision.admissions.some((a) => admittedThrough(a, check))) out.push({ check, finding, decision });
  }
  return out;
}

/** The admissions of an origin any website can send (`https://evil.example`) that no pattern check passed. */
export function unconditionalAdmissions(policy: Policy): readonly Admission[] {
  return decide(policy, EXAMPLE_ATTACKER).admissions.filter(
    (a) => a.reflected && admittedThrough(a) && !isPublicWildcard(a, policy),
  );
}

/**
 * What a deployment that sets the policy's opt-in switches sends to any website, when a switch lets every
 * origin in, unchecked, beside an origin check (`if (process.env.ALLOW_ALL_CORS) return callback(null, true)`):
 * that decision and those admissions. Undefined when the policy has no such path, or when the switch turns
 * CORS on as a whole (then decide() already judges its paths as run).
 */
export function switchedAllowAll(policy: Policy): { decision: Decision; admissions: readonly Admission[] } | undefined {
  if (switchesOf(policy) !== 'unknown') return undefined;
  const decision = decide(policy, EXAMPLE_ATTACKER, 'request', true);
  const admissions = decision.admissions.filter(
    (a) =>
      a.reflected && a.checks.some((c) => c.kind === 'switch') && admittedThrough(a) && !isPublicWildcard(a, policy),
  );
  return admissions.length > 0 ? { decision, admissions } : undefined;
}

/** The opt-in switches of an admission (`process.env.ALLOW_ALL_CORS`). */
export function switchesIn(admission: Admission): readonly (Check & { kind: 'switch' })[] {
  return admission.checks.filter((c): c is Check & { kind: 'switch' } => c.kind === 'switch');
}

/**
 * A `*` the library answers with the request's origin (hapi), with credentials off: any website reads
 * cookie-less responses, exactly as with `Access-Control-Allow-Origin: *`, which the author wrote.
 */
export function isPublicWildcard(a: Admission, policy: Policy): boolean {
  return (a.member ?? a.spec).type === 'wildcard' && policy.credentials.allowed === false;
}

/** Admissions of the `null` origin by an entry or value written as `null`. */
export function nullAdmissions(policy: Policy): readonly Admission[] {
  return decide(policy, 'null').admissions.filter(
    (a) => a.entry !== undefined && (a.member?.type === 'null' || a.spec.type === 'null' || isNullEntry(a)),
  );
}

function isNullEntry(a: Admission): boolean {
  const e = a.entry;
  return !!e && e.type === 'Literal' && e.value === 'null';
}

export type Level = 'safe' | 'unsafe' | 'broken' | 'unknown';

export type AssessmentReason =
  /** A server on the user's machine lets any website (or `null`, or an attacker origin) read it. */
  | 'local'
  /** Any origin gets the header back (reflection). */
  | 'any-origin'
  /** Any origin gets the header back, but never with cookies: what `*` would give. */
  | 'reflect-public'
  /**
   * Every origin gets in, but only in a deployment that sets an opt-in switch (`process.env.ALLOW_ALL_CORS`)
   * the code checks beside its origin check: what is sent depends on the deployment.
   */
  | 'switch'
  /** An origin check lets an attacker origin in. */
  | 'check'
  /** `null` is trusted. */
  | 'null'
  /** `*` with credentials: browsers reject it. */
  | 'wildcard-credentials'
  /** `*` without credentials: public. */
  | 'public'
  /** An origin check lets an attacker origin in, but never with cookies: what `*` would give. */
  | 'check-public'
  /** Only listed origins. */
  | 'allowlist'
  /**
   * The only listed origin is the placeholder a fix wrote (`https://your-frontend.example`): not configured
   * yet, and the real front end is refused too.
   */
  | 'placeholder'
  | 'no-cors'
  | 'unknown';

/** A policy's verdict, for hovers and the map: the same decide() answers the rules report. */
export interface Assessment {
  readonly level: Level;
  readonly reason: AssessmentReason;
  /** An attacker origin that gets in (`unsafe`). */
  readonly witness?: string;
  /** An origin written in the code that the policy lets in. */
  readonly allowedOrigin?: string;
  readonly attacker: Decision;
  readonly witnessDecision?: Decision;
}

const WITNESS_PREFERENCE = ['attacker-suffix', 'registrable', 'same-site', 'null', 'unregistrable'];

/** The first confirmed witness of the policy's unsafe checks, registrable ones first. */
export function policyWitness(policy: Policy): ConfirmedWitness | undefined {
  const all: ConfirmedWitness[] = [];
  for (const check of patternChecksOf(policy)) {
    if (check.verdict.kind === 'unsafe') all.push(...confirmedWitnesses(policy, check, check.verdict.findings));
    else if (check.matcher?.verify(EXAMPLE_ATTACKER)) {
      all.push(...confirmedWitnesses(policy, check, [{ witness: EXAMPLE_ATTACKER, witnessClass: 'attacker-suffix' }]));
    }
  }
  const rank = (c: ConfirmedWitness) => WITNESS_PREFERENCE.indexOf(c.finding.witnessClass);
  return all.sort((a, b) => rank(a) - rank(b))[0];
}

export function assessPolicy(policy: Policy, trustedOrigins: readonly string[] = []): Assessment {
  const attacker = decide(policy, EXAMPLE_ATTACKER);
  const allowedOrigin = allowedExample(policy, trustedOrigins);
  const base = { attacker, ...(allowedOrigin ? { allowedOrigin } : {}) };
  const local = localExposure(policy);
  if (local)
    return { ...base, level: 'unsafe', reason: 'local', witness: local.origin, witnessDecision: local.decision };
  const reflections = attacker.admissions.filter((a) => a.reflected);
  if (reflections.length > 0 && reflections.every((a) => isPublicWildcard(a, policy))) {
    return { ...base, level: 'safe', reason: 'public' };
  }
  if (attacker.allowOrigin.kind === 'value' && attacker.allowOrigin.reflected) {
    // Firebase callables: every origin without cookies is the platform's design (the caller sends a token).
    if (policy.library?.reflectionByDesign && attacker.readable === 'without-cookies')
      return { ...base, level: 'safe', reason: 'public' };
    const viaCheck = !attacker.admissions.some((a) => a.reflected && admittedThrough(a));
    if (viaCheck && attacker.readable === 'without-cookies')
      return { ...base, level: 'safe', reason: 'check-public', witness: EXAMPLE_ATTACKER };
    // Every origin, never with cookies: a site reads only what `*` would give it (strict reports it).
    if (attacker.readable === 'without-cookies') return { ...base, level: 'safe', reason: 'reflect-public' };
    return { ...base, level: 'unsafe', reason: viaCheck ? 'check' : 'any-origin', witness: EXAMPLE_ATTACKER };
  }
  const w = policyWitness(policy);
  // A witness that exists only on a local network (a private address) is no attacker on the internet.
  if (w && w.finding.witnessClass !== 'unregistrable') {
    const found = { ...base, witness: w.finding.witness, witnessDecision: w.decision };
    // A loose check on a policy that never allows credentials gives an attacker what `*` would.
    if (w.decision.readable === 'without-cookies') return { ...found, level: 'safe', reason: 'check-public' };
    return { ...found, level: 'unsafe', reason: 'check' };
  }
  if (nullAdmissions(policy).length > 0) {
    return { ...base, level: 'unsafe', reason: 'null', witness: 'null' };
  }
  // `*` with credentials on any path (another path may send what CORS Guard can't read).
  const wildcard = attacker.admissions.some((a) => !a.reflected && (a.member ?? a.spec).type === 'wildcard');
  if (attacker.readable === 'rejected' || (wildcard && policy.credentials.allowed === true))
    return { ...base, level: 'broken', reason: 'wildcard-credentials' };
  // A check that could not be analysed (out of budget) is never judged safe: what it lets in is not known.
  if (patternChecksOf(policy).some((c) => c.verdict.kind === 'inconclusive' && c.verdict.unanalysable))
    return { ...base, level: 'unknown', reason: 'unknown' };
  if (attacker.readable === 'without-cookies') return { ...base, level: 'safe', reason: 'public' };
  if (attacker.readable === 'unknown') {
    const switched = switchedAllowAll(policy);
    if (switched)
      return {
        ...base,
        level: 'unknown',
        reason: 'switch',
        witness: EXAMPLE_ATTACKER,
        witnessDecision: switched.decision,
      };
    return { ...base, level: 'unknown', reason: 'unknown' };
  }
  // Checks that each let attacker origins in, joined by `&&`, none of whose witnesses passes the others: the
  // origins all of them admit are not computed, so "safe" would be unproven (`lastIndexOf(s) === length -
  // s.length && includes('example.com')` admits any 22-character origin holding example.com).
  if (policy.credentials.allowed !== false && unprovenConjunction(policy))
    return { ...base, level: 'unknown', reason: 'unknown' };
  if (policy.origins.length === 0) return { ...base, level: 'safe', reason: 'no-cors' };
  const written = writtenOrigins(policy);
  if (written.length > 0 && written.every((o) => o === PLACEHOLDER_ORIGIN))
    return { ...base, level: 'broken', reason: 'placeholder' };
  return { ...base, level: 'safe', reason: 'allowlist' };
}

/**
 * A guard path of two or more origin checks (beside tests that restrict nothing), each admitting registrable
 * attacker origins on its own, none of whose witnesses passes the whole policy: what they admit together is
 * not computed, so the policy is not proven safe. The path's checks, or undefined.
 */
export function unprovenConjunction(policy: Policy): readonly PatternCheck[] | undefined {
  const loose = (c: Check): c is PatternCheck =>
    isPatternCheck(c) &&
    c.verdict.kind === 'unsafe' &&
    c.verdict.findings.some((f) => f.witnessClass === 'registrable' || f.witnessClass === 'attacker-suffix');
  const visit = (spec: OriginSpec): readonly PatternCheck[] | undefined => {
    if (spec.type === 'list') {
      for (const m of spec.members) {
        const found = visit(m);
        if (found) return found;
      }
      return undefined;
    }
    if (spec.type !== 'reflect') return undefined;
    for (const path of spec.guard.paths) {
      // `if (origin && ...)` and length tests restrict nothing; an exact, absent or opaque check does.
      const restricting = path.filter((c) => c.kind !== 'useless' && c.kind !== 'length');
      if (restricting.length > 1 && restricting.every(loose)) return restricting as PatternCheck[];
    }
    return undefined;
  };
  for (const spec of policy.origins) {
    const found = visit(spec);
    if (found) return found;
  }
  return undefined;
}

/** An origin the policy lets in: a trusted origin, else one written in the code. */
function allowedExample(policy: Policy, trustedOrigins: readonly string[]): string | undefined {
  const candidates: string[] = [...trustedOrigins, ...writtenOrigins(policy)];
  return candidates.find((o) => {
    if (o === 'null' || o === '*') return false;
    const d = decide(policy, o);
    return d.allowOrigin.kind === 'value' && d.allowOrigin.value === o;
  });
}

/** The origins written in the code of a policy: fixed values, list members, an exact check's values. */
function writtenOrigins(policy: Policy): string[] {
  const candidates: string[] = [];
  const visit = (spec: OriginSpec) => {
    if (spec.type === 'fixed') candidates.push(spec.value);
    else if (spec.type === 'list') spec.members.forEach(visit);
    else if (spec.type === 'regexp' && spec.check.wildcard)
      candidates.push(spec.check.wildcard.replace(/\*/g, 'app').replace(/\?/g, 'a'));
    else if (spec.type === 'reflect')
      for (const c of spec.guard.all)
        if (c.kind === 'exact')
          for (const v of c.allowed) if (v.kind === 'literal' && typeof v.value === 'string') candidates.push(v.value);
  };
  policy.origins.forEach(visit);
  return candidates;
}

/** How a server on the user's machine lets other websites read it (`no-exposed-local-server`'s finding). */
export interface LocalExposure {
  /** `*`, the request's Origin sent back unchecked, `null` trusted, or an origin check that admits `origin`. */
  readonly kind: 'wildcard' | 'reflect' | 'null' | 'check';
  /** The origin setting, entry or check to fix: where the finding goes. */
  readonly node: Node;
  /** An origin that gets in: any website's, `null`, or the attacker origin the check admits. */
  readonly origin: string;
  readonly decision: Decision;
}

/**
 * What a policy of a local server (`policy.server`) lets other websites read, whether or not cookies go
 * with it: on the user's machine the secret is the network position, so `*` is no longer public data.
 * Undefined when the server is not known to be local, when a gate refuses other callers whatever CORS says
 * (a token, an exact Origin allowlist answering 403), or when only the tool's own origins get in.
 */
export function localExposure(policy: Policy): LocalExposure | undefined {
  if (!policy.server || policy.server.gate) return undefined;
  const attacker = decide(policy, EXAMPLE_ATTACKER);
  for (const a of attacker.admissions) {
    const spec = a.member ?? a.spec;
    if (spec.type === 'wildcard' && !spec.whenOriginAbsent)
      return { kind: 'wildcard', node: spec.node, origin: EXAMPLE_ATTACKER, decision: attacker };
    if (a.reflected && admittedThrough(a))
      return { kind: 'reflect', node: spec.node, origin: EXAMPLE_ATTACKER, decision: attacker };
  }
  const nulls = nullAdmissions(policy);
  if (nulls.length > 0) {
    const a = nulls[0]!;
    return {
      kind: 'null',
      node: a.entry ?? (a.member ?? a.spec).node,
      origin: 'null',
      decision: decide(policy, 'null'),
    };
  }
  // An attacker origin through an origin check (a public one: an origin only a local network has is no
  // stranger's page). An admission of https://evil.example itself through a check counts too.
  const viaCheck = attacker.admissions.find((a) => a.reflected && !admittedThrough(a));
  const w = policyWitness(policy);
  if (w && w.finding.witnessClass !== 'unregistrable')
    return { kind: 'check', node: w.check.node, origin: w.finding.witness, decision: w.decision };
  if (viaCheck) {
    const check = viaCheck.checks.find(isPatternCheck);
    return {
      kind: 'check',
      node: check?.node ?? (viaCheck.member ?? viaCheck.spec).node,
      origin: EXAMPLE_ATTACKER,
      decision: attacker,
    };
  }
  return undefined;
}
