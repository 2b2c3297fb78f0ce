/**
 * The regex screen: why a pattern is not analysed at all, decided before any automaton is built (too long,
 * too large for the automata, or its RegExp can backtrack catastrophically), and which of the patterns it
 * turns away are still judged on their exact automaton.
 */
import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import { JS, NFA, TooManyNodesError, isDisjointWith, type NoParent, type Node as RNode } from 'refa';
import { REGEX_BUDGET } from '../budgets';

export interface OriginPattern {
  readonly pattern: string;
  readonly flags: string;
}

/** How the screen's reasons for a pattern whose RegExp can backtrack catastrophically begin. */
const BACKTRACKS = 'its RegExp can backtrack';
/** What makes the automaton of a pattern approximate: lookarounds, word boundaries, backreferences. */
const INEXACT = /\(\?<?[=!]|\\[bB1-9k]/;

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

/**
 * Whether a pattern the screen turned away is still judged, on its automaton: its RegExp could backtrack
 * catastrophically (`([a-z0-9-]+.)*example\.com`, an unescaped dot in a subdomain group, is the common one),
 * but the automaton is exact (no lookaround, `\b` or backreference), so the automaton answers for it.
 */
export function judgedOnAutomaton(p: OriginPattern, screened: string | undefined): boolean {
  return !!screened && screened.startsWith(BACKTRACKS) && !INEXACT.test(p.pattern);
}
