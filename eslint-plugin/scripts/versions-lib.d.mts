// Types for versions-lib.mjs, used by the test suite.
export interface SweepLibrary {
  readonly grid: string;
  readonly package: string;
  readonly file: string;
  readonly from: string;
  readonly majors?: number;
  readonly with?: (version: string) => string[];
}
export const rootDir: string;
export const cacheDir: string;
export const SWEEP_LIBRARIES: readonly SweepLibrary[];
export function publishedVersions(pkg: string): Promise<string[]>;
export function compare(a: string, b: string): number;
export function windowOf(versions: readonly string[], from?: string, majors?: number): string[];
export function lastPatches(versions: readonly string[]): string[];
export function packAll(pkg: string, versions: readonly string[]): Promise<void>;
export function corsFileHash(pkg: string, version: string, file: string): Promise<string | undefined>;
export function installVersion(pkg: string, version: string, extra?: readonly string[]): Promise<string>;
export function cacheSize(dir?: string): number;
