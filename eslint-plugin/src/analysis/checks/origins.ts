/**
 * Origins as the browser sends them: one parser, the example attacker origin every message and hover
 * names, the trusted origins a project configures, and the one regex escaper.
 */

/** An origin any attacker can send from a page they control. */
export const EXAMPLE_ATTACKER = 'https://evil.example';

/**
 * What a suggested allowlist holds when no trusted origins are configured: an origin under the reserved
 * `.example` top-level domain, which no one can register, so the list type-checks as a list of strings
 * and trusts nobody real until it is filled in. The editor selects it as a snippet's tab stop; the map
 * calls it a placeholder instead of an allowlist.
 */
export const PLACEHOLDER_ORIGIN = 'https://your-frontend.example';

export interface OriginParts {
  readonly scheme: string;
  /** The host as written (browsers send it in lower case); IPv6 literals keep their brackets. */
  readonly host: string;
  readonly port: number;
  /** Whether the port is the scheme's default (written or not). */
  readonly defaultPort: boolean;
}

const ORIGIN = /^([a-z][a-z0-9+.-]*):\/\/(\[[0-9a-f:.]+\]|[^:/*?#@\s]+)(?::(\d+))?$/i;

/** `scheme://host[:port]` split into its parts; undefined for anything else (a path, `null`, a list). */
export function parseOrigin(origin: string): OriginParts | undefined {
  const m = ORIGIN.exec(origin.trim());
  if (!m) return undefined;
  const scheme = m[1]!.toLowerCase();
  const fallback = scheme === 'https' || scheme === 'wss' ? 443 : scheme === 'http' || scheme === 'ws' ? 80 : 0;
  const port = m[3] ? Number(m[3]) : fallback;
  return { scheme, host: m[2]!, port, defaultPort: !m[3] || port === fallback };
}

/** Hosts that are fine over plain HTTP: the developer's own machine. */
export function isLocalHost(host: string): boolean {
  return (
    /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/.test(host) || /\.(?:localhost|test|local)$/.test(host)
  );
}

/**
 * What a host written as an IPv4 address is: `network` for addresses only a local network reaches
 * (private, loopback, link-local, shared, `0.0.0.0/8`, multicast and reserved ranges), `public` for the
 * rest (anyone can run a server there); undefined when the host is not a dotted-quad IPv4 literal.
 */
export function ipv4Reach(host: string): 'network' | 'public' | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2])];
  if ([a, b, Number(m[3]), Number(m[4])].some((x) => x > 255)) return undefined;
  const network =
    a === 0 ||
    a === 10 ||
    a === 127 ||
    a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19));
  return network ? 'network' : 'public';
}

/** `http://host[:port]` (a trailing slash tolerated) on a host that is not the developer's own machine. */
export function insecureOrigin(value: string): string | undefined {
  const v = value.trim().replace(/\/$/, '');
  const parts = parseOrigin(v);
  return parts && parts.scheme === 'http' && !isLocalHost(parts.host.toLowerCase()) ? v : undefined;
}

/** Escapes text for use inside a regular expression (valid with and without the `u` flag). */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Host names a project trusts, from origins (`https://a.example.com`), wildcard origins
 * (`https://*.example.com`) and bare hosts (`example.com`, `*.example.com`): the hosts regex and string
 * checks were meant for.
 */
export function trustedHostsFrom(...lists: readonly (readonly string[] | undefined)[]): string[] {
  const hosts = new Set<string>();
  for (const list of lists) {
    for (const entry of list ?? []) {
      const bare = entry.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
      const host = bare
        .replace(/^\*\./, '')
        .replace(/[:/].*$/, '')
        .toLowerCase();
      if (/^[a-z0-9.-]+$/.test(host) && host.includes('.')) hosts.add(host);
      else if (host === 'localhost') hosts.add(host);
    }
  }
  return [...hosts];
}
