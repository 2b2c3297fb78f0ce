/**
 * Public Suffix List facts about hosts: the registrable domain of a host, whether a host is a public or
 * shared-hosting suffix anyone can register under, the suffixes an attacker's domain is written under, and
 * the class of an attacker origin by them.
 */
import { parse as parseHost } from 'tldts';
import { ipv4Reach, parseOrigin } from './origins';

export type WitnessClass =
  /** A host on a domain the attacker can register (`https://example.com.evil.net`, `https://evilexample.com`). */
  | 'registrable'
  /** Like `registrable`, as a subdomain of the attacker's own `evil.net`. */
  | 'attacker-suffix'
  /** Another subdomain of the intended site (`https://evil.example.com` when only `www.example.com` was meant). */
  | 'same-site'
  /** The `null` origin (sandboxed iframes). */
  | 'null'
  /** A host nobody can register publicly: a single label or an unknown top-level domain. */
  | 'unregistrable';

const PSL_OPTIONS = { allowPrivateDomains: true } as const;

/**
 * The registrable domain of a host by the Public Suffix List, private section included (`evil.vercel.app`,
 * `example.co.uk`); undefined for a public suffix itself, a single label or an unknown top-level domain.
 */
export function registrableDomainOf(host: string): string | undefined {
  const p = parseHost(host, PSL_OPTIONS);
  return p.domain && (p.isIcann || p.isPrivate) ? p.domain : undefined;
}

/**
 * Whether anyone can create hosts under `host`: it is a public suffix (`com`, `co.uk`) or a shared-hosting
 * suffix from the list's private section (`vercel.app`, `github.io`, `herokuapp.com`).
 */
export function isPublicSuffix(host: string): boolean {
  const p = parseHost(host, PSL_OPTIONS);
  return p.publicSuffix === host && (p.isIcann === true || p.isPrivate === true);
}

/**
 * The shared-hosting or public suffix among `hosts` that the witness is a subdomain of (`vercel.app` for
 * `https://evil.vercel.app`): the reason anyone can get in.
 */
export function openSuffixOf(witness: string, hosts: readonly string[]): string | undefined {
  const host = parseOrigin(witness)?.host;
  return host === undefined ? undefined : hosts.find((h) => isPublicSuffix(h) && host.endsWith(`.${h}`));
}

/** The public suffix of a host when the list knows it (`co.uk` for `example.co.uk`). */
export function knownSuffixOf(host: string): string | undefined {
  const p = parseHost(host, PSL_OPTIONS);
  return p.publicSuffix && (p.isIcann || p.isPrivate) ? p.publicSuffix : undefined;
}

/** Suffixes an attacker's own domain is written under when the check leaves the top-level domain open. */
export const ATTACKER_SUFFIXES = ['com', 'net'];
/**
 * For a check that names no host, whatever it accepts is someone's: top-level domains anyone can register
 * under, one for nearly every last letter, so a witness ends the way the check requires (`/a$|b$/`).
 */
export const OPEN_TLDS = [
  ...ATTACKER_SUFFIXES,
  'org',
  'io',
  'ca',
  'club',
  'cc',
  'ad',
  'me',
  'tf',
  'sh',
  'ai',
  'uk',
  'nl',
  'cn',
  'app',
  'iq',
  'fr',
  'us',
  'eu',
  'tv',
  'tw',
  'xxx',
  'xyz',
  'biz',
];

/**
 * Shared-hosting suffixes whose provider serves a site's own deploys as `<deploy>--<site>.<suffix>`
 * (Netlify's deploy previews and branch deploys): only the site's owner creates those names.
 */
const DEPLOY_SUBDOMAIN_SUFFIXES = ['netlify.app'];

export function isUnder(host: string, hosts: readonly string[]): boolean {
  return hosts.some((h) => host === h || host.endsWith(`.${h}`) || isDeployOf(host, h));
}

/**
 * The deploy names an owned site on such a suffix also owns, as regex sources over one DNS label
 * (`<label>--site\.netlify\.app`), so the attacker language leaves them out as it leaves the site out.
 */
export function deployNamePatterns(owned: readonly string[], label: string, escape: (s: string) => string): string[] {
  return owned
    .filter((site) => {
      const suffix = DEPLOY_SUBDOMAIN_SUFFIXES.find((s) => site.endsWith(`.${s}`));
      return suffix !== undefined && site.split('.').length === suffix.split('.').length + 1;
    })
    .map((site) => `${label}--${escape(site)}`);
}

/** `deploy-preview-12--site.netlify.app` is a deploy of the site `site.netlify.app`. */
function isDeployOf(host: string, site: string): boolean {
  const suffix = DEPLOY_SUBDOMAIN_SUFFIXES.find((s) => site.endsWith(`.${s}`));
  if (!suffix || site.split('.').length !== suffix.split('.').length + 1) return false;
  const at = host.indexOf(`--${site}`);
  return at > 0 && at + 2 + site.length === host.length && !host.slice(0, at).includes('.');
}

/** The intended hosts someone can own: public suffixes (`vercel.app`, `co.uk`) are open to everyone. */
export function ownedHosts(hosts: readonly string[]): string[] {
  return hosts.filter((h) => !isPublicSuffix(h));
}

/** The class of a verified witness, by the Public Suffix List. */
export function classOf(origin: string, ownSites: ReadonlySet<string>): WitnessClass {
  if (origin === 'null') return 'null';
  const host = parseOrigin(origin)?.host;
  // An address: a public one is anyone's server; a private one exists only on a local network.
  const reach = host === undefined ? undefined : ipv4Reach(host);
  if (reach) return reach === 'public' ? 'registrable' : 'unregistrable';
  const domain = host === undefined ? undefined : registrableDomainOf(host);
  if (domain === undefined) return 'unregistrable';
  return ownSites.has(domain) ? 'same-site' : 'registrable';
}
