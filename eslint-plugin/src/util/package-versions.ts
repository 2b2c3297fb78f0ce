/**
 * The version of a package a linted file's project uses, read from disk next to the file: walking up from
 * the file's folder, the first folder that has the package installed (`node_modules/<name>/package.json`)
 * or declares it (`package.json` dependencies) answers; a declared range counts as its lowest version
 * (`^4.0.0` -> `4.0.0`). Undefined when nothing says, or there is no disk (virtual files, browsers).
 * Only asked for libraries whose defaults changed between versions, so ordinary files never touch disk.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';

const MAX_LEVELS = 40;
const cache = new Map<string, { mtimeMs: number; json: PackageJson | undefined }>();

interface PackageJson {
  version?: unknown;
  dependencies?: Record<string, unknown>;
  devDependencies?: Record<string, unknown>;
  peerDependencies?: Record<string, unknown>;
  optionalDependencies?: Record<string, unknown>;
}

function readJson(path: string): PackageJson | undefined {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
  const hit = cache.get(path);
  if (hit && hit.mtimeMs === mtimeMs) return hit.json;
  let json: PackageJson | undefined;
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as PackageJson;
  } catch {
    json = undefined;
  }
  if (cache.size > 500) cache.clear();
  cache.set(path, { mtimeMs, json });
  return json;
}

/** The lowest version a range admits, when it names one (`^4.1`, `~3.4.1`, `4.x`, `npm:@koa/cors@4`). */
export function rangeFloor(range: string): string | undefined {
  let r = range.trim();
  if (r.startsWith('npm:')) r = r.slice(r.lastIndexOf('@') + 1);
  if (r.includes('||') || r.startsWith('<')) return undefined;
  const m = /(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/.exec(r);
  if (!m) return undefined;
  const part = (x: string | undefined) => (x === undefined || x === 'x' || x === '*' ? '0' : x);
  return `${m[1]}.${part(m[2])}.${part(m[3])}`;
}

export function packageVersionNear(filename: string | undefined, name: string): string | undefined {
  if (!filename || !isAbsolute(filename)) return undefined;
  let dir = dirname(filename);
  for (let i = 0; i < MAX_LEVELS; i++) {
    const installed = readJson(join(dir, 'node_modules', name, 'package.json'));
    if (installed && typeof installed.version === 'string') return installed.version;
    const pkg = readJson(join(dir, 'package.json'));
    if (pkg) {
      for (const deps of [pkg.dependencies, pkg.devDependencies, pkg.peerDependencies, pkg.optionalDependencies]) {
        const range = deps?.[name];
        if (typeof range === 'string') return rangeFloor(range);
      }
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/**
 * The packages a folder's package.json depends on (every dependency field), undefined when the folder has
 * no readable package.json. For conventions that a framework dependency marks (`sails`, `@strapi/strapi`).
 */
export function dependenciesAt(dir: string): ReadonlySet<string> | undefined {
  const pkg = readJson(join(dir, 'package.json'));
  if (!pkg) return undefined;
  const out = new Set<string>();
  for (const deps of [pkg.dependencies, pkg.devDependencies, pkg.peerDependencies, pkg.optionalDependencies]) {
    if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) out.add(name);
  }
  return out;
}
