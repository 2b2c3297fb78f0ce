// Types for corpus-lib.mjs, used by the test suite.
export type Kind = 'multi-file' | 'single-file';
export type Verdict = 'vulnerable' | 'safe';
export type CorsClass = 'reflection' | 'unsafe-check' | 'wildcard-credentials' | 'null-origin';
export type RuleName =
  'no-origin-reflection' | 'no-unsafe-origin-check' | 'no-wildcard-with-credentials' | 'no-null-origin';
export interface ManifestEntry {
  id: string;
  /** `built-for` (corpus.json) or a fresh batch's name (test/corpus/batches/<name>.json). */
  batch: string;
  kind: Kind;
  framework: string;
  pattern: string;
  provenance: string;
  verdict: Verdict;
  class: CorsClass | null;
  expect: { file: string; rule: RuleName }[];
  witness?: string;
  notes: string;
  /** The public repository a fresh batch's entry was reduced from. */
  repo?: string;
  /** Earlier projects drawn from the same repository (such an entry is scored apart from fresh code). */
  seenIn?: string[];
}
export interface CorpusFinding {
  file: string;
  line: number;
  rule: string;
  message: string;
}
export interface ProjectResult {
  id: string;
  batch: string;
  kind: Kind;
  verdict: Verdict;
  class: CorsClass | null;
  framework: string;
  pattern: string;
  expect: ManifestEntry['expect'];
  seenIn: string[];
  found: boolean;
  flagged: boolean;
  rules: string[];
  findings: CorpusFinding[];
  errors: string[];
}
export interface Counts {
  vulnerable: number;
  found: number;
  safe: number;
  flagged: number;
}
export interface CorpusResult {
  projects: ProjectResult[];
  totals: { all: Counts; 'multi-file': Counts; 'single-file': Counts; batches: Record<string, Counts>; errors: number };
}
export type KnownKind = 'miss' | 'false-positive';
/** An entry of test/corpus/known-wrong.json: a project known to fail its hand verdict, and why. */
export interface KnownWrong {
  id: string;
  kind: KnownKind;
  reason: string;
}
export type Outcome = 'right' | 'miss' | 'false-positive' | 'error';
export interface VerdictProblem {
  /** `unexpected`: wrong and not listed (or a crash); `stale`: listed but right now, or wrong another way. */
  status: 'unexpected' | 'stale';
  message: string;
}
export const rootDir: string;
export const corpusDir: string;
export const projectsDir: string;
export const manifestPath: string;
export const knownWrongPath: string;
export const KNOWN_KINDS: KnownKind[];
export const KINDS: Kind[];
export const VERDICTS: Verdict[];
export const CLASSES: CorsClass[];
export const RULES: RuleName[];
export const batchesDir: string;
export function batchNames(): string[];
export function loadManifest(): ManifestEntry[];
export function loadBatchBefore(batch: string): { release: string; found: string[]; flagged: string[] } | undefined;
export function loadKnownWrong(): KnownWrong[];
export function validateKnownWrong(known?: unknown, manifest?: ManifestEntry[]): string[];
export function outcomeOf(p: ProjectResult): Outcome;
export function problemOf(p: ProjectResult, known?: KnownWrong): VerdictProblem | undefined;
export function judgeCorpus(
  result: CorpusResult,
  known?: KnownWrong[],
): { problems: (VerdictProblem & { id: string; batch: string })[]; known: KnownWrong[] };
export function projectFiles(id: string): string[];
export function validateManifest(manifest?: ManifestEntry[]): string[];
export function corpusConfig(): unknown[];
export function lintProject(id: string): Promise<{ findings: CorpusFinding[]; errors: string[] }>;
export function scoreCorpus(options?: { ids?: string[]; batch?: string }): Promise<CorpusResult>;
export function summaryLine(totals: CorpusResult['totals']): string;
export function corpusMarkdown(result: CorpusResult, known?: KnownWrong[]): string;

export function isNewRepository(p: { batch: string; seenIn?: string[] }): boolean;
