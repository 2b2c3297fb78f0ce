/**
 * Which release of a library a project runs, and the library's semantics in that release: the framework
 * table's `versions` rows (frameworks.ts) matched with semver against the version the project says it uses
 * (installed, locked or declared: util/package-versions.ts reads it; this module only judges it).
 *
 * An exact version picks the rows whose range holds it. A declared range picks the rows it lies inside, and
 * also the rows that expose more (`exposes`) which it merely admits: the worse behaviour is reported, with
 * the versions it depends on. Nothing known: only rows marked `assumeWhenUnknown` are kept, as a possibility.
 */
import intersects from 'semver/ranges/intersects';
import satisfies from 'semver/functions/satisfies';
import subset from 'semver/ranges/subset';
import validRange from 'semver/ranges/valid';
import valid from 'semver/functions/valid';
import minVersion from 'semver/ranges/min-version';
import type { LibrarySemantics, Release, VersionRow, VersionedFields } from './frameworks';

/** What a project says about a package's version (util/package-versions.ts `PackageVersion`). */
export interface ProjectVersion {
  readonly version?: string;
  readonly range?: string;
  readonly source: 'installed' | 'lockfile' | 'declared';
  readonly manifest?: string;
}

export type VersionLookup = (name: string) => ProjectVersion | undefined;

const FIELDS: readonly (keyof VersionedFields)[] = [
  'defaultOrigin',
  'wildcardWithCredentials',
  'wildcardReflects',
  'defaultCredentials',
  'withoutOrigin',
  'reflectWithoutOrigin',
  'credentialsAlone',
  'credentialsWithoutOrigin',
  'stringIsAllowlist',
  'listMissSends',
  'trueIsWildcard',
];

const memo = new Map<string, LibrarySemantics>();

/** The package whose version decides, and what the project says about it. */
function projectVersion(lib: LibrarySemantics, lookup: VersionLookup | undefined) {
  for (const name of lib.versionPackages ?? [lib.packageName]) {
    const found = lookup?.(name);
    if (found) return { name, found };
  }
  return { name: (lib.versionPackages ?? [lib.packageName])[0]!, found: undefined };
}

/** The npm range in a declaration (`npm:@koa/cors@^4` -> `^4`), when semver reads it. */
function rangeOf(declared: string | undefined): string | undefined {
  if (declared === undefined) return undefined;
  let r = declared.trim();
  if (r.startsWith('npm:')) r = r.slice(r.lastIndexOf('@') + 1);
  if (r === '' || r === 'latest' || r === '*' || r === 'x') return undefined;
  return validRange(r) ? r : undefined;
}

/** The rows that apply, with how sure it is. */
export function matchRows(
  rows: readonly VersionRow[],
  found: ProjectVersion | undefined,
): { row: VersionRow; certainty: Release['certainty'] }[] {
  const version = found?.version && valid(found.version) ? found.version : undefined;
  if (version)
    return rows
      .filter((r) => satisfies(version, r.range, { includePrerelease: true }))
      .map((row) => ({ row, certainty: 'runs' }));
  const range = rangeOf(found?.range);
  if (!range) return rows.filter((r) => r.assumeWhenUnknown).map((row) => ({ row, certainty: 'unknown' }));
  const out: { row: VersionRow; certainty: Release['certainty'] }[] = [];
  for (const row of rows) {
    if (subset(range, row.range)) out.push({ row, certainty: 'runs' });
    else if (row.exposes && intersects(range, row.range)) out.push({ row, certainty: 'admits' });
  }
  return out;
}

/**
 * The library's semantics in the release the project runs: the table row with the matching `versions`
 * rows' fields applied and `release` set; the row itself when no version row applies.
 */
export function semanticsFor(lib: LibrarySemantics, lookup?: VersionLookup): LibrarySemantics {
  if (!lib.versions?.length) return lib;
  const { name, found } = projectVersion(lib, lookup);
  const matched = matchRows(lib.versions, found);
  if (matched.length === 0) return lib;
  const key = `${lib.id}\u0000${name}\u0000${found?.version ?? ''}\u0000${found?.range ?? ''}\u0000${found?.manifest ?? ''}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const fields: Record<string, unknown> = {};
  for (const { row, certainty } of matched) {
    if (certainty === 'unknown') continue;
    for (const f of FIELDS) if (row[f] !== undefined) fields[f] = row[f];
  }
  const main = matched.find((m) => m.row.exposes) ?? matched[0]!;
  const release: Release = {
    package: name,
    ...(found?.version ? { version: found.version } : {}),
    ...(found?.range ? { range: found.range } : {}),
    source: found?.source ?? 'unknown',
    certainty: main.certainty,
    row: main.row,
    ...(found?.manifest ? { manifest: found.manifest } : {}),
  };
  const out: LibrarySemantics = { ...lib, ...fields, release };
  if (memo.size > 200) memo.clear();
  memo.set(key, out);
  return out;
}

/** Whether `field` has the value it has because of the release's row (for saying so in messages). */
export function fromRelease(lib: LibrarySemantics, field: keyof VersionedFields): Release | undefined {
  const release = lib.release;
  if (!release || release.certainty === 'unknown') return undefined;
  return release.row[field] !== undefined && release.row[field] === lib[field] ? release : undefined;
}

/**
 * A release's behaviour in words, naming the version, the versions it depends on, the advisory and the
 * upgrade: "`hono` 4.12.20 (locked): releases 4.12.9 to 4.12.24 send back ... (CVE-...; upgrade to 4.12.25 or
 * later)".
 */
export function releaseText(release: Release): string {
  const { row } = release;
  const pkg = `\`${release.package}\``;
  const advisory = row.advisory ? `${row.advisory}; ` : '';
  const how = release.source === 'lockfile' ? ' (locked)' : release.source === 'installed' ? ' (installed)' : '';
  switch (release.certainty) {
    case 'runs': {
      const upgrade = row.fixedIn ? `upgrade to ${row.fixedIn} or later` : '';
      const tail = advisory || upgrade ? ` (${advisory}${upgrade})`.replace('; )', ')') : '';
      return `${pkg} ${release.version ?? release.range ?? ''}${how}: releases ${row.releases} ${row.does}${tail}`;
    }
    case 'admits': {
      const pin = row.fixedIn ? `; pin ${row.fixedIn} or later` : '';
      const adv = row.advisory ? ` (${row.advisory})` : '';
      return `${pkg} ${release.range ?? ''} admits releases ${row.releases}, which ${row.does}${adv}${pin}`;
    }
    case 'unknown':
      return `${pkg} releases ${row.releases} ${row.does}${row.fixedIn ? ` (${row.fixedIn} and later do not; no package.json near this file says which version runs)` : ''}`;
  }
}

/** Short form for the map and hovers: "hono 4.12.20, CVE-2026-54290 / GHSA-88fw-hqm2-52qc: upgrade to 4.12.25". */
export function releaseNote(release: Release): string {
  const { row } = release;
  const which =
    release.certainty === 'unknown'
      ? `${release.package} releases ${row.releases}`
      : `${release.package} ${release.version ?? release.range ?? ''}${release.certainty === 'admits' ? ` (admits releases ${row.releases})` : ''}`;
  const advisory = row.advisory ? `, ${row.advisory}` : '';
  const fix = row.fixedIn ? `: ${release.certainty === 'admits' ? 'pin' : 'upgrade to'} ${row.fixedIn} or later` : '';
  return `${which}${advisory}${fix}`;
}

/** The version a project runs, or the lowest its declared range admits (for bounds read as a floor). */
export function lowestVersion(found: ProjectVersion | undefined): string | undefined {
  if (found?.version) return found.version;
  const range = rangeOf(found?.range);
  try {
    return range ? minVersion(range)?.version : undefined;
  } catch {
    return undefined;
  }
}

/** Compares dotted versions numerically (`4.0.0` < `5.0.0`); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
