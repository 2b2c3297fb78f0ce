/**
 * Findings kept across edits that don't parse: the last good findings, held as character offsets and
 * moved with each content change, so a half-typed line does not blank the file's findings. Plain data,
 * no `vscode`: the host feeds it the document's change events.
 */
import type { Finding, LintRange } from './protocol';

/** One content change, as VS Code reports it (offsets in the text before this change). */
export interface TextChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

export type OffsetRange = readonly [number, number];

/** A finding whose ranges are offsets into the current text. */
export interface KeptFinding {
  readonly finding: Finding;
  readonly range: OffsetRange;
  /** Parallel to `finding.related`; `undefined` where an edit swallowed the location. */
  readonly related: readonly (OffsetRange | undefined)[];
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** ESLint's 1-based line/column to an offset (clamped to the text). */
function offsetOf(starts: readonly number[], textLength: number, line: number, column: number): number {
  const start = starts[Math.min(Math.max(line - 1, 0), starts.length - 1)]!;
  return Math.min(start + Math.max(column - 1, 0), textLength);
}

function rangeOf(starts: readonly number[], textLength: number, r: LintRange): OffsetRange {
  const from = offsetOf(starts, textLength, r.line, r.column);
  const to = offsetOf(starts, textLength, r.endLine, r.endColumn);
  return [from, Math.max(to, from)];
}

/** The findings of a lint, as offsets into the text that was linted. */
export function keep(text: string, findings: readonly Finding[]): KeptFinding[] {
  const starts = lineStarts(text);
  return findings.map((finding) => ({
    finding,
    range: rangeOf(starts, text.length, finding),
    related: finding.related.map((r) => rangeOf(starts, text.length, r)),
  }));
}

/**
 * Moves a range through one change. Text inserted at or before its start pushes it; an edit inside it
 * grows or shrinks it; a range the change swallows whole is dropped (`undefined`).
 */
export function shiftRange(range: OffsetRange, change: TextChange): OffsetRange | undefined {
  const [start, end] = range;
  const from = change.rangeOffset;
  const to = from + change.rangeLength;
  const delta = change.text.length - change.rangeLength;
  if (to <= start) {
    // Entirely before (an insertion exactly at the start pushes the range too).
    return [start + delta, end + delta];
  }
  if (from >= end) return range;
  if (from <= start && to >= end) return undefined;
  // Overlaps part of the range: keep the part outside the change, plus the inserted text.
  const newStart = Math.min(start, from);
  const newEnd = Math.max(end + delta, from + change.text.length);
  return [newStart, Math.max(newEnd, newStart + 1)];
}

/** Moves kept findings through a change event's changes (applied one after the other, as VS Code does). */
export function shiftKept(kept: readonly KeptFinding[], changes: readonly TextChange[]): KeptFinding[] {
  let out: KeptFinding[] = [...kept];
  for (const change of changes) {
    const next: KeptFinding[] = [];
    for (const k of out) {
      const range = shiftRange(k.range, change);
      if (!range) continue;
      next.push({
        finding: k.finding,
        range,
        related: k.related.map((r) => r && shiftRange(r, change)),
      });
    }
    out = next;
  }
  return out;
}

/** Kept findings as plain findings on `text` (the current text): suggestions and fixes dropped (stale). */
export function keptAsFindings(text: string, kept: readonly KeptFinding[]): Finding[] {
  const starts = lineStarts(text);
  const position = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
  const range = (r: OffsetRange): LintRange => {
    const s = position(Math.min(r[0], text.length));
    const e = position(Math.min(r[1], text.length));
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  };
  return kept.map((k) => {
    const rest: Finding = { ...k.finding };
    delete (rest as { fix?: unknown }).fix;
    return {
      ...rest,
      ...range(k.range),
      suggestions: [],
      related: k.finding.related.flatMap((r, i) => {
        const moved = k.related[i];
        return moved ? [{ ...r, ...range(moved) }] : [];
      }),
    };
  });
}

/**
 * How long to wait after a keystroke before linting: 75 ms for a file that lints fast, longer when the last
 * lint was slow (at most 250 ms). A lint in the worker can't be interrupted, so linting a slow file at every
 * short pause only delays the lint of the text you end up with; findings no longer blank meanwhile (kept).
 */
export function typingDelay(lastLintMs: number | undefined): number {
  if (lastLintMs === undefined || !Number.isFinite(lastLintMs)) return 75;
  return Math.round(Math.min(250, Math.max(75, 50 + 0.2 * lastLintMs)));
}
