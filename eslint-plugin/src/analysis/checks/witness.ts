/**
 * Decides whether an origin check (a RegExp tested against the origin, or a string method on it) accepts a
 * browser-sendable origin outside the hosts its author meant, names the most convincing such origin (a
 * witness), finds the part of the pattern responsible (the culprit), and proposes a repair that is verified
 * with the same automata. Everything is bounded: past the node budget the answer is `inconclusive`.
 *
 * This module gives the verdict; its pieces: Public Suffix List facts (`suffixes.ts`), the screen that
 * turns hostile patterns away (`regex-screen.ts`), the automata and their budget (`automata.ts`), witness
 * words (`witness-words.ts`) and repairs (`repairs.ts`).
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { FAIterators, TooManyNodesError } from 'refa';
import { REGEX_BUDGET } from '../budgets';
import { boundedTest } from './bounded-regexp';
import {
  BudgetExhausted,
  disjoint,
  END,
  exactSearchOf,
  LABEL,
  languagesFor,
  literalNfa,
  M,
  PORT,
  product,
  searchNfa,
  spend,
  START,
  testOn,
  withinWork,
} from './automata';
import { escapeRegex, isLocalHost } from './origins';
import { judgedOnAutomaton, screenPattern, type OriginPattern } from './regex-screen';
import { applyRepairs, compiles, repairsOf, verifiedRepair, type Culprit } from './repairs';
import { CLASS_RANK, findWitness, pickWord, stripMarkers } from './witness-words';
import type { WitnessClass } from './suffixes';

export { automatonTest } from './automata';
export { screenPattern, type OriginPattern } from './regex-screen';
export type { Culprit, CulpritKind } from './repairs';
export { isPublicSuffix, openSuffixOf, registrableDomainOf, type WitnessClass } from './suffixes';

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
      /** A budget of counted work ran out: the verdict is not kept in any cache. */
      readonly outOfBudget?: true;
    };

/** The verdict of a check whose analysis ran out of budget, or could not start. */
export function unanalysable(reason: string, notRun = false, outOfBudget = false): Verdict {
  return {
    kind: 'inconclusive',
    reason,
    unanalysable: true,
    ...(notRun ? { notRun: true as const } : {}),
    ...(outOfBudget ? { outOfBudget: true as const } : {}),
  };
}

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
          // Digits and dots are (part of) an address, not a host name anyone meant as a site.
          if (/^[0-9.]+$/.test(h)) continue;
          if (h.includes('.') || h === 'localhost') hosts.add(h);
        }
      }
    }
  }
  return [...hosts];
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
    // Each run is counted work, whether or not its answer was already known (a warm cache stops where a cold one does).
    spend(REGEX_BUDGET.regExpRunCost);
    const r = run(o);
    if (r === undefined) throw new BudgetExhausted('its RegExp backtracks too long to be tested', true);
    return r;
  };
  const hosts = configuredHosts.length > 0 ? [...configuredHosts] : intendedHostsOf(p.pattern);
  // A check that names no host (`/\.com|\.org/`, `indexOf('internal')`) was meant for no site in particular:
  // every registrable origin it accepts is an attacker's (the languages below then treat no host as own).
  if (/\\[1-9]|\\k</.test(p.pattern))
    return unanalysable('it uses backreferences, which the automata cannot read', true);
  try {
    return withinWork(REGEX_BUDGET.maxWork, 'its analysis used up its work budget', () => {
      spend(REGEX_BUDGET.patternBaseCost);
      return judge(p, hosts, onAutomaton, test, (t) => (run = t));
    });
  } catch (error) {
    if (error instanceof TooManyNodesError) return unanalysable('its automaton grew past the size budget');
    if (error instanceof BudgetExhausted) return unanalysable(error.message, error.backtracks, true);
    return { kind: 'inconclusive', reason: error instanceof Error ? error.message : String(error) };
  }
}

function judge(
  p: OriginPattern,
  hosts: string[],
  onAutomaton: boolean,
  test: (origin: string) => boolean,
  testWith: (run: (origin: string) => boolean) => void,
): Verdict {
  const { nfa, unicode, approximate } = (onAutomaton ? exactSearchOf(p) : undefined) ?? searchNfa(p);
  if (onAutomaton) testWith(testOn(nfa));
  const langs = languagesFor(hosts, unicode);
  const overall = findWitness(nfa, langs, hosts, test);
  if (!overall) {
    // No verified witness: safe when even the automaton (a superset, where lookarounds and `\b` are dropped)
    // admits no attacker origin; else the words it admits are ones the real RegExp refuses, and what the
    // pattern admits is not known exactly.
    if (disjoint(nfa, langs.attack)) return { kind: 'safe', hosts };
    return unanalysable(
      approximate
        ? 'its lookarounds or word boundaries are not read exactly, and no attacker origin found passes it'
        : 'no attacker origin its automaton admits passes its RegExp',
    );
  }
  // A weak witness (same site, `null`, unregistrable) while stronger words of the automaton were all refused: what
  // the check admits is not known well enough to rank it (never safe on that witness's strength).
  if (overall.doubtful)
    return unanalysable(
      approximate
        ? 'its lookarounds or word boundaries are not read exactly, and the attacker origins its automaton admits were refused by it'
        : 'the attacker origins its automaton admits were refused by its RegExp',
    );
  const repairs = repairsOf(p.pattern, p.flags).slice(0, 8);
  const fixedSource = applyRepairs(p.pattern, repairs);
  const fixed = compiles(fixedSource, p.flags) ? searchNfa({ pattern: fixedSource, flags: p.flags }).nfa : undefined;
  const findings: Finding[] = [];
  if (fixed && disjoint(fixed, langs.attack)) {
    for (const r of repairs) {
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
  try {
    return withinWork(REGEX_BUDGET.maxWork, 'its analysis used up its work budget', () => {
      const { nfa, unicode } = searchNfa(p);
      const max = unicode ? 0x10ffff : 0xffff;
      const plain = literalNfa(
        `${M(START)}http:\\/\\/(?:${LABEL}\\.)*(?:${hosts.map(escapeRegex).join('|')})${PORT}${M(END)}`,
        unicode,
        max,
      );
      const ws = FAIterators.shortestWordSet(product(nfa, plain));
      const word = ws ? stripMarkers(pickWord(ws)) : undefined;
      return word !== undefined && test(word) === true ? word : undefined;
    });
  } catch {
    return undefined;
  }
}
