/** Messages between the extension host and the linter worker, and the plain shapes of lint results. */

export type Preset = 'recommended' | 'strict';
export type RuleSeverity = 'off' | 'warn' | 'error';

/** What the linter needs from the user's settings. */
export interface LintSettings {
  readonly preset: Preset;
  /** Per-rule overrides, keyed by rule name with or without the `cors-guard/` prefix. */
  readonly rules: Readonly<Record<string, RuleSeverity>>;
  /** Passed as `allowedOrigins` to every rule that takes it. */
  readonly trustedOrigins: readonly string[];
}

export interface LintRequest {
  readonly id: number;
  /** The document's file name (its extension picks the parser and source type). */
  readonly fileName: string;
  readonly languageId: string;
  readonly text: string;
  readonly settings: LintSettings;
}

/** An ESLint-style range: 1-based lines, 1-based columns (end exclusive), as in `Linter` messages. */
export interface LintRange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A text edit in character offsets of the linted text. */
export interface OffsetEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

export interface RelatedFinding extends LintRange {
  readonly message: string;
}

export interface Finding extends LintRange {
  readonly ruleId: string;
  readonly messageId?: string;
  readonly message: string;
  /** 1 = warning, 2 = error. */
  readonly severity: 1 | 2;
  readonly suggestions: readonly { readonly desc: string; readonly fix: OffsetEdit }[];
  /** An autofix, where a rule has one. */
  readonly fix?: OffsetEdit;
  readonly related: readonly RelatedFinding[];
}

export interface LintResult {
  readonly findings: readonly Finding[];
  /** A fatal parse error: the file could not be analysed (reported in the status item, not as a finding). */
  readonly parseError?: { readonly message: string; readonly line: number; readonly column: number };
  readonly parser: 'espree' | 'typescript';
  /** Time spent in the linter, in ms, including a first parser load. */
  readonly durationMs: number;
  /** The first lint with this parser in this worker (parser load, cold JIT): not a guide to the next one. */
  readonly cold?: boolean;
}

export interface HoverRequest extends LintRequest {
  /** Character offset of the cursor. */
  readonly offset: number;
}

export interface HoverResult {
  readonly markdown: string;
  readonly range: readonly [number, number];
  /** The policy's verdict in one sentence, when the hover is about a policy. */
  readonly verdict?: string;
}

export type WorkerRequest =
  | { readonly type: 'lint'; readonly request: LintRequest }
  | { readonly type: 'hover'; readonly request: HoverRequest }
  | { readonly type: 'warm'; readonly typescript: boolean };

export type WorkerResponse =
  | { readonly type: 'result'; readonly id: number; readonly result: LintResult }
  | { readonly type: 'hover'; readonly id: number; readonly hover: HoverResult | null }
  | { readonly type: 'error'; readonly id: number; readonly message: string }
  | { readonly type: 'ready' };
