/** Messages between the extension host and the linter worker, and the plain shapes of lint results. */
import type { MapPolicy } from '../../../eslint-plugin/src/map/entries';

export type Preset = 'recommended' | 'strict';
export type RuleSeverity = 'off' | 'warn' | 'error';

/** What the linter needs from the user's settings. */
export interface LintSettings {
  readonly preset: Preset;
  /** Per-rule overrides, keyed by rule name with or without the `cors-guard/` prefix. */
  readonly rules: Readonly<Record<string, RuleSeverity>>;
  /** The plugin's shared setting `settings['cors-guard'].trustedOrigins`, read by every rule and the hover. */
  readonly trustedOrigins: readonly string[];
}

export interface LintRequest {
  readonly id: number;
  /** The document's file name (its extension picks the parser and source type). */
  readonly fileName: string;
  readonly languageId: string;
  readonly text: string;
  readonly settings: LintSettings;
  /**
   * Other open documents the analysis may read instead of the disk (the buffer wins): the unsaved ones,
   * or every open one where the workspace has no disk (`virtual`).
   */
  readonly buffers?: readonly { readonly fileName: string; readonly text: string; readonly version: number }[];
  /** The workspace folder: imported modules must lie in it. Default: the file's folder. */
  readonly root?: string;
  /** A virtual workspace: modules are read from open documents only. */
  readonly virtual?: boolean;
  /** Return the file's CORS policies with the result (the workspace scan; open documents ask separately). */
  readonly withPolicies?: boolean;
  /**
   * The other files whose findings the editor shows (the open documents): a finding whose fix goes in one
   * of them is reported there, else in this file (run-scope.ts). Absent: every file counts as shown (the
   * workspace scan).
   */
  readonly shown?: readonly string[];
  /** Files appeared or went on disk since the last lint: what import resolution cached is forgotten. */
  readonly modulesChanged?: boolean;
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
  /** The file of the location, when it is another module than the linted document. */
  readonly file?: string;
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
  /**
   * Where the fix is a version: the package.json that declares the library, the dependency's position in it
   * (1-based), and the release to upgrade to (the code action opens the file there).
   */
  readonly upgrade?: UpgradeHint;
}

export interface UpgradeHint {
  readonly package: string;
  readonly manifest: string;
  readonly line: number;
  readonly column: number;
  readonly fixedIn: string;
}

/** A policy of the CORS map, with the hover a person sees on the policy in code. */
export interface PolicyEntry extends MapPolicy {
  readonly hover: string;
}

export interface LintResult {
  readonly findings: readonly Finding[];
  /** The file's CORS policies when asked (`withPolicies`): the map's entries, `file` the linted file name. */
  readonly policies?: readonly PolicyEntry[];
  /** A fatal parse error: the file could not be analysed (reported in the status item, not as a finding). */
  readonly parseError?: { readonly message: string; readonly line: number; readonly column: number };
  readonly parser: 'espree' | 'typescript';
  /** Time spent in the linter, in ms, including a first parser load. */
  readonly durationMs: number;
  /** Other modules the analysis read (a change to one of them calls for a new lint). */
  readonly dependencies?: readonly string[];
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
  | { readonly type: 'policies'; readonly request: LintRequest }
  | { readonly type: 'warm'; readonly typescript: boolean };

export type WorkerResponse =
  | { readonly type: 'result'; readonly id: number; readonly result: LintResult }
  | { readonly type: 'hover'; readonly id: number; readonly hover: HoverResult | null }
  | { readonly type: 'policies'; readonly id: number; readonly policies: readonly PolicyEntry[] | null }
  | { readonly type: 'error'; readonly id: number; readonly message: string }
  | { readonly type: 'ready' };
