/**
 * Witness words: the most convincing attacker origin an automaton accepts, read from its shortest words
 * (readable characters preferred, verified with the real check), by preference class, and made to read
 * like an attack (`https://evilexample.com`).
 */
import { FAIterators, NFA, type CharSet } from 'refa';
import { disjoint, END, nfaFactory, product, START, type Languages } from './automata';
import { ipv4Reach, parseOrigin } from './origins';
import { classOf, isUnder, ownedHosts, registrableDomainOf, type WitnessClass } from './suffixes';

/** Readable characters to prefer when a position allows many. */
const PREFERRED = 'xaeiounlmrstvbcdfghjkpqwyz0123456789-.';

export function pickWord(wordSet: readonly CharSet[]): string {
  let out = '';
  for (const set of wordSet) {
    const c = [...PREFERRED].map((ch) => ch.charCodeAt(0)).find((ch) => set.has(ch)) ?? set.ranges[0]!.min;
    out += String.fromCodePoint(c);
  }
  return out;
}

/** The preferred word of a word set, then words that differ from it at one position (a few at most). */
export function candidateWords(wordSet: readonly CharSet[]): string[] {
  const first = pickWord(wordSet);
  const out = [first];
  const chars = [...first];
  for (let i = 0; i < wordSet.length && out.length < 24; i++) {
    for (const ch of PREFERRED) {
      const c = ch.charCodeAt(0);
      if (ch === chars[i] || !wordSet[i]!.has(c)) continue;
      out.push([...chars.slice(0, i), ch, ...chars.slice(i + 1)].join(''));
      break;
    }
  }
  return out;
}

export function stripMarkers(word: string): string | undefined {
  if (word.codePointAt(0) !== START || word.codePointAt(word.length - 1) !== END) return undefined;
  return word.slice(1, -1);
}

/** Makes a witness read like an attack: `https://xxexample.com` -> `https://evilexample.com` when accepted. */
function beautify(witness: string, accepts: (origin: string) => boolean): string {
  const m = /^(https?:\/\/)([^.:]+)(.*)$/.exec(witness);
  if (!m) return witness;
  const [, scheme, first, rest] = m as unknown as [string, string, string, string];
  const candidates: string[] = [];
  for (let k = first.length; k >= 0; k--) candidates.push(`${scheme}evil${first.slice(k)}${rest}`);
  // A prefix the check insists on (`myapp-` in `^https:\/\/myapp-.*\.vercel\.app$`) is kept, whole words first;
  // a name the check lets grow (`^https:\/\/myapp[a-z0-9-]*\.vercel\.app$`) becomes another project's name.
  const prefixes = Array.from({ length: Math.max(first.length - 1, 0) }, (_, i) => first.slice(0, i + 1));
  for (const p of prefixes) if (p.endsWith('-')) candidates.push(`${scheme}${p}evil${rest}`);
  candidates.push(`${scheme}${first}-evil${rest}`);
  for (const p of prefixes) if (!p.endsWith('-')) candidates.push(`${scheme}${p}evil${rest}`);
  candidates.push(`${scheme}${first}evil${rest}`);
  return candidates.find(accepts) ?? witness;
}

export const CLASS_RANK: Readonly<Record<WitnessClass, number>> = {
  'attacker-suffix': 0,
  registrable: 0,
  'same-site': 1,
  null: 2,
  unregistrable: 3,
};

/** Public addresses tried in place of a network-only one the check accepts (documentation ranges first). */
const PUBLIC_ADDRESSES = [
  '203.0.113.7',
  '198.51.100.7',
  '8.8.8.8',
  '1.1.1.1',
  '23.1.2.3',
  '34.1.2.3',
  '45.1.2.3',
  '52.1.2.3',
  '93.184.216.34',
  '104.16.1.1',
  '151.101.1.1',
  '185.1.2.3',
  '211.1.2.3',
];

/**
 * A public address the check accepts in place of the network-only one it was found with
 * (`http://0.0.0.0:8080` -> `http://203.0.113.7:8080`), keeping scheme and port.
 */
function publicAddressInstead(word: string, acceptable: (origin: string) => boolean): string | undefined {
  const p = parseOrigin(word);
  if (!p || ipv4Reach(p.host) !== 'network') return undefined;
  const at = word.indexOf(p.host);
  return PUBLIC_ADDRESSES.map((a) => word.slice(0, at) + a + word.slice(at + p.host.length)).find(acceptable);
}

/** The shortest verified witness of `search ∩ attack`, by preference class. */
export function findWitness(
  search: NFA,
  langs: Languages,
  hosts: readonly string[],
  verify: (origin: string) => boolean,
): { witness: string; witnessClass: WitnessClass; doubtful?: true } | undefined {
  if (disjoint(search, langs.attack)) return undefined;
  const owned = ownedHosts(hosts);
  const ownSites = new Set(owned.map((h) => registrableDomainOf(h) ?? h));
  const accepted = NFA.fromIntersection(search, langs.attack, nfaFactory());
  const acceptable = (o: string) => {
    const p = parseOrigin(o);
    return !!p && !isUnder(p.host, owned) && verify(o);
  };
  let best: { witness: string; witnessClass: WitnessClass } | undefined;
  // The best class whose words the automaton admits but the real check refused every one tried: with lookarounds
  // dropped, the check may still admit others of that class (`(?<![\w.-])([a-z]+.)?example.com$` refuses
  // `https://xexample.com` yet admits `https://evilexample.com`), so a weaker witness found later is doubtful.
  let refusedRank = Infinity;
  for (const { cls, nfa } of langs.prefs) {
    // A class ranked no better than the witness in hand cannot improve on it.
    if (best && CLASS_RANK[cls] >= CLASS_RANK[best.witnessClass]) break;
    // Shortest word set on the lazy product: path enumeration blows up on ambiguous patterns.
    const ws = FAIterators.shortestWordSet(product(accepted, nfa()));
    if (!ws) continue;
    // The automaton drops lookarounds (`(?=$|\/)`): when the first word fails the real check, try the
    // other characters each position allows before giving up on the class.
    // A lookahead on the scheme (`^(?=https:)`) refuses the shortest words, which are `http://`: their
    // `https://` twins are tried next.
    const word = candidateWords(ws)
      .map(stripMarkers)
      .flatMap((w) => (w?.startsWith('http://') ? [w, `https://${w.slice(7)}`] : [w]))
      .find((w): w is string => w !== undefined && (w === 'null' ? verify(w) : acceptable(w)));
    if (word === undefined) {
      refusedRank = Math.min(refusedRank, CLASS_RANK[cls]);
      continue;
    }
    let pretty = publicAddressInstead(word, acceptable) ?? word;
    if (pretty.startsWith('http://') && acceptable(`https://${pretty.slice(7)}`)) pretty = `https://${pretty.slice(7)}`;
    const witnessClass = classOf(pretty, ownSites);
    if (cls === 'registrable' && witnessClass === 'registrable')
      pretty = beautify(pretty, (o) => acceptable(o) && classOf(o, ownSites) === 'registrable');
    const found = { witness: pretty, witnessClass };
    if (!best || CLASS_RANK[witnessClass] < CLASS_RANK[best.witnessClass]) best = found;
    if (CLASS_RANK[witnessClass] === 0) break;
  }
  return best && CLASS_RANK[best.witnessClass] > refusedRank ? { ...best, doubtful: true } : best;
}
