/**
 * Automata of origin patterns and of the origins an attacker can send, built with refa under a node and
 * time budget, and the cached search automata of patterns judged on them.
 *
 * Search semantics: `re.test(origin)` matches anywhere unless anchored. The pattern's `^`/`$` are turned
 * into two marker characters that the origin language places only at its ends, and the pattern is wrapped
 * in `[^]*...[^]*`; every character class excludes the markers, so only an anchor can match them.
 */
import { CharSet, DFA, JS, NFA, type Element, type NoParent, type Node as RNode, type TransitionIterable } from 'refa';
import { REGEX_BUDGET } from '../budgets';
import { cpuMs } from './bounded-regexp';
import { escapeRegex } from './origins';
import { judgedOnAutomaton, screenPattern, type OriginPattern } from './regex-screen';
import {
  ATTACKER_SUFFIXES,
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

/** Thrown when a pattern's analysis runs out of its budget (time, or its own RegExp's running time). */
export class BudgetExhausted extends Error {
  constructor(
    message: string,
    readonly backtracks = false,
  ) {
    super(message);
  }
}

/** When the pattern being analysed must be done (`cpuMs()` time). */
let deadline = Infinity;
/**
 * Before this wall-clock time (`performance.now()`) the deadline cannot have passed: the main thread's CPU
 * time grows no faster than the clock. Reading CPU time is a system call (tens of microseconds on some
 * machines), so it is asked only once the clock alone could have run out.
 */
let clockCannotExceed = Infinity;
export function setDeadline(d: number): void {
  deadline = d;
  clockCannotExceed = d === Infinity ? Infinity : performance.now() + (d - cpuMs());
}
export function checkTime(): void {
  if (performance.now() < clockCannotExceed) return;
  if (cpuMs() > deadline) throw new BudgetExhausted('the analysis ran out of time');
}
/** The deadline in force, to be restored after narrowing it for one pattern. */
export function currentDeadline(): number {
  return deadline;
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

/** `make()` once, on first use. */
function lazily<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

const languageCache = new Map<string, Languages>();

export function literalNfa(source: string, unicode: boolean, maxCharacter: number): NFA {
  const parser = JS.Parser.fromLiteral({ source, flags: unicode ? 'u' : '' });
  const { expression } = parser.parse();
  return NFA.fromRegex(expression, { maxCharacter }, {}, new NFA.LimitedNodeFactory(NODE_LIMIT));
}

function complementDfa(source: string, unicode: boolean, maxCharacter: number): DFA {
  const dfa = DFA.fromFA(literalNfa(source, unicode, maxCharacter), new DFA.LimitedNodeFactory(NODE_LIMIT));
  dfa.complement();
  return dfa;
}

/** The attacker origin languages for a set of intended hosts, in order of preference. Cached. */
export function languagesFor(hosts: readonly string[], unicode: boolean): Languages {
  const key = `${unicode ? 'u' : ''}:${hosts.join(',')}`;
  const hit = languageCache.get(key);
  if (hit) return hit;
  const max = unicode ? 0x10ffff : 0xffff;
  const s = M(START);
  const e = M(END);
  const host = `${LABEL}(?:\\.${LABEL})*`;
  const origin = `${s}(?:https?:\\/\\/${host}${PORT}|null)${e}`;
  // A public suffix named in a check (`\\.vercel\\.app$`) is nobody's own host: anyone can register under it.
  const owned = ownedHosts(hosts);
  const hostAlternatives = owned.map(escapeRegex).join('|') || '(?!)';
  const good = `${s}https?:\\/\\/(?:${LABEL}\\.)*(?:${hostAlternatives})${PORT}${e}`;
  // Legitimate origins a repair must keep; hosts that name an intended host twice
  // (`a.example.com.example.com`) are artifacts of unanchored matching, not origins anyone meant.
  const twice = `${s}https?:\\/\\/(?:${LABEL}\\.)*(?:${hostAlternatives})\\.(?:${LABEL}\\.)*(?:${hostAlternatives})${PORT}${e}`;
  const originNfa = literalNfa(origin, unicode, max);
  const attack = NFA.fromIntersection(
    originNfa,
    complementDfa(good, unicode, max),
    new NFA.LimitedNodeFactory(NODE_LIMIT),
  );
  const legit = lazily(() =>
    NFA.fromIntersection(
      NFA.fromIntersection(originNfa, literalNfa(good, unicode, max), new NFA.LimitedNodeFactory(NODE_LIMIT)),
      complementDfa(twice, unicode, max),
      new NFA.LimitedNodeFactory(NODE_LIMIT),
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
  const inter = <T>(a: NFA, b: TransitionIterable<T>) =>
    NFA.fromIntersection(a, b, new NFA.LimitedNodeFactory(NODE_LIMIT));
  // Preference classes, intersected lazily with (pattern ∩ attack) when a witness is wanted.
  const suffix = `${s}https:\\/\\/(?:${LABEL}\\.)*evil\\.net${PORT}${e}`;
  const prefs: Languages['prefs'] = [
    { cls: 'attacker-suffix', nfa: lazily(() => literalNfa(suffix, unicode, max)) },
    {
      cls: 'registrable',
      nfa: lazily(() => inter(literalNfa(registrable, unicode, max), complementDfa(ownSite, unicode, max))),
    },
    { cls: 'same-site', nfa: lazily(() => literalNfa(ownSite, unicode, max)) },
    { cls: 'null', nfa: lazily(() => literalNfa(`${s}null${e}`, unicode, max)) },
    { cls: 'unregistrable', nfa: () => originNfa },
  ];
  const result = { attack, prefs, legit };
  if (languageCache.size > 200) languageCache.clear();
  languageCache.set(key, result);
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
    a.alternatives[0]!.elements[0]!.type === 'CharacterClass';
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
  const nfa = NFA.fromRegex(wrapped, { maxCharacter }, { assertions: 'throw' }, new NFA.LimitedNodeFactory(NODE_LIMIT));
  return { nfa, approximate, unicode: maxCharacter > 0xffff };
}

/** An origin run through a search automaton (the anchors as markers), in time linear in the origin. */
export function testOn(nfa: NFA): (origin: string) => boolean {
  return (o) => nfa.test([START, ...Array.from(o, (c) => c.codePointAt(0)!), END]);
}

/** The search automata of patterns judged on them, built once for the verdict and for `automatonTest`. */
const exactSearches = new Map<string, ReturnType<typeof searchNfa> | null>();
export function exactSearchOf(p: OriginPattern): ReturnType<typeof searchNfa> | undefined {
  const key = `${p.flags}:${p.pattern}`;
  let search = exactSearches.get(key);
  if (search === undefined) {
    search = null;
    if (judgedOnAutomaton(p, screenPattern(p))) {
      try {
        search = searchNfa(p);
      } catch {
        search = null; // too large or unreadable: the analysis says why
      }
    }
    if (exactSearches.size > 500) exactSearches.clear();
    exactSearches.set(key, search);
  }
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
