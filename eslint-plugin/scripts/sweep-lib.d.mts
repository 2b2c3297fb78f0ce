// Types for sweep-lib.mjs, used by the test suite.
export interface Finding {
  file: string;
  line: number;
  ruleId: string;
  message: string;
}
export interface SweepResult {
  files: number;
  skipped: number;
  parseErrors: number;
  exceptions: { file: string; error: string }[];
  findings: Finding[];
  slowest: { file: string; ms: number };
  totalMs: number;
}
export interface FuzzResult {
  cases: number;
  invalid: number;
  unsafe: number;
  safe: number;
  inconclusive: number;
  exceptions: { pattern: string; flags: string; error: string }[];
  falseWitnesses: { pattern: string; flags: string; witness: string }[];
  slowest: { pattern: string; ms: number };
}
export interface PathologicalResult {
  name: string;
  ms: number;
  parsed?: boolean;
  findings?: number;
  error?: string;
}
export const rootDir: string;
export const MAX_FILE_BYTES: number;
export function listFiles(limit?: number): string[];
export function sweepFiles(files: readonly string[]): SweepResult;
export function unreviewedFindings(findings: readonly Finding[]): Finding[];
export function fuzzPatterns(count: number, seed?: number): { pattern: string; flags: string }[];
export function fuzzAnalysis(count: number, seed?: number): FuzzResult;
export function pathologicalInputs(scale?: number): { name: string; text: string }[];
export function lintPathological(scale?: number): PathologicalResult[];
