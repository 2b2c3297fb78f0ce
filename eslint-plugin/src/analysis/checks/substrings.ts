/**
 * Substring tests on a string of origins (`'https://a.example.com,https://b.example'.includes(origin)`,
 * `process.env.ALLOWED.indexOf(origin) !== -1` on the raw, unsplit value): every piece of the string that
 * is itself an origin passes. The attacker origins among them are the entries cut short on a label
 * (`https://app.example.co` inside `https://app.example.com`), which can sit on another registrable domain.
 */
import { parseOrigin } from './origins';
import { classOf, registrableDomainOf } from './suffixes';
import type { Finding, Verdict } from './witness';
import { CLASS_RANK } from './witness-words';

/** What the origins of an unreadable string of origins are judged as (see `WithinCheck.assumes`). */
export const STAND_IN_ORIGIN_LIST = 'https://app.example.com';

const SEPARATORS = /[\s,;|]+/;

/** The verdict of `haystack.includes(origin)`: the strongest origin inside it that is not one of its entries. */
export function substringVerdict(haystack: string): Verdict {
  const entries = haystack.split(SEPARATORS).filter((e) => parseOrigin(e));
  const hosts = [...new Set(entries.map((e) => parseOrigin(e)!.host.toLowerCase()))];
  const own = new Set(hosts.map((h) => registrableDomainOf(h) ?? h));
  let best: Finding | undefined;
  for (const entry of entries) {
    const start = entry.indexOf('://') + 3;
    for (let end = entry.length - 1; end > start; end--) {
      const candidate = entry.slice(0, end);
      const p = parseOrigin(candidate);
      if (!p || (p.scheme !== 'http' && p.scheme !== 'https') || entries.includes(candidate)) continue;
      if (!haystack.includes(candidate)) continue;
      const witnessClass = classOf(candidate, own);
      if (!best || CLASS_RANK[witnessClass] < CLASS_RANK[best.witnessClass])
        best = { witness: candidate, witnessClass };
      if (CLASS_RANK[witnessClass] === 0) break;
    }
    if (best && CLASS_RANK[best.witnessClass] === 0) break;
  }
  return best ? { kind: 'unsafe', hosts, findings: [best] } : { kind: 'safe', hosts };
}
