/**
 * A policy in words, for hovers and the map: what its origin setting does, the responses it gives to an
 * allowed origin, the attacker origin the rules name, `null` and `https://evil.example`, and a verdict.
 * Every answer is `decide()`'s and every verdict `assessPolicy()`'s: this module only words them.
 */
import {
  assessPolicy,
  decide,
  localExposure,
  switchedAllowAll,
  switchesIn,
  unconditionalAdmissions,
  type Level,
  type Readability,
  type RequestKind,
} from './decide';
import { EXAMPLE_ATTACKER, PLACEHOLDER_ORIGIN } from './checks/origins';
import { releaseNote } from './sites/releases';
import type { OriginSpec, Policy } from './policy';

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
  /** The attacker origin that gets in, when the verdict is `unsafe`. */
  readonly witness?: string;
  readonly responses: readonly SimulatedResponse[];
  readonly verdict: string;
  readonly level: Level;
  /**
   * When the server runs on the user's machine: how that is known, in a sentence (`This server runs on the
   * user's machine: it listens on 127.0.0.1.`), with what browsers do about it.
   */
  readonly local?: string;
}

/**
 * What browsers do today when a public website calls a server on the user's machine (checked 2026-12): said
 * beside a local finding, never as an excuse for it.
 */
export const LOCAL_BROWSER_NOTE =
  'Chrome (142 and later) asks the user before a public HTTPS site may reach localhost or the local network (Local Network Access), and Firefox is rolling out a similar prompt; Safari asks nothing for loopback (it blocks only `0.0.0.0`). A user who clicks Allow once, another browser, an older version, or a page served from the local network itself still gets through, so the server must not rely on it.';

/** The routes a local finding names: `POST /tools/run`, or what the server is when no route is known. */
export function localRoutesText(routes: readonly string[]): string {
  if (routes.length === 0) return 'this server';
  if (routes.length === 1) return routes[0]!;
  return `${routes.slice(0, -1).join(', ')} and ${routes[routes.length - 1]}`;
}

export function explainPolicy(policy: Policy, trustedOrigins: readonly string[] = []): PolicyExplanation {
  const assessment = assessPolicy(policy, trustedOrigins);
  const { allowedOrigin, witness } = assessment;
  const credentials = policy.credentials.allowed;
  const nullShown = assessment.reason === 'null';
  const subjects = [allowedOrigin, witness, nullShown ? 'null' : undefined, EXAMPLE_ATTACKER].filter(
    (o, i, a): o is string => !!o && a.indexOf(o) === i,
  );
  const responses: SimulatedResponse[] = [];
  const actual = policy.kind === 'options' ? 'credentialed GET' : 'response';
  if (policy.kind === 'options') {
    responses.push(simulated(policy, allowedOrigin ?? witness ?? EXAMPLE_ATTACKER, 'preflight', 'preflight'));
  }
  for (const origin of subjects) responses.push(simulated(policy, origin, 'request', actual));

  const cookies = (r: Readability | undefined) => (r === 'with-cookies' ? ", with the user's cookies" : '');
  let verdict: string;
  switch (assessment.reason) {
    case 'local': {
      const exposure = localExposure(policy)!;
      const who =
        exposure.kind === 'null'
          ? 'any website you visit (through a sandboxed iframe, Origin `null`)'
          : exposure.kind === 'check'
            ? `a website on \`${witness}\`, which the origin check lets in,`
            : `any website you visit (e.g. \`${EXAMPLE_ATTACKER}\`)`;
      const routes = localRoutesText(policy.server?.routes ?? []);
      verdict = `Unsafe on this machine: this server ${policy.server?.how ?? 'runs locally'}, and ${who} can call ${routes} and read the answer${cookies(exposure.decision.readable)}.`;
      break;
    }
    case 'any-origin':
      verdict =
        assessment.attacker.readable === 'with-cookies'
          ? `Unsafe: any website (e.g. \`${EXAMPLE_ATTACKER}\`) can read responses with the user's cookies.`
          : `Unsafe: any website (e.g. \`${EXAMPLE_ATTACKER}\`) can read responses, with the user's cookies if credentials are on.`;
      break;
    case 'check': {
      const readable = assessment.witnessDecision?.readable ?? assessment.attacker.readable;
      verdict = `Unsafe: the origin check lets \`${witness}\` in${cookies(readable)}.`;
      break;
    }
    case 'null':
      verdict = `Unsafe: \`null\` is trusted, so any website can read responses through a sandboxed iframe${credentials === true ? ", with the user's cookies" : ''}.`;
      break;
    case 'wildcard-credentials':
      verdict =
        'Broken: browsers reject `*` with credentials, so credentialed requests fail. Fix it with an allowlist, not by reflecting the Origin.';
      break;
    case 'reflect-public':
      verdict = `Public: any website (e.g. \`${EXAMPLE_ATTACKER}\`) gets its own Origin back and can read responses, but never with cookies, so it reads only what \`*\` would give. Fine for public data; never turn credentials on with it (the strict preset reports it).`;
      break;
    case 'check-public':
      verdict = `Public: the origin check lets \`${witness}\` in, but never with cookies, so it reads only what \`*\` would give. Fine for public data; tighten the check before allowing credentials.`;
      break;
    case 'public':
      verdict = 'Public: any website can read responses, but never with cookies. Fine for public data.';
      break;
    case 'switch': {
      const variables = switchVariables(policy);
      verdict = `Depends on the deployment: where ${variables} is set, any website (e.g. \`${EXAMPLE_ATTACKER}\`) can read responses${cookies(assessment.witnessDecision?.readable)}, past the origin check. Keep it unset wherever real users sign in (the strict preset reports the switch).`;
      break;
    }
    case 'unknown':
      verdict = 'Depends on values CORS Guard cannot read here.';
      break;
    case 'no-cors':
      verdict = 'Other websites cannot read responses.';
      break;
    case 'placeholder':
      verdict = `Not configured yet: the allowlist holds only the placeholder \`${PLACEHOLDER_ORIGIN}\`. Replace it with your front end's origin; until then your front end is refused too.`;
      break;
    case 'allowlist':
      verdict = allowedOrigin
        ? `Only the listed origins (e.g. \`${allowedOrigin}\`) can read responses${credentials === true ? ', with cookies' : ''}.`
        : 'Other websites cannot read responses.';
      break;
  }
  // Firebase callables: reflection without cookies is the platform's design, and the explanation says why.
  const byDesign = policy.library?.reflectionByDesign;
  if (
    byDesign &&
    (assessment.reason === 'any-origin' || assessment.reason === 'reflect-public' || assessment.reason === 'public') &&
    credentials !== true
  )
    verdict = `${verdict} ${byDesign}`;
  if (assessment.reason === 'wildcard-credentials' && policy.library?.wildcardWithCredentials === 'refused')
    verdict = `Refused: \`${policy.library.packageName}\` refuses \`*\` with credentials: ${policy.library.refusal ?? 'the stack fails to build'}. Fix it with an allowlist.`;
  const note = policy.platformNote ?? (policy.kind === 'options' ? policy.library?.platformNote : undefined);
  if (note) verdict = `${verdict} ${note}`;
  return {
    kind: policy.kind,
    ...(policy.library ? { library: policy.library.packageName } : {}),
    originRule: originRule(policy),
    credentials,
    ...(allowedOrigin ? { allowedOrigin } : {}),
    ...(assessment.level === 'unsafe' && witness ? { witness } : {}),
    responses,
    verdict,
    level: assessment.level,
    ...(policy.server
      ? {
          local: `This server runs on the user's machine: it ${policy.server.how}${policy.server.gate ? `, and ${policy.server.gate.what} turns other callers away` : ''}. ${LOCAL_BROWSER_NOTE}`,
        }
      : {}),
  };
}

function simulated(
  policy: Policy,
  origin: string,
  request: RequestKind,
  label: SimulatedResponse['request'],
): SimulatedResponse {
  const d = decide(policy, origin, request);
  return { request: label, origin, headers: d.headers, readable: d.readable };
}

/** What the origin setting does, in words. */
export function originRule(policy: Policy): string {
  // The question the reflection rule asks: which settings let an origin any site can send through unchecked.
  const unchecked = new Set(unconditionalAdmissions(policy).map((a) => a.spec));
  const parts = policy.origins.map((spec) => specText(spec, unchecked.has(spec)));
  return [...new Set(parts)].join('; or ') || 'no Access-Control-Allow-Origin';
}

function specText(spec: OriginSpec, unchecked: boolean): string {
  switch (spec.type) {
    case 'wildcard':
      if (spec.whenOriginAbsent) return '`*` for requests without an Origin';
      if (spec.release)
        return `${spec.becomesReflection ? "`*`, which this library turns into the request's Origin" : '`*` (any origin)'} (${releaseNote(spec.release)})`;
      return spec.becomesReflection ? "`*`, which this library turns into the request's Origin" : '`*` (any origin)';
    case 'null':
      return '`null`';
    case 'fixed':
      return `the fixed origin \`${spec.value}\``;
    case 'reflect': {
      if (spec.release)
        return spec.release.certainty === 'unknown'
          ? `the request's Origin in releases ${spec.release.row.releases}`
          : `the request's Origin (${releaseNote(spec.release)})`;
      if (unchecked) return "the request's Origin, unchecked";
      const g = spec.guard;
      const check = g.strength === 'exact' ? 'exact allowlist' : g.strength;
      return `the request's Origin when ${/^[aeiou]/i.test(check) ? 'an' : 'a'} ${check} check passes`;
    }
    case 'list':
      return `an allowlist of ${spec.elements.length} entr${spec.elements.length === 1 ? 'y' : 'ies'}`;
    case 'regexp':
      return spec.check.wildcard !== undefined
        ? `origins matching the wildcard \`${spec.check.wildcard}\``
        : `origins matching \`/${spec.check.pattern}/${spec.check.flags}\``;
    case 'unknown':
      return spec.why ?? 'a value CORS Guard cannot read';
  }
}

/** The opt-in switches that let every origin in, in words (`` `process.env.ALLOW_ALL_CORS` ``). */
function switchVariables(policy: Policy): string {
  const names = new Set<string>();
  for (const a of switchedAllowAll(policy)?.admissions ?? [])
    for (const c of switchesIn(a)) names.add(`\`${c.variable}\``);
  return [...names].join(' or ') || 'an opt-in setting';
}
