/**
 * Where each character of a regex pattern is written in the source: inside a regex literal, or inside the
 * string literal given to `new RegExp(...)`, where `"\."` is written with two characters but is just `.`.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { Node } from '../ast';

export interface PatternSource {
  /** Source range of pattern characters [start, end). */
  rangeOf(start: number, end: number): [number, number];
  /** The raw source text written for pattern characters [start, end). */
  rawOf(start: number, end: number): string;
  readonly kind: 'regex-literal' | 'string';
}

/** Maps pattern offsets for a regex literal, or a string / expression-less template literal. */
export function patternSourceOf(node: Node, sourceText: string): PatternSource | undefined {
  if (node.type === T.Literal && 'regex' in node && node.regex) {
    const base = node.range[0] + 1;
    return {
      kind: 'regex-literal',
      rangeOf: (s, e) => [base + s, base + e],
      rawOf: (s, e) => sourceText.slice(base + s, base + e),
    };
  }
  const isString = node.type === T.Literal && typeof node.value === 'string';
  const isTemplate = node.type === T.TemplateLiteral && node.expressions.length === 0;
  if (!isString && !isTemplate) return undefined;
  const rawStart = node.range[0] + 1;
  const raw = sourceText.slice(rawStart, node.range[1] - 1);
  const offsets = cookedOffsets(raw);
  if (!offsets) return undefined;
  const at = (i: number) => rawStart + (offsets[Math.min(i, offsets.length - 1)] ?? raw.length);
  return {
    kind: 'string',
    rangeOf: (s, e) => [at(s), e > s ? at(e - 1) + charLength(raw, offsets[e - 1]!) : at(s)],
    rawOf: (s, e) => sourceText.slice(at(s), e > s ? at(e - 1) + charLength(raw, offsets[e - 1]!) : at(s)),
  };
}

/** Offsets in `raw` where each cooked UTF-16 unit starts (plus a final entry for the end). */
function cookedOffsets(raw: string): number[] | undefined {
  const out: number[] = [];
  let i = 0;
  while (i < raw.length) {
    const start = i;
    if (raw[i] !== '\\') {
      const cp = raw.codePointAt(i)!;
      out.push(start);
      if (cp > 0xffff) out.push(start);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const next = raw[i + 1];
    if (next === undefined) return undefined;
    if (next === '\r' || next === '\n' || next === '\u2028' || next === '\u2029') {
      i += next === '\r' && raw[i + 2] === '\n' ? 3 : 2; // line continuation: no character
      continue;
    }
    if (next === 'x') {
      out.push(start);
      i += 4;
    } else if (next === 'u') {
      if (raw[i + 2] === '{') {
        const close = raw.indexOf('}', i);
        if (close < 0) return undefined;
        const cp = parseInt(raw.slice(i + 3, close), 16);
        out.push(start);
        if (cp > 0xffff) out.push(start);
        i = close + 1;
      } else {
        out.push(start);
        i += 6;
      }
    } else if (/[0-7]/.test(next)) {
      out.push(start);
      i += 2;
      while (i < raw.length && /[0-7]/.test(raw[i]!) && i - start < 4) i++;
    } else {
      out.push(start);
      i += 2;
    }
  }
  out.push(raw.length);
  return out;
}

function charLength(raw: string, offset: number): number {
  if (raw[offset] !== '\\') return (raw.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
  const next = raw[offset + 1];
  if (next === 'x') return 4;
  if (next === 'u') return raw[offset + 2] === '{' ? raw.indexOf('}', offset) - offset + 1 : 6;
  return 2;
}
