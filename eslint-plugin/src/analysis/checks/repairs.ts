/**
 * Repairs: the candidate culprits of a pattern (an unescaped dot, a missing anchor, a broad wildcard) with
 * the edit that fixes each, and the check that a repaired pattern admits no attacker origin while keeping
 * every legitimate one.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { DFA, NFA } from 'refa';
import { dfaFactory, disjoint, nfaFactory, type Languages } from './automata';

export type CulpritKind = 'unescaped-dot' | 'missing-start-anchor' | 'missing-end-anchor' | 'broad-wildcard';

export interface Culprit {
  readonly kind: CulpritKind;
  /** Offsets in the pattern source: the culprit's text, or an empty range where an anchor is missing. */
  readonly start: number;
  readonly end: number;
}

/** The label pattern suggestions write: short and readable. */
const REPAIR_LABEL = '[a-z0-9-]+';

interface Repair {
  readonly culprit: Culprit;
  /** Edits of the pattern source, applied right to left. */
  readonly edits: readonly { start: number; end: number; text: string }[];
}

/** Candidate culprits of a pattern and the repair of each. */
export function repairsOf(pattern: string, flags: string): Repair[] {
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

export function applyRepairs(pattern: string, repairs: readonly Repair[]): string {
  const edits = repairs.flatMap((r) => r.edits).sort((a, b) => b.start - a.start || b.end - a.end);
  let out = pattern;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

export function compiles(pattern: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(pattern, flags.replace(/[gy]/g, ''));
  } catch {
    return undefined;
  }
}

/** A repair is offered only when it accepts no attacker origin and keeps every legitimate origin. */
export function verifiedRepair(
  original: NFA,
  fixed: NFA,
  langs: Languages,
  fixedSource: string,
  flags: string,
): boolean {
  if (!compiles(fixedSource, flags)) return false;
  if (!disjoint(fixed, langs.attack)) return false;
  const kept = NFA.fromIntersection(original, langs.legit(), nfaFactory());
  const notFixed = DFA.fromFA(fixed, dfaFactory());
  notFixed.complement();
  return disjoint(kept, notFixed);
}
