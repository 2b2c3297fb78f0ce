/**
 * Decides whether an origin check (a RegExp tested against the origin, or a string method on it) accepts a
 * browser-sendable origin outside the hosts its author meant, names the most convincing such origin (a
 * witness), finds the part of the pattern responsible (the culprit), and proposes a repair that is verified
 * with the same automata. Everything is bounded: past the node budget the answer is `inconclusive`.
 *
 * Search semantics: `re.test(origin)` matches anywhere unless anchored. The pattern's `^`/`$` are turned
 * into two marker characters that the origin language places only at its ends, and the pattern is wrapped
 * in `[^]*...[^]*`; every character class excludes the markers, so only an anchor can match them.
 */
import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';
import { parse as parseHost } from 'tldts';
import {
  CharSet,
  DFA,
  FAIterators,
  JS,
  NFA,
  TooManyNodesError,
  getIntersectionIterator,
  isDisjointWith,
  type Element,
  type NoParent,
  type Node as RNode,
  type TransitionIterable,
} from 'refa';
import { REGEX_BUDGET } from '../budgets';
import { boundedTest, cpuMs } from './bounded-regexp';
import { escapeRegex, isLocalHost, parseOrigin } from './origins';

/** Start and end markers: private-use characters no origin contains. */
const START = 0xe000;
const END = 0xe001;
const NODE_LIMIT = REGEX_BUDGET.maxNodes;

/** Thrown when a pattern's analysis runs out of its budget (time, or its own RegExp's running time). */
class BudgetExhausted extends Error {
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
function setDeadline(d: number): void {
  deadline = d;
  clockCannotExceed = d === Infinity ? Infinity : performance.now() + (d - cpuMs());
}
function checkTime(): void {
  if (performance.now() < clockCannotExceed) return;
  if (cpuMs() > deadline) throw new BudgetExhausted('the analysis ran out of time');
}

export interface OriginPattern {
  readonly pattern: string;
  readonly flags: string;
}

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

export type CulpritKind = 'unescaped-dot' | 'missing-start-anchor' | 'missing-end-anchor' | 'broad-wildcard';

export interface Culprit {
  readonly kind: CulpritKind;
  /** Offsets in the pattern source: the culprit's text, or an empty range where an anchor is missing. */
  readonly start: number;
  readonly end: number;
}

export interface Finding {
  readonly witness: string;
  readonly witnessClass: WitnessClass;
  /** Undefined when no single part of the pattern explains the witness. */
  readonly culprit?: Culprit;
}

export type Verdict =
  | { readonly kind: 'safe'; readonly hosts: readonly string[] }
  | {
      readonly kind: 'unsafe';
      readonly hosts: readonly string[];
      readonly findings: readonly Finding[];
      readonly repair?: string;
    }
  | {
      readonly kind: 'inconclusive';
      readonly reason: string;
      /**
       * The check could not be analysed (a budget ran out, or a feature the automata cannot read such as
       * backreferences): nothing is known about what it admits, which the rules say.
       */
      readonly unanalysable?: true;
      /**
       * The screen turned it away (its RegExp may take exponential or high polynomial time on an origin, or
       * it is too large): its RegExp is not run at all, so what it admits is unknown for every origin.
       */
      readonly notRun?: true;
      /** It ran out of time: another run may well decide it, so the verdict is never cached. */
      readonly outOfTime?: true;
    };

/** The verdict of a check whose analysis ran out of budget, or could not start. */
export function unanalysable(reason: string, notRun = false): Verdict {
  return { kind: 'inconclusive', reason, unanalysable: true, ...(notRun ? { notRun: true as const } : {}) };
}

/** How the screen's reasons for a pattern whose RegExp can backtrack catastrophically begin. */
const BACKTRACKS = 'its RegExp can backtrack';
/** What makes the automaton of a pattern approximate: lookarounds, word boundaries, backreferences. */
const INEXACT = /\(\?<?[=!]|\\[bB1-9k]/;

const LABEL = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
/** The label pattern suggestions write: short and readable. */
const REPAIR_LABEL = '[a-z0-9-]+';
const PORT = '(?::[0-9]{1,5})?';
const M = (c: number) => `\\u${c.toString(16).toUpperCase()}`;

/** Separates literal runs in the strings expandLiteral builds. */
const BREAK = '\u0000';
const MAX_EXPANSION = 64;

/**
 * The literal strings a sequence of elements spells, expanding small groups of literal alternatives
 * (`(www|api)\.(example|sample)\.com` -> 4 strings); anything else becomes a break.
 */
function expandLiteral(elements: readonly AST.Element[]): string[] {
  let acc = [''];
  const append = (parts: readonly string[]) => {
    const next: string[] = [];
    for (const a of acc) for (const p of parts) if (next.length < MAX_EXPANSION) next.push(a + p);
    acc = next;
  };
  for (const el of elements) {
    if (el.type === 'Character') append([String.fromCodePoint(el.value)]);
    else if (el.type === 'CharacterSet' && el.kind === 'any') append(['.']);
    else if (
      el.type === 'CharacterClass' &&
      !el.negate &&
      el.elements.length === 1 &&
      el.elements[0]!.type === 'Character'
    ) {
      append([String.fromCodePoint(el.elements[0]!.value)]); // `[.]`
    } else if (el.type === 'Group' || el.type === 'CapturingGroup') {
      const options = el.alternatives.flatMap((a) => expandLiteral(a.elements));
      append(options.length > 0 && options.length <= MAX_EXPANSION ? options : [BREAK]);
    } else append([BREAK]);
  }
  return acc;
}

/** Intended hosts named by the literal text of a pattern: `mydomain.com` in `https:\/\/[a-z]+.mydomain.com`. */
export function intendedHostsOf(pattern: string): string[] {
  let ast: AST.Pattern;
  try {
    ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(pattern);
  } catch {
    return [];
  }
  const hosts = new Set<string>();
  for (const alt of ast.alternatives) {
    for (const text of expandLiteral(alt.elements)) {
      for (const run of text.split(BREAK)) {
        const afterScheme = run.includes('://') ? run.slice(run.lastIndexOf('://') + 3) : run;
        for (const m of afterScheme.toLowerCase().matchAll(/[a-z0-9-]+(?:\.[a-z0-9-]+)*/g)) {
          const h = m[0].replace(/^[-.]+|[-.]+$/g, '');
          if (/^(?:https?|wss?)$/.test(h)) continue;
          if (h.includes('.') || h === 'localhost') hosts.add(h);
        }
      }
    }
  }
  return [...hosts];
}

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
function knownSuffixOf(host: string): string | undefined {
  const p = parseHost(host, PSL_OPTIONS);
  return p.publicSuffix && (p.isIcann || p.isPrivate) ? p.publicSuffix : undefined;
}

/** Suffixes an attacker's own domain is written under when the check leaves the top-level domain open. */
const ATTACKER_SUFFIXES = ['com', 'net'];
/**
 * For a check that names no host, whatever it accepts is someone's: top-level domains anyone can register
 * under, one for nearly every last letter, so a witness ends the way the check requires (`/a$|b$/`).
 */
const OPEN_TLDS = [
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
 * The languages a pattern is judged against. Only `attack` is built up front: most checks are safe, and
 * their verdict needs nothing else; the preference classes (wanted for a witness) and the legitimate
 * origins (wanted for a repair) are built the first time they are asked for, one class at a time.
 */
interface Languages {
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

function literalNfa(source: string, unicode: boolean, maxCharacter: number): NFA {
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
function languagesFor(hosts: readonly string[], unicode: boolean): Languages {
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

/**
 * Why a pattern is not analysed at all, decided before any automaton is built (so a hostile pattern costs
 * about as much as reading it): it is too large for the automata (counted repetitions multiply its size,
 * large classes its ranges), or its own RegExp can backtrack exponentially (a repeated group that can
 * match the same text in two ways: overlapping alternatives, or a word of the group that is also two words
 * of it, as in `(a+)+`). Undefined: analyse it.
 */
export function screenPattern(p: OriginPattern): string | undefined {
  const key = `${p.flags}:${p.pattern}`;
  if (screened.has(key)) return screened.get(key);
  const reason = screen(p);
  if (screened.size > 500) screened.clear();
  screened.set(key, reason);
  return reason;
}
const screened = new Map<string, string | undefined>();

function screen(p: OriginPattern): string | undefined {
  if (p.pattern.length > REGEX_BUDGET.maxPatternLength) return 'the pattern is too long to analyse';
  // Class members counted on the syntax tree first: building a class of thousands of scattered characters
  // is itself the cost to avoid.
  let members = 0;
  try {
    const ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(p.pattern, 0, p.pattern.length, {
      unicode: p.flags.includes('u'),
      unicodeSets: p.flags.includes('v'),
    });
    visitRegExpAST(ast, {
      onCharacterClassEnter(c) {
        members += c.elements.length;
      },
    });
  } catch {
    return undefined; // the analysis says why
  }
  if (members > REGEX_BUDGET.maxClassRanges) return 'its character classes are too large for the automata';
  // Sizes are counted with lookarounds (`(?=.*a.*a)` backtracks too); automata are built ignoring them.
  let expression: NoParent<RNode> & { type: 'Expression' };
  try {
    const parser = JS.Parser.fromLiteral({ source: p.pattern, flags: p.flags.replace(/[gyd]/g, '') });
    expression = parser.parse({ assertions: 'parse', backreferences: 'disable' }).expression;
  } catch {
    return undefined; // the analysis says why
  }
  const maxCharacter = /[uv]/.test(p.flags) ? 0x10ffff : 0xffff;
  const quantified: (NoParent<RNode> & { type: 'Quantifier' })[] = [];
  const alternations: (readonly NoParent<RNode & { type: 'Concatenation' }>[])[] = [];
  let ranges = 0;
  let wideLoops = 0;
  const sizeOf = (alts: readonly NoParent<RNode & { type: 'Concatenation' }>[], inLoop: boolean): number => {
    if (inLoop && alts.length > 1) alternations.push(alts);
    let size = 0;
    for (const c of alts) {
      for (const el of c.elements) {
        switch (el.type) {
          case 'CharacterClass':
            size += 1;
            ranges += el.characters.ranges.length;
            break;
          case 'Quantifier': {
            const loop = el.max > 1;
            const single =
              el.alternatives.length === 1 &&
              el.alternatives[0]!.elements.length === 1 &&
              el.alternatives[0]!.elements[0]!.type === 'CharacterClass';
            if (loop && !single) quantified.push(el);
            if (el.max === Infinity && single && isWideClass(el.alternatives[0]!.elements[0]!)) wideLoops++;
            const times = el.max === Infinity ? el.min + 1 : el.max;
            size += sizeOf(el.alternatives, inLoop || loop) * Math.max(1, times);
            break;
          }
          case 'Alternation':
          case 'Assertion':
            size += sizeOf(el.alternatives, inLoop);
            break;
          default:
            size += 1;
        }
      }
    }
    return size;
  };
  if (sizeOf(expression.alternatives, false) > REGEX_BUDGET.maxPatternSize)
    return 'the pattern is too large for the automata';
  if (ranges > REGEX_BUDGET.maxClassRanges) return 'its character classes are too large for the automata';
  if (wideLoops > REGEX_BUDGET.maxWideLoops)
    return `${BACKTRACKS} polynomially: ${wideLoops} unbounded wildcards such as \`.*\``;
  const nfaOf = (alts: readonly NoParent<RNode & { type: 'Concatenation' }>[]) => {
    const nfa = NFA.fromRegex(
      alts,
      { maxCharacter },
      { assertions: 'ignore' },
      new NFA.LimitedNodeFactory(REGEX_BUDGET.screenNodes),
    );
    nfa.withoutEmptyWord();
    return nfa;
  };
  /** ` (`(?:a|a)`)`: the part of the pattern at fault, shortened. */
  const shown = (start: number | undefined, end: number | undefined) =>
    start === undefined || end === undefined ? '' : ` (\`${shortened(p.pattern.slice(start, end))}\`)`;
  try {
    for (const alts of alternations) {
      const nfas = alts.map((a) => nfaOf([a]));
      for (let i = 0; i < nfas.length; i++)
        for (let j = i + 1; j < nfas.length; j++)
          if (!isDisjointWith(nfas[i]!, nfas[j]!, REGEX_BUDGET.screenNodes))
            return `${BACKTRACKS} exponentially: alternatives of a repeated group overlap${shown(alts[0]!.source?.start, alts[alts.length - 1]!.source?.end)}`;
    }
    for (const q of quantified) {
      const once = nfaOf(q.alternatives);
      const twice = once.copy(new NFA.LimitedNodeFactory(REGEX_BUDGET.screenNodes));
      twice.append(once, new NFA.LimitedNodeFactory(REGEX_BUDGET.screenNodes));
      if (!isDisjointWith(once, twice, REGEX_BUDGET.screenNodes))
        return `${BACKTRACKS} exponentially: a repeated group matches the same text in more than one way${shown(q.source?.start, q.source?.end)}`;
    }
  } catch (error) {
    if (error instanceof TooManyNodesError) return 'the pattern is too large for the automata';
    throw error;
  }
  return undefined;
}

/** `.`, `[^/]`, `\S`: a class of most characters, which overlaps whatever comes next. */
function isWideClass(el: NoParent<RNode>): boolean {
  return el.type === 'CharacterClass' && el.characters.size > el.characters.maximum / 2;
}

function shortened(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** The search-semantics language of a pattern, with anchors as markers. */
function searchNfa(p: OriginPattern): { nfa: NFA; approximate: boolean; unicode: boolean } {
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

/** Readable characters to prefer when a position allows many. */
const PREFERRED = 'xaeiounlmrstvbcdfghjkpqwyz0123456789-.';

function pickWord(wordSet: readonly CharSet[]): string {
  let out = '';
  for (const set of wordSet) {
    const c = [...PREFERRED].map((ch) => ch.charCodeAt(0)).find((ch) => set.has(ch)) ?? set.ranges[0]!.min;
    out += String.fromCodePoint(c);
  }
  return out;
}

/** The preferred word of a word set, then words that differ from it at one position (a few at most). */
function candidateWords(wordSet: readonly CharSet[]): string[] {
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

function stripMarkers(word: string): string | undefined {
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
  // A prefix the check insists on (`myapp-` in `^https:\/\/myapp-.*\.vercel\.app$`) is kept.
  for (let k = 1; k < first.length; k++) candidates.push(`${scheme}${first.slice(0, k)}evil${rest}`);
  return candidates.find(accepts) ?? witness;
}

function isUnder(host: string, hosts: readonly string[]): boolean {
  return hosts.some((h) => host === h || host.endsWith(`.${h}`));
}

/** The intended hosts someone can own: public suffixes (`vercel.app`, `co.uk`) are open to everyone. */
function ownedHosts(hosts: readonly string[]): string[] {
  return hosts.filter((h) => !isPublicSuffix(h));
}

/** The class of a verified witness, by the Public Suffix List. */
function classOf(origin: string, ownSites: ReadonlySet<string>): WitnessClass {
  if (origin === 'null') return 'null';
  const host = parseOrigin(origin)?.host;
  const domain = host === undefined ? undefined : registrableDomainOf(host);
  if (domain === undefined) return 'unregistrable';
  return ownSites.has(domain) ? 'same-site' : 'registrable';
}

const CLASS_RANK: Readonly<Record<WitnessClass, number>> = {
  'attacker-suffix': 0,
  registrable: 0,
  'same-site': 1,
  null: 2,
  unregistrable: 3,
};

/** The shortest verified witness of `search ∩ attack`, by preference class. */
function findWitness(
  search: NFA,
  langs: Languages,
  hosts: readonly string[],
  verify: (origin: string) => boolean,
): { witness: string; witnessClass: WitnessClass } | undefined {
  if (isDisjointWith(search, langs.attack, NODE_LIMIT)) return undefined;
  const owned = ownedHosts(hosts);
  const ownSites = new Set(owned.map((h) => registrableDomainOf(h) ?? h));
  const accepted = NFA.fromIntersection(search, langs.attack, new NFA.LimitedNodeFactory(NODE_LIMIT));
  const acceptable = (o: string) => {
    const p = parseOrigin(o);
    return !!p && !isUnder(p.host, owned) && verify(o);
  };
  let best: { witness: string; witnessClass: WitnessClass } | undefined;
  for (const { cls, nfa } of langs.prefs) {
    checkTime();
    // A class ranked no better than the witness in hand cannot improve on it.
    if (best && CLASS_RANK[cls] >= CLASS_RANK[best.witnessClass]) break;
    // Shortest word set on the lazy product: path enumeration blows up on ambiguous patterns.
    const ws = FAIterators.shortestWordSet(getIntersectionIterator(accepted, nfa(), NODE_LIMIT));
    if (!ws) continue;
    // The automaton drops lookarounds (`(?=$|\/)`): when the first word fails the real check, try the
    // other characters each position allows before giving up on the class.
    const word = candidateWords(ws)
      .map(stripMarkers)
      .find((w): w is string => w !== undefined && (w === 'null' ? verify(w) : acceptable(w)));
    if (word === undefined) continue;
    let pretty = word;
    if (pretty.startsWith('http://') && acceptable(`https://${pretty.slice(7)}`)) pretty = `https://${pretty.slice(7)}`;
    const witnessClass = classOf(pretty, ownSites);
    if (cls === 'registrable' && witnessClass === 'registrable')
      pretty = beautify(pretty, (o) => acceptable(o) && classOf(o, ownSites) === 'registrable');
    const found = { witness: pretty, witnessClass };
    if (!best || CLASS_RANK[witnessClass] < CLASS_RANK[best.witnessClass]) best = found;
    if (CLASS_RANK[witnessClass] === 0) break;
  }
  return best;
}

interface Repair {
  readonly culprit: Culprit;
  /** Edits of the pattern source, applied right to left. */
  readonly edits: readonly { start: number; end: number; text: string }[];
}

/** Candidate culprits of a pattern and the repair of each. */
function repairsOf(pattern: string, flags: string): Repair[] {
  const ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(pattern, 0, pattern.length, {
    unicode: flags.includes('u'),
    unicodeSets: flags.includes('v'),
  });
  const out: Repair[] = [];
  const hostish = /[a-z0-9-]/i;
  const visit = (alt: AST.Alternative, top: boolean) => {
    const els = alt.elements;
    els.forEach((el, i) => {
      if (el.type === 'CharacterSet' && el.kind === 'any') {
        const prev = els[i - 1];
        const next = els[i + 1];
        const nearLiteral =
          (prev?.type === 'Character' && hostish.test(String.fromCodePoint(prev.value))) ||
          (next?.type === 'Character' && hostish.test(String.fromCodePoint(next.value))) ||
          prev?.type === 'Quantifier' ||
          prev?.type === 'CharacterClass';
        if (nearLiteral)
          out.push({
            culprit: { kind: 'unescaped-dot', start: el.start, end: el.end },
            edits: [{ start: el.start, end: el.end, text: '\\.' }],
          });
      } else if (el.type === 'Quantifier' && el.max === Infinity && isWide(el.element)) {
        const next = els[i + 1];
        if (next && next.type === 'Character' && hostish.test(String.fromCodePoint(next.value))) {
          // `.*example\.com`: no dot boundary before the host
          out.push({
            culprit: { kind: 'broad-wildcard', start: el.start, end: el.end },
            edits: [{ start: el.start, end: el.end, text: '(?:[a-z0-9-]+\\.)*' }],
          });
        }
      } else if (el.type === 'Group' || el.type === 'CapturingGroup') {
        el.alternatives.forEach((a) => visit(a, false));
      }
    });
    if (!top) return;
    const first = els[0];
    const last = els[els.length - 1];
    const startsAnchored = first?.type === 'Assertion' && first.kind === 'start';
    // `(?=$|\/)` at the end: nothing but the end can follow a host in an origin, so it anchors too.
    const endsAnchored =
      last?.type === 'Assertion' &&
      (last.kind === 'end' ||
        (last.kind === 'lookahead' &&
          !last.negate &&
          last.alternatives.some(
            (a) => a.elements.length === 1 && a.elements[0]!.type === 'Assertion' && a.elements[0]!.kind === 'end',
          )));
    if (!startsAnchored) {
      const text = alt.raw.replace(/^\^/, '');
      const hasScheme = /^(?:https?|wss?|\(|\[|h)/i.test(text) && /:(?:\\\/|\/)/.test(text);
      const prefix = hasScheme
        ? '^'
        : text.startsWith('\\.')
          ? `^https?:\\/\\/${REPAIR_LABEL}(?:\\.${REPAIR_LABEL})*`
          : `^https?:\\/\\/(?:${REPAIR_LABEL}\\.)*`;
      out.push({
        culprit: { kind: 'missing-start-anchor', start: alt.start, end: alt.start },
        edits: [{ start: alt.start, end: alt.start, text: prefix }],
      });
    }
    if (!endsAnchored) {
      const hasPort = /:(?:\\d|\[0-9\])/.test(alt.raw);
      out.push({
        culprit: { kind: 'missing-end-anchor', start: alt.end, end: alt.end },
        edits: [{ start: alt.end, end: alt.end, text: hasPort ? '$' : '(?::\\d+)?$' }],
      });
    }
  };
  ast.alternatives.forEach((a) => visit(a, true));
  return out;
}

function isWide(el: AST.QuantifiableElement): boolean {
  if (el.type === 'CharacterSet' && el.kind === 'any') return true;
  if (el.type === 'CharacterClass' && el.negate) return true;
  return false;
}

function applyRepairs(pattern: string, repairs: readonly Repair[]): string {
  const edits = repairs.flatMap((r) => r.edits).sort((a, b) => b.start - a.start || b.end - a.end);
  let out = pattern;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function compiles(pattern: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(pattern, flags.replace(/[gy]/g, ''));
  } catch {
    return undefined;
  }
}

/**
 * Whether a pattern the screen turned away is still judged, on its automaton: its RegExp could backtrack
 * catastrophically (`([a-z0-9-]+.)*example\.com`, an unescaped dot in a subdomain group, is the common one),
 * but the automaton is exact (no lookaround, `\b` or backreference), so the automaton answers for it.
 */
function judgedOnAutomaton(p: OriginPattern, screened: string | undefined): boolean {
  return !!screened && screened.startsWith(BACKTRACKS) && !INEXACT.test(p.pattern);
}

/** An origin run through a search automaton (the anchors as markers), in time linear in the origin. */
function testOn(nfa: NFA): (origin: string) => boolean {
  return (o) => nfa.test([START, ...Array.from(o, (c) => c.codePointAt(0)!), END]);
}

/** The search automata of patterns judged on them, built once for the verdict and for `automatonTest`. */
const exactSearches = new Map<string, ReturnType<typeof searchNfa> | null>();
function exactSearchOf(p: OriginPattern): ReturnType<typeof searchNfa> | undefined {
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

/**
 * Analyses one origin pattern. `hosts` are the intended hosts (inferred from the pattern when empty).
 * `verify` re-tests a witness with the real check (RegExp or string method); defaults to RegExp.test.
 */
export function analyzeOriginPattern(
  p: OriginPattern,
  configuredHosts: readonly string[] = [],
  verify?: (origin: string) => boolean | undefined,
): Verdict {
  const re = compiles(p.pattern, p.flags);
  if (!re) return { kind: 'inconclusive', reason: 'the pattern does not compile' };
  const screened = screenPattern(p);
  // Witnesses of a pattern judged on its automaton are checked there: its RegExp is never run here.
  const onAutomaton = judgedOnAutomaton(p, screened);
  if (screened && !onAutomaton) return unanalysable(screened, true);
  // The check's own operation, bounded: a pattern that backtracks exponentially must not hang the linter.
  let run: (origin: string) => boolean | undefined = verify ?? boundedTest(re);
  const test = (o: string): boolean => {
    const r = run(o);
    if (r === undefined) throw new BudgetExhausted('its RegExp backtracks too long to be tested', true);
    return r;
  };
  const hosts = configuredHosts.length > 0 ? [...configuredHosts] : intendedHostsOf(p.pattern);
  // A check that names no host (`/\.com|\.org/`, `indexOf('internal')`) was meant for no site in particular:
  // every registrable origin it accepts is an attacker's (the languages below then treat no host as own).
  if (/\\[1-9]|\\k</.test(p.pattern))
    return unanalysable('it uses backreferences, which the automata cannot read', true);
  const outer = deadline;
  setDeadline(Math.min(outer, cpuMs() + REGEX_BUDGET.maxMs));
  try {
    const { nfa, unicode } = (onAutomaton ? exactSearchOf(p) : undefined) ?? searchNfa(p);
    if (onAutomaton) run = testOn(nfa);
    checkTime();
    const langs = languagesFor(hosts, unicode);
    checkTime();
    const overall = findWitness(nfa, langs, hosts, test);
    if (!overall) {
      // No verified witness: safe, unless the automaton found one the real RegExp rejects (lookarounds).
      if (isDisjointWith(nfa, langs.attack, NODE_LIMIT)) return { kind: 'safe', hosts };
      return { kind: 'inconclusive', reason: 'lookarounds make the automaton approximate' };
    }
    const repairs = repairsOf(p.pattern, p.flags).slice(0, 8);
    const fixedSource = applyRepairs(p.pattern, repairs);
    const fixed = compiles(fixedSource, p.flags) ? searchNfa({ pattern: fixedSource, flags: p.flags }).nfa : undefined;
    const findings: Finding[] = [];
    if (fixed && isDisjointWith(fixed, langs.attack, NODE_LIMIT)) {
      for (const r of repairs) {
        checkTime();
        const others = repairs.filter((o) => o !== r);
        const source = applyRepairs(p.pattern, others);
        if (!compiles(source, p.flags)) continue;
        const w = findWitness(searchNfa({ pattern: source, flags: p.flags }).nfa, langs, hosts, test);
        if (w) findings.push({ ...w, culprit: r.culprit });
      }
    }
    if (findings.length === 0) findings.push(overall);
    // Strongest first: where findings share a location (a string check), the registrable witness is named.
    findings.sort((a, b) => CLASS_RANK[a.witnessClass] - CLASS_RANK[b.witnessClass]);
    // The legitimate origins a repair must keep are those the original accepts as a whole origin: the
    // original with only its anchors added (unanchored search also accepts artifacts such as
    // `https://a.mydomainxcom.mydomain.com`, which nobody meant).
    const anchoredSource = applyRepairs(
      p.pattern,
      repairs.filter((r) => r.culprit.kind.startsWith('missing-')),
    );
    const anchored = compiles(anchoredSource, p.flags)
      ? searchNfa({ pattern: anchoredSource, flags: p.flags }).nfa
      : undefined;
    const repair =
      fixed && anchored && verifiedRepair(anchored, fixed, langs, fixedSource, p.flags) ? fixedSource : undefined;
    return { kind: 'unsafe', hosts, findings, repair };
  } catch (error) {
    if (error instanceof TooManyNodesError) return unanalysable('its automaton grew past the size budget');
    if (error instanceof BudgetExhausted)
      return {
        kind: 'inconclusive',
        reason: error.message,
        unanalysable: true,
        outOfTime: true,
        ...(error.backtracks ? { notRun: true as const } : {}),
      };
    return { kind: 'inconclusive', reason: error instanceof Error ? error.message : String(error) };
  } finally {
    setDeadline(outer);
  }
}

/** A repair is offered only when it accepts no attacker origin and keeps every legitimate origin. */
function verifiedRepair(original: NFA, fixed: NFA, langs: Languages, fixedSource: string, flags: string): boolean {
  if (!compiles(fixedSource, flags)) return false;
  if (!isDisjointWith(fixed, langs.attack, NODE_LIMIT)) return false;
  const kept = NFA.fromIntersection(original, langs.legit(), new NFA.LimitedNodeFactory(NODE_LIMIT));
  const notFixed = DFA.fromFA(fixed, new DFA.LimitedNodeFactory(NODE_LIMIT));
  notFixed.complement();
  return isDisjointWith(kept, notFixed, NODE_LIMIT);
}

/**
 * A plain-`http://` origin on an intended (non-local) host that the check accepts, verified with the real
 * check; undefined when there is none, or when it can't be decided within the budget.
 */
export function insecureWitness(
  p: OriginPattern,
  configuredHosts: readonly string[] = [],
  verify?: (origin: string) => boolean | undefined,
): string | undefined {
  const re = compiles(p.pattern, p.flags);
  if (!re || screenPattern(p)) return undefined;
  const test = verify ?? boundedTest(re);
  const hosts = (configuredHosts.length > 0 ? [...configuredHosts] : intendedHostsOf(p.pattern)).filter(
    (h) => !isLocalHost(h),
  );
  if (hosts.length === 0 || /\\[1-9]|\\k</.test(p.pattern)) return undefined;
  const outer = deadline;
  setDeadline(Math.min(outer, cpuMs() + REGEX_BUDGET.maxMs));
  try {
    const { nfa, unicode } = searchNfa(p);
    checkTime();
    const max = unicode ? 0x10ffff : 0xffff;
    const plain = literalNfa(
      `${M(START)}http:\\/\\/(?:${LABEL}\\.)*(?:${hosts.map(escapeRegex).join('|')})${PORT}${M(END)}`,
      unicode,
      max,
    );
    const ws = FAIterators.shortestWordSet(getIntersectionIterator(nfa, plain, NODE_LIMIT));
    const word = ws ? stripMarkers(pickWord(ws)) : undefined;
    return word !== undefined && test(word) === true ? word : undefined;
  } catch {
    return undefined;
  } finally {
    setDeadline(outer);
  }
}
