/**
 * Automata of origin patterns and of the origins an attacker can send, built with refa under a budget of
 * counted work (nodes created, product states explored), and the cached search automata of patterns judged
 * on them.
 *
 * Search semantics: `re.test(origin)` matches anywhere unless anchored. The pattern's `^`/`$` are turned
 * into two marker characters that the origin language places only at its ends, and the pattern is wrapped
 * in `[^]*...[^]*`; every character class excludes the markers, so only an anchor can match them.
 */
import {
  CharSet,
  DFA,
  FAIterators,
  JS,
  NFA,
  getIntersectionIterator,
  type Element,
  type NoParent,
  type Node as RNode,
  type TransitionIterable,
} from 'refa';
import { REGEX_BUDGET } from '../budgets';
import { escapeRegex } from './origins';
import { judgedOnAutomaton, screenPattern, type OriginPattern } from './regex-screen';
import {
  ATTACKER_SUFFIXES,
  deployNamePatterns,
  OPEN_TLDS,
  isPublicSuffix,
  knownSuffixOf,
  ownedHosts,
  registrableDomainOf,
  type WitnessClass,
} from './suffixes';

/** Start and end markers: private-use characters no origin contains. */
export const START = 0xe000;
export const END = 0xe001;
export const NODE_LIMIT = REGEX_BUDGET.maxNodes;

/** Thrown when a pattern's analysis runs out of its budget (counted work, or its own RegExp's guard). */
export class BudgetExhausted extends Error {
  constructor(
    message: string,
    readonly backtracks = false,
  ) {
    super(message);
  }
}

/**
 * The work meter: every unit of work the automata do is counted (a node created by any construction, a state
 * of a product explored, a run of the project's RegExp), never time, so the same input gets the same verdict
 * alone, under load, cold or warm. Work served from a cache is charged what it cost to build, so a warm
 * process stops exactly where a cold one does.
 */
let spent = 0;
/** The absolute count at which the analysis in progress must stop, and what it says when it does. */
let limit = Infinity;
let limitReason = 'its analysis used up its work budget';
export function spend(units = 1): void {
  spent += units;
  if (spent > limit) throw new BudgetExhausted(limitReason);
}
/** Work counted so far in this process (only differences mean anything). */
export function workSpent(): number {
  return spent;
}
/** Runs `f` with at most `units` more work (never more than an enclosing limit allows). */
export function withinWork<T>(units: number, reason: string, f: () => T): T {
  const outer = { limit, limitReason };
  if (spent + units < limit) {
    limit = spent + units;
    limitReason = reason;
  }
  try {
    return f();
  } finally {
    limit = outer.limit;
    limitReason = outer.limitReason;
  }
}

/** refa node factories that count every node they create against the meter (and cap one construction). */
class CountedNfaFactory extends NFA.LimitedNodeFactory {
  override createNode(): ReturnType<NFA.LimitedNodeFactory['createNode']> {
    spend();
    return super.createNode();
  }
}
class CountedDfaFactory extends DFA.LimitedNodeFactory {
  override createNode(): ReturnType<DFA.LimitedNodeFactory['createNode']> {
    spend();
    return super.createNode();
  }
}
export const nfaFactory = (): NFA.LimitedNodeFactory => new CountedNfaFactory(NODE_LIMIT);
export const dfaFactory = (): DFA.LimitedNodeFactory => new CountedDfaFactory(NODE_LIMIT);

/** The lazy product of two automata, each state explored counted against the meter. */
export function product<L, R>(
  a: TransitionIterable<L>,
  b: TransitionIterable<R>,
): ReturnType<typeof getIntersectionIterator<L, R>> {
  const it = getIntersectionIterator(a, b, NODE_LIMIT);
  return {
    ...it,
    getOut: (state) => {
      const out = it.getOut(state);
      spend(1 + out.size);
      return out;
    },
  };
}
/** Whether two automata accept no common word, counted (refa's `isDisjointWith`, metered). */
export function disjoint<L, R>(a: TransitionIterable<L>, b: TransitionIterable<R>): boolean {
  return !FAIterators.canReachFinal(FAIterators.mapOut(product(a, b), (out) => out.keys()));
}

/** `make()` once, on first use; later uses are charged the work the first one cost. */
function cached<T>(make: () => T): () => T {
  let value: { v: T; cost: number } | undefined;
  return () => {
    if (value) {
      spend(value.cost);
      return value.v;
    }
    const before = spent;
    const v = make();
    value = { v, cost: spent - before };
    return v;
  };
}

export const LABEL = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
export const PORT = '(?::[0-9]{1,5})?';
export const M = (c: number) => `\\u${c.toString(16).toUpperCase()}`;

/**
 * The languages a pattern is judged against. Only `attack` is built up front: most checks are safe, and
 * their verdict needs nothing else; the preference classes (wanted for a witness) and the legitimate
 * origins (wanted for a repair) are built the first time they are asked for, one class at a time.
 */
export interface Languages {
  readonly attack: NFA;
  readonly prefs: readonly { readonly cls: WitnessClass; nfa(): NFA }[];
  legit(): NFA;
}

/** Languages by hosts, with the work building them cost (charged again on every hit). */
const languageCache = new Map<string, { readonly langs: Languages; readonly cost: number }>();

export function literalNfa(source: string, unicode: boolean, maxCharacter: number): NFA {
  const parser = JS.Parser.fromLiteral({ source, flags: unicode ? 'u' : '' });
  const { expression } = parser.parse();
  return NFA.fromRegex(expression, { maxCharacter }, {}, nfaFactory());
}

function complementDfa(source: string, unicode: boolean, maxCharacter: number): DFA {
  const dfa = DFA.fromFA(literalNfa(source, unicode, maxCharacter), dfaFactory());
  dfa.complement();
  return dfa;
}

/** The attacker origin languages for a set of intended hosts, in order of preference. Cached. */
export function languagesFor(hosts: readonly string[], unicode: boolean): Languages {
  const key = `${unicode ? 'u' : ''}:${hosts.join(',')}`;
  const hit = languageCache.get(key);
  if (hit) {
    spend(hit.cost);
    return hit.langs;
  }
  const before = spent;
  // Building them costs more than their nodes (character sets split and merged on every transition).
  spend(REGEX_BUDGET.languagesBaseCost);
  const max = unicode ? 0x10ffff : 0xffff;
  const s = M(START);
  const e = M(END);
  const host = `${LABEL}(?:\\.${LABEL})*`;
  const origin = `${s}(?:https?:\\/\\/${host}${PORT}|null)${e}`;
  // A public suffix named in a check (`\\.vercel\\.app$`) is nobody's own host: anyone can register under it.
  const owned = ownedHosts(hosts);
  // Netlify's `<deploy>--<site>.netlify.app` names belong to the site's owner too (suffixes.ts).
  const hostAlternatives =
    [...owned.map(escapeRegex), ...deployNamePatterns(owned, LABEL, escapeRegex)].join('|') || '(?!)';
  const good = `${s}https?:\\/\\/(?:${LABEL}\\.)*(?:${hostAlternatives})${PORT}${e}`;
  // Legitimate origins a repair must keep; hosts that name an intended host twice
  // (`a.example.com.example.com`) are artifacts of unanchored matching, not origins anyone meant.
  const twice = `${s}https?:\\/\\/(?:${LABEL}\\.)*(?:${hostAlternatives})\\.(?:${LABEL}\\.)*(?:${hostAlternatives})${PORT}${e}`;
  const originNfa = literalNfa(origin, unicode, max);
  const attack = NFA.fromIntersection(originNfa, complementDfa(good, unicode, max), nfaFactory());
  const legit = cached(() =>
    NFA.fromIntersection(
      NFA.fromIntersection(originNfa, literalNfa(good, unicode, max), nfaFactory()),
      complementDfa(twice, unicode, max),
      nfaFactory(),
    ),
  );
  const sites = [...new Set(owned.map((h) => registrableDomainOf(h) ?? h))].map(escapeRegex).join('|') || '(?!)';
  // Registrable by construction: at least one label under a suffix of the Public Suffix List.
  const suffixes = [
    ...new Set([
      ...hosts.map((h) => (isPublicSuffix(h) ? h : knownSuffixOf(h))).filter((x): x is string => !!x),
      ...(hosts.length === 0 ? OPEN_TLDS : ATTACKER_SUFFIXES),
    ]),
  ];
  const registrable = `${s}https?:\\/\\/(?:${LABEL}\\.)*${LABEL}\\.(?:${suffixes.map(escapeRegex).join('|')})${PORT}${e}`;
  const ownSite = `${s}https?:\\/\\/(?:${LABEL}\\.)*(?:${sites})${PORT}${e}`;
  const inter = <T>(a: NFA, b: TransitionIterable<T>) => NFA.fromIntersection(a, b, nfaFactory());
  // Preference classes, intersected lazily with (pattern ∩ attack) when a witness is wanted.
  const suffix = `${s}https:\\/\\/(?:${LABEL}\\.)*evil\\.net${PORT}${e}`;
  const prefs: Languages['prefs'] = [
    { cls: 'attacker-suffix', nfa: cached(() => literalNfa(suffix, unicode, max)) },
    {
      cls: 'registrable',
      nfa: cached(() => inter(literalNfa(registrable, unicode, max), complementDfa(ownSite, unicode, max))),
    },
    { cls: 'same-site', nfa: cached(() => literalNfa(ownSite, unicode, max)) },
    { cls: 'null', nfa: cached(() => literalNfa(`${s}null${e}`, unicode, max)) },
    { cls: 'unregistrable', nfa: () => originNfa },
  ];
  const result = { attack, prefs, legit };
  if (languageCache.size > 200) languageCache.clear();
  languageCache.set(key, { langs: result, cost: spent - before });
  return result;
}

/** The search-semantics language of a pattern, with anchors as markers. */
export function searchNfa(p: OriginPattern): { nfa: NFA; approximate: boolean; unicode: boolean } {
  const parser = JS.Parser.fromLiteral({ source: p.pattern, flags: p.flags.replace(/[gyd]/g, '') });
  const { expression } = parser.parse({ assertions: 'parse', backreferences: 'throw' });
  // refa 0.12 reports 0xFFFF for the `v` flag while building its sets for 0x10FFFF.
  const maxCharacter = /[uv]/.test(p.flags) ? 0x10ffff : 0xffff;
  const markers = CharSet.fromCharacters(maxCharacter, [START, END]);
  let approximate = false;
  const isAnchor = (a: NoParent<RNode> & { type: 'Assertion' }, kind: 'ahead' | 'behind') =>
    a.kind === kind &&
    a.negate &&
    a.alternatives.length === 1 &&
    a.alternatives[0]!.elements.length === 1 &&
    a.alternatives[0]!.elements[0]!.type === 'CharacterClass' &&
    // `(?![^])` is `$`; `(?!-)` is a one-character lookahead, not an anchor
    a.alternatives[0]!.elements[0]!.characters.isAll;
  /**
   * A lookahead that ends the pattern and looks at one character or the end (`(?=$|\/)`, `(?![\w.-])`): with
   * search semantics it may consume that character, so it becomes a class (the end marker for `$`), exactly.
   */
  const finalLookahead = (a: NoParent<RNode> & { type: 'Assertion' }): CharSet | undefined => {
    if (a.kind !== 'ahead' || isAnchor(a, 'ahead')) return undefined;
    let set = CharSet.empty(maxCharacter);
    for (const alt of a.alternatives) {
      if (alt.elements.length !== 1) return undefined;
      const el = alt.elements[0]!;
      if (el.type === 'CharacterClass') set = set.union(el.characters.without(markers));
      else if (el.type === 'Assertion' && isAnchor(el, 'ahead'))
        set = set.union(CharSet.fromCharacter(maxCharacter, END));
      else return undefined;
    }
    return a.negate ? set.negate().without(CharSet.fromCharacter(maxCharacter, START)) : set;
  };
  const mapConcat = (
    c: NoParent<RNode> & { type: 'Concatenation' },
    top = false,
  ): NoParent<RNode> & { type: 'Concatenation' } => ({
    type: 'Concatenation',
    elements: c.elements.flatMap((el, i): NoParent<Element>[] => {
      if (top && i === c.elements.length - 1 && el.type === 'Assertion') {
        const set = finalLookahead(el);
        if (set) return [{ type: 'CharacterClass', characters: set }];
      }
      switch (el.type) {
        case 'CharacterClass':
          return [{ type: 'CharacterClass', characters: el.characters.without(markers) }];
        case 'Assertion':
          if (isAnchor(el, 'behind'))
            return [{ type: 'CharacterClass', characters: CharSet.fromCharacter(maxCharacter, START) }];
          if (isAnchor(el, 'ahead'))
            return [{ type: 'CharacterClass', characters: CharSet.fromCharacter(maxCharacter, END) }];
          // Other lookarounds and \b: dropped, which over-approximates; witnesses are re-tested with RegExp.
          approximate = true;
          return [];
        case 'Alternation':
          return [{ type: 'Alternation', alternatives: el.alternatives.map((a) => mapConcat(a)) }];
        case 'Quantifier':
          return [{ ...el, alternatives: el.alternatives.map((a) => mapConcat(a)) }];
        default:
          throw new Error(`unsupported element ${el.type}`);
      }
    }),
  });
  const any: NoParent<RNode> = {
    type: 'Quantifier',
    lazy: false,
    min: 0,
    max: Infinity,
    alternatives: [
      { type: 'Concatenation', elements: [{ type: 'CharacterClass', characters: CharSet.all(maxCharacter) }] },
    ],
  };
  const body: NoParent<RNode> = {
    type: 'Alternation',
    alternatives: expression.alternatives.map((a) => mapConcat(a, true)),
  };
  const wrapped = [{ type: 'Concatenation' as const, elements: [any, body, any] }];
  const nfa = NFA.fromRegex(wrapped, { maxCharacter }, { assertions: 'throw' }, nfaFactory());
  return { nfa, approximate, unicode: maxCharacter > 0xffff };
}

/** An origin run through a search automaton (the anchors as markers), in time linear in the origin. */
export function testOn(nfa: NFA): (origin: string) => boolean {
  return (o) => nfa.test([START, ...Array.from(o, (c) => c.codePointAt(0)!), END]);
}

/** The search automata of patterns judged on them, built once for the verdict and for `automatonTest`. */
const exactSearches = new Map<
  string,
  { readonly search: ReturnType<typeof searchNfa> | null; readonly cost: number }
>();
export function exactSearchOf(p: OriginPattern): ReturnType<typeof searchNfa> | undefined {
  const key = `${p.flags}:${p.pattern}`;
  const hit = exactSearches.get(key);
  if (hit) {
    spend(hit.cost);
    return hit.search ?? undefined;
  }
  const before = spent;
  let search: ReturnType<typeof searchNfa> | null = null;
  if (judgedOnAutomaton(p, screenPattern(p))) {
    try {
      search = searchNfa(p);
    } catch (error) {
      // A budget that ran out is not an answer to keep; too large or unreadable is (the analysis says why).
      if (error instanceof BudgetExhausted) throw error;
      search = null;
    }
  }
  if (exactSearches.size > 500) exactSearches.clear();
  exactSearches.set(key, { search, cost: spent - before });
  return search ?? undefined;
}

/**
 * For a pattern judged on its automaton (see `judgedOnAutomaton`: `^https:\/\/(a+)+\.example\.com$`): a
 * test of an origin on the automaton, which answers what the RegExp would without backtracking. Undefined
 * for any other pattern (its RegExp is run, bounded).
 */
export function automatonTest(p: OriginPattern): ((origin: string) => boolean) | undefined {
  const search = exactSearchOf(p);
  return search && testOn(search.nfa);
}
