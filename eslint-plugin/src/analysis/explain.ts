/**
 * Explanations for hovers, from the same model the rules read: what a header value means to a browser,
 * what response a CORS configuration produces for a given origin, and what a raw header block allows.
 * Plain data out; rendering (Markdown) is the editor's business.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { CheckRecord } from './checks';
import {
  headerFacts,
  MAX_AGE_CAPS,
  SAFELISTED_METHODS,
  SAFELISTED_REQUEST_HEADERS,
  SAFELISTED_RESPONSE_HEADERS,
  type HeaderFacts,
} from './header-facts';
import { ACAC, ACAO, parseAllowOriginValue } from './headers';
import type { FileModel } from './model';
import { checkPattern, judgeOriginCheck, originChecksOf, type OriginCheck } from './origin-checks';
import { isWeakGuard, type OriginSpec, type Policy } from './policy';
import { unwrap, type Node } from './ast';
import { isLocalHost } from './witness';

/** The attacker origin hovers show when no check-specific one is known. */
export const EXAMPLE_ATTACKER = 'https://evil.example';

// ---------------------------------------------------------------------------------------------------
// Header values

export interface DecodedValue {
  readonly facts: HeaderFacts;
  readonly value: string;
  /** What the browser does with it, in one sentence. */
  readonly meaning: string;
  readonly details: readonly string[];
  /** Invalid forms and risky choices. */
  readonly problems: readonly string[];
}

export interface DecodeContext {
  /** Whether the same response allows credentials (changes what `*` means). */
  readonly credentials?: boolean;
}

export function decodeHeaderValue(name: string, value: string, ctx: DecodeContext = {}): DecodedValue | undefined {
  const facts = headerFacts(name);
  if (!facts) return undefined;
  const details: string[] = [];
  const problems: string[] = [];
  const v = value.trim();
  let meaning: string;
  switch (facts.name) {
    case 'Access-Control-Allow-Origin':
    case 'Origin': {
      const request = facts.name === 'Origin';
      const form = parseAllowOriginValue(v);
      if (form.form === 'wildcard' && !request) {
        meaning = 'Any origin may read this response, but only without credentials.';
        if (ctx.credentials)
          problems.push(
            'With `Access-Control-Allow-Credentials: true`, browsers reject `*`: credentialed requests fail.',
          );
      } else if (form.form === 'null') {
        meaning = request
          ? 'The request comes from an opaque origin: a sandboxed iframe, a `data:` URL or a redirect.'
          : 'Only pages with an opaque origin may read this response: sandboxed iframes and `data:` URLs, which any website can create.';
        if (!request) problems.push('Trusting `null` lets any website in through a sandboxed iframe.');
      } else if (form.form === 'origin') {
        const parts = originParts(form.origin);
        meaning = request
          ? `The request comes from a page on \`${form.origin}\`.`
          : `Only pages on \`${form.origin}\` may read this response${ctx.credentials ? ", with the user's cookies" : ''}.`;
        if (!parts)
          problems.push('Not a valid origin: browsers compare the exact string, and wildcards are not supported.');
        if (parts) {
          details.push(
            `scheme \`${parts.scheme}\`, host \`${parts.host}\`, port ${parts.port}${parts.defaultPort ? ' (the default)' : ''}`,
          );
          if (parts.host !== parts.host.toLowerCase())
            problems.push('Browsers send hosts in lower case: this never matches the `Origin` they send.');
          if (parts.scheme === 'http' && !isLocalHost(parts.host))
            problems.push('Plain `http`: anyone on the network path can act as this origin.');
        }
      } else {
        meaning = request ? 'Not an origin a browser sends.' : 'Browsers reject this value: the response stays hidden.';
        const reason = form.form === 'invalid' ? form.reason : 'not-an-origin';
        problems.push(
          {
            'trailing-slash': 'An origin never ends in `/`: the comparison with the page origin always fails.',
            path: 'An origin has no path: the comparison with the page origin always fails.',
            list: 'Only one origin is allowed: a list is invalid. Send the one matching origin, chosen from an allowlist.',
            'not-an-origin': 'Expected `*`, `null` or `scheme://host[:port]`.',
          }[reason],
        );
      }
      break;
    }
    case 'Access-Control-Allow-Credentials':
      if (v === 'true') {
        meaning = "Responses to requests with the user's cookies are readable (if the origin matches exactly).";
      } else {
        meaning = `Credentials not allowed: \`${v || '(empty)'}\` is not \`true\`, so browsers treat it as absent.`;
        if (v.toLowerCase() === 'true') problems.push('Only lower-case `true` counts.');
      }
      break;
    case 'Access-Control-Allow-Methods':
    case 'Access-Control-Allow-Headers':
    case 'Access-Control-Expose-Headers': {
      const list = splitList(v);
      const kind = facts.name === 'Access-Control-Allow-Methods' ? 'methods' : 'headers';
      const isSafelisted =
        facts.name === 'Access-Control-Allow-Methods'
          ? (x: string) => SAFELISTED_METHODS.has(x.toUpperCase())
          : facts.name === 'Access-Control-Allow-Headers'
            ? (x: string) => SAFELISTED_REQUEST_HEADERS.has(x.toLowerCase())
            : (x: string) => SAFELISTED_RESPONSE_HEADERS.has(x.toLowerCase());
      const star = list.includes('*');
      if (star && ctx.credentials) {
        meaning = `With credentials, \`*\` is the literal name \`*\`, not a wildcard: only the other ${kind} listed count.`;
      } else if (star) {
        meaning =
          facts.name === 'Access-Control-Allow-Headers'
            ? 'Any request header is allowed, except `Authorization` (credentials-free requests only).'
            : facts.name === 'Access-Control-Allow-Methods'
              ? 'Any method is allowed (credentials-free requests only).'
              : 'Every response header is readable (credentials-free requests only).';
      } else {
        meaning = `${list.length} ${kind} listed: ${list.map((x) => `\`${x}\``).join(', ') || '(none)'}.`;
      }
      const safelisted = list.filter((x) => x !== '*' && isSafelisted(x));
      if (safelisted.length > 0)
        details.push(`Always allowed anyway (safelisted): ${safelisted.map((x) => `\`${x}\``).join(', ')}.`);
      if (
        star &&
        facts.name === 'Access-Control-Allow-Headers' &&
        !list.some((x) => x.toLowerCase() === 'authorization')
      )
        details.push('`Authorization` is never covered by `*`: list it if requests send it.');
      const bad = list.filter((x) => x !== '*' && !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(x));
      if (bad.length > 0) problems.push(`Not valid names: ${bad.map((x) => `\`${x}\``).join(', ')}.`);
      break;
    }
    case 'Access-Control-Max-Age': {
      const n = /^-?\d+$/.test(v) ? Number(v) : NaN;
      if (Number.isNaN(n)) {
        meaning = `Not a whole number of seconds: browsers keep the preflight answer for the default ${MAX_AGE_CAPS.default} s.`;
        problems.push('Expected whole seconds.');
      } else if (n <= 0) {
        meaning = 'Preflight answers are not cached: every non-simple request is preceded by a preflight.';
      } else {
        meaning = `Preflight answers may be reused for ${duration(n)}.`;
        details.push(
          `Chromium keeps ${duration(Math.min(n, MAX_AGE_CAPS.chromium))}${n > MAX_AGE_CAPS.chromium ? ' (its cap)' : ''}; Firefox ${duration(Math.min(n, MAX_AGE_CAPS.firefox))}${n > MAX_AGE_CAPS.firefox ? ' (its cap)' : ''}.`,
        );
      }
      break;
    }
    case 'Vary': {
      const list = splitList(v);
      const origin = list.some((x) => x.toLowerCase() === 'origin');
      meaning = list.includes('*')
        ? 'Every request is unique to caches: nothing is reused.'
        : `Caches keep one copy per value of ${list.map((x) => `\`${x}\``).join(', ')}.`;
      if (origin) details.push('`Origin` is listed: a cache never serves one origin the answer meant for another.');
      break;
    }
    default:
      meaning = facts.purpose;
  }
  return { facts, value: v, meaning, details, problems };
}

export function originParts(
  origin: string,
): { scheme: string; host: string; port: number; defaultPort: boolean } | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(\[[0-9a-f:.]+\]|[^:/*?#@\s]+)(?::(\d+))?$/i.exec(origin.trim());
  if (!m) return undefined;
  const scheme = m[1]!.toLowerCase();
  const fallback = scheme === 'https' || scheme === 'wss' ? 443 : scheme === 'http' || scheme === 'ws' ? 80 : 0;
  const port = m[3] ? Number(m[3]) : fallback;
  return { scheme, host: m[2]!, port, defaultPort: !m[3] || port === fallback };
}

function splitList(v: string): string[] {
  return v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

/** `86,400 s (24 h)`. */
export function duration(seconds: number): string {
  const s = `${seconds.toLocaleString('en-US')} s`;
  if (seconds >= 3600 && seconds % 3600 === 0) return `${s} (${seconds / 3600} h)`;
  if (seconds >= 60 && seconds % 60 === 0) return `${s} (${seconds / 60} min)`;
  return s;
}

// ---------------------------------------------------------------------------------------------------
// Policies: the response a configuration produces

export type Readability = 'with-cookies' | 'without-cookies' | 'no' | 'rejected' | 'unknown';

export interface SimulatedResponse {
  /** `response`: headers a handler sets, whatever the request (manual headers). */
  readonly request: 'preflight' | 'credentialed GET' | 'response';
  readonly origin: string;
  /** Header lines as sent; a value in angle brackets is computed (`<the request's Origin>`). */
  readonly headers: readonly (readonly [string, string])[];
  readonly readable: Readability;
}

export interface PolicyExplanation {
  readonly kind: Policy['kind'];
  readonly library?: string;
  /** What the origin setting does, in words. */
  readonly originRule: string;
  readonly credentials: boolean | 'unknown';
  readonly allowedOrigin?: string;
  readonly responses: readonly SimulatedResponse[];
  readonly verdict: string;
  readonly level: 'safe' | 'unsafe' | 'broken' | 'unknown';
}

type Decision =
  { readonly acao: string; readonly reflected: boolean } | { readonly acao: undefined } | { readonly unknown: string };

/** What Access-Control-Allow-Origin the policy sends to a request from `origin`. */
export function decideOrigin(policy: Policy, origin: string, model: FileModel): Decision {
  // The model lists a list's elements as specs of their own: they are decided through their list.
  const members = memberSpecs(policy);
  const decisions = policy.origins
    .filter((spec) => !members.has(spec.node))
    .map((spec) => decideSpec(spec, policy, origin, model, members))
    .filter((d) => d !== null);
  if (decisions.length === 0) return { acao: undefined };
  const reflected = decisions.find((d) => 'acao' in d && d.acao === origin);
  if (reflected) return reflected;
  const unknown = decisions.find((d) => 'unknown' in d);
  if (unknown) return unknown;
  return decisions.find((d) => 'acao' in d && d.acao !== undefined) ?? { acao: undefined };
}

/** The element specs of the policy's origin lists, by element node. */
function memberSpecs(policy: Policy): Map<Node, OriginSpec> {
  const elements = new Set<Node>();
  for (const spec of policy.origins) if (spec.type === 'list') for (const e of spec.elements) elements.add(e.node);
  const members = new Map<Node, OriginSpec>();
  for (const spec of policy.origins) if (spec.type !== 'list' && elements.has(spec.node)) members.set(spec.node, spec);
  return members;
}

function decideSpec(
  spec: OriginSpec,
  policy: Policy,
  origin: string,
  model: FileModel,
  members: ReadonlyMap<Node, OriginSpec>,
): Decision | null {
  const reflect = { acao: origin, reflected: true } as const;
  switch (spec.type) {
    case 'wildcard':
      if (spec.whenOriginAbsent) return null;
      return spec.becomesReflection && policy.credentials.allowed !== false ? reflect : { acao: '*', reflected: false };
    case 'null':
      return { acao: 'null', reflected: false };
    case 'fixed':
      return { acao: spec.value, reflected: false };
    case 'unknown':
      return { unknown: 'an origin value CORS Guard cannot read' };
    default: {
      const allowed = admits(spec, origin, model, members);
      if (allowed === undefined) return { unknown: 'a check or allowlist entry CORS Guard cannot evaluate' };
      return allowed ? reflect : { acao: undefined };
    }
  }
}

/** Whether a spec that sends back the request's origin does so for `origin` (undefined: can't tell). */
function admits(
  spec: OriginSpec,
  origin: string,
  model: FileModel,
  members: ReadonlyMap<Node, OriginSpec>,
): boolean | undefined {
  switch (spec.type) {
    case 'fixed':
      return (
        spec.value === origin || (!!spec.schemeless && origin.replace(/^[a-z][a-z0-9+.-]*:\/\//, '') === spec.value)
      );
    case 'null':
      return origin === 'null';
    case 'wildcard':
      // Only a library that reflects `*` in a list (hapi) makes it an element spec.
      return true;
    case 'regexp':
    case 'pattern-string':
      return verifyAt(spec.type === 'regexp' ? spec.value.node : spec.node, origin, model);
    case 'reflect': {
      if (isWeakGuard(spec.guard)) return true;
      if (spec.guard.strength === 'absent') return false;
      const answers = spec.guard.decisive.map((c) => checkAdmits(c, origin, model));
      if (answers.length > 0 && answers.every((a) => a === true)) return true;
      if (answers.length > 0 && answers.every((a) => a === false)) return false;
      return undefined;
    }
    case 'list': {
      let unknown = false;
      for (const e of spec.elements) {
        const member = members.get(e.node);
        // `'*'` in a list of a library that compares strings never equals an origin; other unread entries might.
        const a = member
          ? admits(member, origin, model, members)
          : e.kind === 'literal' && e.value === '*'
            ? false
            : undefined;
        if (a === true) return true;
        if (a === undefined) unknown = true;
      }
      return unknown ? undefined : false;
    }
    case 'unknown':
      return undefined;
  }
}

/** Re-tests an origin with the real operation of a check the origin-check analysis found. */
function verifyAt(node: Node, origin: string, model: FileModel): boolean | undefined {
  const check = originChecksAt(model).get(node);
  return check ? checkPattern(check)?.verify(origin) : undefined;
}

const checksByNode = new WeakMap<FileModel, Map<Node, OriginCheck>>();

function originChecksAt(model: FileModel): Map<Node, OriginCheck> {
  let map = checksByNode.get(model);
  if (!map) checksByNode.set(model, (map = new Map(originChecksOf(model).map((c) => [c.node, c]))));
  return map;
}

function checkAdmits(c: CheckRecord, origin: string, model: FileModel): boolean | undefined {
  switch (c.kind) {
    case 'exact':
      if (!c.allowed || c.allowed.some((v) => v.kind !== 'literal')) return undefined;
      return c.allowed.some((v) => v.kind === 'literal' && v.value === origin);
    case 'regex': {
      const results = (c.patterns ?? []).map((p) => verifyAt(p.node, origin, model));
      return results.length === 0 || results.includes(undefined) ? undefined : results.some(Boolean);
    }
    case 'string':
      return verifyAt(unwrap(c.node), origin, model);
    default:
      return undefined;
  }
}

/** An origin the policy allows, if one is written in the code. */
function allowedExample(policy: Policy, model: FileModel): string | undefined {
  const candidates: string[] = [];
  for (const spec of policy.origins) {
    if (spec.type === 'fixed') candidates.push(spec.value);
    // A wildcard origin (`https://*.example.com`): one origin it matches.
    if (spec.type === 'pattern-string') candidates.push(spec.value.replace(/\*/g, 'app').replace(/\?/g, 'a'));
    if (spec.type === 'reflect')
      for (const c of spec.guard.decisive)
        for (const v of c.allowed ?? [])
          if (v.kind === 'literal' && typeof v.value === 'string') candidates.push(v.value);
  }
  return candidates.find((o) => {
    if (!originParts(o)) return false;
    const d = decideOrigin(policy, o, model);
    return 'acao' in d && d.acao === o;
  });
}

/** The origin an unsafe origin check of this policy lets in (the same verdict the rules report). */
function witnessOf(policy: Policy, model: FileModel): string | undefined {
  for (const check of originChecksOf(model)) {
    if (check.policy !== policy) continue;
    const verdict = judgeOriginCheck(check, [], model);
    if (verdict.kind === 'unsafe') {
      const finding = verdict.findings.find((f) => f.witnessClass !== 'unregistrable') ?? verdict.findings[0];
      if (finding) return finding.witness;
    }
  }
  return undefined;
}

export function explainPolicy(policy: Policy, model: FileModel): PolicyExplanation {
  const credentials = policy.credentials.allowed;
  const allowedOrigin = allowedExample(policy, model);
  const witness = witnessOf(policy, model);
  const responses: SimulatedResponse[] = [];
  // `null` trusted on its own (reflection of every origin already covers it).
  const nullDecision = decideOrigin(policy, 'null', model);
  const attackerDecision = decideOrigin(policy, EXAMPLE_ATTACKER, model);
  const trustsNull =
    'acao' in nullDecision &&
    nullDecision.acao === 'null' &&
    !('acao' in attackerDecision && attackerDecision.acao === EXAMPLE_ATTACKER);
  const subjects = [allowedOrigin, witness, trustsNull ? 'null' : undefined, EXAMPLE_ATTACKER].filter(
    (o, i, a): o is string => !!o && a.indexOf(o) === i,
  );
  const actual = policy.kind === 'options' ? 'credentialed GET' : 'response';
  if (policy.kind === 'options')
    responses.push(simulate(policy, model, allowedOrigin ?? witness ?? EXAMPLE_ATTACKER, 'preflight'));
  for (const origin of subjects) responses.push(simulate(policy, model, origin, actual));

  const attacker = responses.find((r) => r.request === actual && r.origin === EXAMPLE_ATTACKER)!;
  const viaWitness = witness ? responses.find((r) => r.request === actual && r.origin === witness) : undefined;
  let verdict: string;
  let level: PolicyExplanation['level'];
  if (attacker.readable === 'with-cookies') {
    level = 'unsafe';
    verdict = `Unsafe: any website (e.g. \`${EXAMPLE_ATTACKER}\`) can read responses with the user's cookies.`;
  } else if (viaWitness?.readable === 'with-cookies' || viaWitness?.readable === 'without-cookies') {
    level = 'unsafe';
    verdict = `Unsafe: the origin check lets \`${witness}\` in${viaWitness.readable === 'with-cookies' ? ", with the user's cookies" : ''}.`;
  } else if (trustsNull) {
    level = 'unsafe';
    verdict = `Unsafe: \`null\` is trusted, so any website can read responses through a sandboxed iframe${credentials === true ? ", with the user's cookies" : ''}.`;
  } else if (
    attacker.readable === 'without-cookies' &&
    policy.origins.some((s) => s.type === 'reflect' || (s.type === 'wildcard' && s.becomesReflection))
  ) {
    level = 'unsafe';
    verdict = `Any website (e.g. \`${EXAMPLE_ATTACKER}\`) can read responses, without cookies: only acceptable for public data.`;
  } else if (attacker.readable === 'without-cookies') {
    level = 'safe';
    verdict = 'Public: any website can read responses, but never with cookies. Fine for public data.';
  } else if (attacker.readable === 'rejected') {
    level = 'broken';
    verdict =
      'Broken: browsers reject `*` with credentials, so credentialed requests fail. Fix it with an allowlist, not by reflecting the Origin.';
  } else if (attacker.readable === 'unknown') {
    level = 'unknown';
    verdict = 'Depends on values CORS Guard cannot read here.';
  } else {
    level = 'safe';
    verdict = allowedOrigin
      ? `Only the listed origins (e.g. \`${allowedOrigin}\`) can read responses${credentials === true ? ', with cookies' : ''}.`
      : 'Other websites cannot read responses.';
  }
  return {
    kind: policy.kind,
    ...(policy.library ? { library: policy.library.packageName } : {}),
    originRule: originRule(policy),
    credentials,
    ...(allowedOrigin ? { allowedOrigin } : {}),
    responses,
    verdict,
    level,
  };
}

function originRule(policy: Policy): string {
  const members = memberSpecs(policy);
  const parts = policy.origins
    .filter((spec) => !members.has(spec.node))
    .map((spec): string => {
      switch (spec.type) {
        case 'wildcard':
          if (spec.whenOriginAbsent) return '`*` for requests without an Origin';
          return spec.becomesReflection
            ? "`*`, which this library turns into the request's Origin"
            : '`*` (any origin)';
        case 'null':
          return '`null`';
        case 'fixed':
          return `the fixed origin \`${spec.value}\``;
        case 'reflect':
          if (spec.legacy)
            return spec.legacy.version
              ? `the request's Origin (version ${spec.legacy.version}, before ${spec.legacy.before})`
              : `the request's Origin in versions before ${spec.legacy.before}`;
          return isWeakGuard(spec.guard)
            ? "the request's Origin, unchecked"
            : `the request's Origin when a ${spec.guard.strength === 'exact' ? 'exact allowlist' : spec.guard.strength} check passes`;
        case 'list':
          return `an allowlist of ${spec.elements.length} entr${spec.elements.length === 1 ? 'y' : 'ies'}`;
        case 'regexp':
          return `origins matching \`/${spec.value.pattern}/${spec.value.flags}\``;
        case 'pattern-string':
          return `origins matching the wildcard \`${spec.value}\``;
        case 'unknown':
          return 'a value CORS Guard cannot read';
      }
    });
  return [...new Set(parts)].join('; or ') || 'no Access-Control-Allow-Origin';
}

const COMPUTED = (what: string) => `<${what}>`;

function simulate(
  policy: Policy,
  model: FileModel,
  origin: string,
  request: SimulatedResponse['request'],
): SimulatedResponse {
  const headers: [string, string][] = [];
  const decision = decideOrigin(policy, origin, model);
  let acao: string | undefined;
  if ('unknown' in decision) headers.push(['Access-Control-Allow-Origin', COMPUTED(decision.unknown)]);
  else if (decision.acao !== undefined) {
    acao = decision.acao;
    headers.push(['Access-Control-Allow-Origin', acao]);
  }
  const credentials = policy.credentials.allowed;
  if (credentials === true) headers.push(['Access-Control-Allow-Credentials', 'true']);
  else if (credentials === 'unknown') headers.push(['Access-Control-Allow-Credentials', COMPUTED('sometimes true')]);

  if (policy.kind === 'options' && policy.library) {
    const lib = policy.library.responses;
    const opt = (name: string | undefined) => (name ? optionValue(policy, model, name) : undefined);
    if (request === 'preflight') {
      const methods =
        opt(lib.methodsOption) ??
        (lib.defaultMethods === 'route'
          ? COMPUTED('the route method')
          : lib.defaultMethods === 'reflect'
            ? COMPUTED("the request's Access-Control-Request-Method")
            : lib.defaultMethods);
      if (methods) headers.push(['Access-Control-Allow-Methods', methods]);
      const allowHeaders =
        opt(lib.headersOption) ??
        (lib.defaultHeaders === 'reflect'
          ? COMPUTED("the request's Access-Control-Request-Headers")
          : lib.defaultHeaders);
      if (allowHeaders) headers.push(['Access-Control-Allow-Headers', allowHeaders]);
      const maxAge = opt(lib.maxAgeOption) ?? (lib.defaultMaxAge !== undefined ? String(lib.defaultMaxAge) : undefined);
      if (maxAge) headers.push(['Access-Control-Max-Age', maxAge]);
    } else {
      const expose = opt(lib.exposeOption) ?? lib.defaultExpose;
      if (expose) headers.push(['Access-Control-Expose-Headers', expose]);
    }
    if (acao && acao !== '*') headers.push(['Vary', 'Origin']);
  } else {
    for (const site of policy.headers) {
      if (site.header === ACAO || site.header === ACAC) continue;
      const name = canonicalSpelling(site.header);
      const value = site.value ? model.resolver.singleString(site.value) : undefined;
      headers.push([name, value ?? COMPUTED('computed')]);
    }
  }

  let readable: Readability;
  if ('unknown' in decision) readable = 'unknown';
  else if (acao === undefined) readable = 'no';
  else if (acao === '*') readable = credentials === true ? 'rejected' : 'without-cookies';
  else if (acao === origin)
    readable = credentials === true ? 'with-cookies' : credentials === 'unknown' ? 'unknown' : 'without-cookies';
  else readable = 'no';
  return { request, origin, headers, readable };
}

function canonicalSpelling(lower: string): string {
  return headerFacts(lower)?.name ?? lower.replace(/(^|-)([a-z])/g, (_, d: string, c: string) => d + c.toUpperCase());
}

/** A literal option value as a header value (`['GET', 'POST']` -> `GET,POST`), if written in the code. */
function optionValue(policy: Policy, model: FileModel, name: string): string | undefined {
  const prop = policy.options?.properties.find(
    (p): p is TSESTree.Property =>
      p.type === T.Property &&
      !p.computed &&
      ((p.key.type === T.Identifier && p.key.name === name) || (p.key.type === T.Literal && p.key.value === name)),
  );
  if (!prop) return undefined;
  const values = model.resolver.resolve(prop.value as Node);
  if (values.length !== 1) return undefined;
  const v = values[0]!;
  if (v.kind === 'literal' && (typeof v.value === 'string' || typeof v.value === 'number')) return String(v.value);
  if (v.kind === 'array' && v.elements.every((e) => e.kind === 'literal' && typeof e.value === 'string'))
    return v.elements.map((e) => (e as { value: string }).value).join(',');
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Raw header blocks (pasted `curl -i` output, .http files)

export interface HeaderLine {
  readonly name: string;
  readonly value: string;
  /** 0-based line in the text. */
  readonly line: number;
}

export interface HeaderBlock {
  readonly status?: { readonly line: number; readonly text: string; readonly code?: number };
  readonly headers: readonly HeaderLine[];
}

const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)\s*$/;
const STATUS_LINE = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\b.*$/;
const REQUEST_LINE = /^(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\s+\S+/;

/** The block of header lines (with its status line) around `line`, or undefined if none is there. */
export function headerBlockAt(lines: readonly string[], line: number): HeaderBlock | undefined {
  const isPart = (i: number) => {
    const t = lines[i] ?? '';
    return HEADER_LINE.test(t) || STATUS_LINE.test(t) || REQUEST_LINE.test(t);
  };
  if (!isPart(line)) return undefined;
  let start = line;
  while (start > 0 && isPart(start - 1) && !STATUS_LINE.test(lines[start]!) && !REQUEST_LINE.test(lines[start]!))
    start--;
  let end = line;
  while (
    end + 1 < lines.length &&
    isPart(end + 1) &&
    !STATUS_LINE.test(lines[end + 1]!) &&
    !REQUEST_LINE.test(lines[end + 1]!)
  )
    end++;
  const headers: HeaderLine[] = [];
  let status: HeaderBlock['status'];
  for (let i = start; i <= end; i++) {
    const text = lines[i]!;
    const s = STATUS_LINE.exec(text);
    if (s) {
      status = { line: i, text: text.trim(), code: Number(s[1]) };
      continue;
    }
    if (REQUEST_LINE.test(text)) {
      status = { line: i, text: text.trim() };
      continue;
    }
    const m = HEADER_LINE.exec(text);
    if (m) headers.push({ name: m[1]!, value: m[2]!, line: i });
  }
  return headers.length > 0 ? { ...(status ? { status } : {}), headers } : undefined;
}

/** Every header block in a text (a selection, a pasted `curl -i` output). */
export function headerBlocksIn(text: string): HeaderBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: HeaderBlock[] = [];
  let covered = -1;
  for (let i = 0; i < lines.length; i++) {
    if (i <= covered) continue;
    const block = headerBlockAt(lines, i);
    if (!block) continue;
    blocks.push(block);
    covered = Math.max(block.status?.line ?? 0, ...block.headers.map((h) => h.line));
  }
  return blocks;
}

export interface BlockSummary {
  /** `response` when it holds response CORS headers, `request` for a request's headers. */
  readonly kind: 'response' | 'request';
  readonly lines: readonly string[];
}

/** What a whole header block means: who can read the response, with or without cookies, cache safety. */
export function summarizeHeaderBlock(block: HeaderBlock): BlockSummary {
  const get = (name: string) => block.headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
  const acao = get(ACAO);
  const out: string[] = [];
  if (acao.length === 0) {
    const origin = get('origin')[0];
    const method = get('access-control-request-method')[0];
    if (origin || method) {
      if (origin) out.push(`A cross-origin request from \`${origin}\`.`);
      if (method)
        out.push(
          `A preflight for \`${method}\`${get('access-control-request-headers')[0] ? ` with headers \`${get('access-control-request-headers')[0]}\`` : ''}.`,
        );
      return { kind: 'request', lines: out };
    }
    if (block.status?.code !== undefined || block.headers.length > 0)
      out.push('No `Access-Control-Allow-Origin`: other origins cannot read this response.');
    return { kind: 'response', lines: out };
  }
  const credentials = get(ACAC).some((v) => v === 'true');
  if (acao.length > 1) out.push('Several `Access-Control-Allow-Origin` headers: browsers reject the response.');
  const form = parseAllowOriginValue(acao[0]!);
  if (form.form === 'wildcard')
    out.push(
      credentials
        ? '`*` with credentials: browsers reject it, so credentialed requests fail; requests without cookies can read it.'
        : 'Any website can read this response, without cookies.',
    );
  else if (form.form === 'null')
    out.push(
      `Readable by opaque origins (sandboxed iframes, \`data:\` URLs), which any website can create${credentials ? ", with the user's cookies" : ''}.`,
    );
  else if (form.form === 'origin')
    out.push(
      credentials
        ? `Credentialed requests from ${form.origin} are readable.`
        : `Requests from ${form.origin} are readable, without cookies (no \`Access-Control-Allow-Credentials: true\`).`,
    );
  else out.push(`\`Access-Control-Allow-Origin: ${acao[0]}\` is invalid: browsers reject the response.`);
  if (get(ACAC).length > 0 && !credentials)
    out.push(`\`Access-Control-Allow-Credentials: ${get(ACAC)[0]}\` is not \`true\`: credentials are not allowed.`);
  const varies = get('vary').some((v) => splitList(v).some((x) => x.toLowerCase() === 'origin' || x === '*'));
  if ((form.form === 'origin' || form.form === 'null') && !varies)
    out.push('No `Vary: Origin`, so a shared cache may serve this response to another origin.');
  const methods = get('access-control-allow-methods')[0];
  if (methods)
    out.push(
      `Preflight: allows methods \`${methods}\`${get('access-control-allow-headers')[0] ? ` and headers \`${get('access-control-allow-headers')[0]}\`` : ''}.`,
    );
  const maxAge = get('access-control-max-age')[0];
  if (maxAge && /^\d+$/.test(maxAge))
    out.push(`Preflight answers cached for ${duration(Number(maxAge))} (Chromium at most 2 h).`);
  return { kind: 'response', lines: out };
}
