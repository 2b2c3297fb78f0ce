// Types for hostile-lib.mjs, used by the robustness suite.
export interface RegexBomb {
  family: string;
  pattern: string;
  flags?: string;
}
export interface HostileProject {
  name: string;
  root: string;
  file: string;
  /** Whether the options (`origin: true`) must be found within the budgets. */
  due: boolean;
}
export function regexBombs(tag?: string): RegexBomb[];
export function regexBombFile(bomb: RegexBomb): string;
export function manySettersFile(n?: number): string;
export function manyHandlersFile(n?: number): string;
export function filler(bytes: number, seed?: number): string;
export function screenNearMissFile(bytes: number, reflectAtEnd?: boolean): string;
export function writeImportProjects(
  dir: string,
  sizes?: { chain?: number; huge?: number; minified?: number },
): HostileProject[];
export const SERVER: (from: string) => string;
export const REFLECTING_OPTIONS: string;
export const SAFE_OPTIONS: string;
