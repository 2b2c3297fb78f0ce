// Published versions of the CORS libraries, for the version sweep (version-sweep.mjs) and the committed test
// of the change points (test/differential/versions.test.ts): which versions to try, the hash of each
// version's CORS source file (from its `npm pack` tarball), and installing one version into a cache folder.
// Everything goes through the ordinary `npm` client; installs are cached by package and version.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = process.env.CORS_GUARD_VERSIONS_CACHE ?? join(rootDir, '.cache', 'versions');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * The libraries the sweep covers: the differential grid each runs (test/differential/grid.ts), the package
 * and its CORS source file inside the tarball, and what else a version needs installed beside it (a core of
 * the same major), else the repository's own copies of the frameworks are used.
 */
export const SWEEP_LIBRARIES = [
  { grid: 'hono', package: 'hono', file: 'dist/middleware/cors/index.js', from: '4.0.0' },
  { grid: 'koa-cors@5', package: '@koa/cors', file: 'index.js', from: '3.0.0', majors: 3 },
  { grid: 'koa2-cors', package: 'koa2-cors', file: 'dist/index.js', from: '2.0.0' },
  // The old `fastify-cors` (renamed @fastify/cors at 7.0.0); 4.x to 6.x run on fastify 3.
  { grid: 'fastify-cors@5', package: 'fastify-cors', file: 'index.js', from: '4.0.0', with: () => ['fastify@3'] },
  { grid: 'cors', package: 'cors', file: 'lib/index.js', from: '2.8.0' },
  {
    grid: 'middy',
    package: '@middy/http-cors',
    file: 'index.js',
    from: '5.0.0',
    majors: 3,
    with: (version) => [`@middy/core@${version.split('.')[0]}`],
  },
];

/** The versions a registry lists for a package (stable releases only). */
export async function publishedVersions(pkg) {
  const { stdout } = await run(npm, ['view', pkg, 'versions', '--json'], { maxBuffer: 32 * 1024 * 1024 });
  const all = JSON.parse(stdout);
  return (Array.isArray(all) ? all : [all]).filter((v) => /^\d+\.\d+\.\d+$/.test(v));
}

const parse = (v) => v.split('.').map(Number);
export const compare = (a, b) => {
  const [pa, pb] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
};

/**
 * The bounded window: every version of the current and the previous major (at or after `from`), in order.
 * The sweep hashes each one's CORS file and runs the grid on the last patch of every minor plus both sides
 * of every patch where the hash changes.
 */
export function windowOf(versions, from = '0.0.0', majors = 2) {
  const sorted = versions.filter((v) => compare(v, from) >= 0).sort(compare);
  const latestMajor = parse(sorted.at(-1) ?? '0.0.0')[0];
  return sorted.filter((v) => parse(v)[0] > latestMajor - majors);
}

/** The last patch of each minor. */
export function lastPatches(versions) {
  const byMinor = new Map();
  for (const v of versions) byMinor.set(v.split('.').slice(0, 2).join('.'), v);
  return [...byMinor.values()];
}

const tarballDir = () => join(cacheDir, 'tarballs');
const tarballOf = (pkg, version) => join(tarballDir(), `${pkg.replace(/^@/, '').replace('/', '-')}-${version}.tgz`);

/** Fetches the tarballs of many versions (25 per `npm pack` call), skipping those already cached. */
export async function packAll(pkg, versions) {
  mkdirSync(tarballDir(), { recursive: true });
  const missing = versions.filter((v) => !existsSync(tarballOf(pkg, v)));
  for (let i = 0; i < missing.length; i += 25) {
    const batch = missing.slice(i, i + 25).map((v) => `${pkg}@${v}`);
    await run(npm, ['pack', ...batch, '--silent', '--pack-destination', tarballDir()], { maxBuffer: 16 * 1024 * 1024 });
  }
}

/** sha256 of the CORS source file in a version's tarball (the tarball is cached), or undefined. */
export async function corsFileHash(pkg, version, file) {
  const tgz = tarballOf(pkg, version);
  if (!existsSync(tgz)) await packAll(pkg, [version]);
  try {
    const { stdout } = await run('tar', ['-xzOf', tgz, `package/${file}`], {
      encoding: 'buffer',
      maxBuffer: 16 * 1024 * 1024,
    });
    return createHash('sha256').update(stdout).digest('hex').slice(0, 16);
  } catch {
    return undefined;
  }
}

/**
 * Installs `pkg@version` (and `extra` packages) into `.cache/versions/<pkg>@<version>/` unless it is already
 * there; returns that folder. Scripts are not run.
 */
export async function installVersion(pkg, version, extra = []) {
  const dir = join(cacheDir, `${pkg.replace('/', '+')}@${version}`);
  const marker = join(dir, 'node_modules', pkg, 'package.json');
  if (existsSync(marker) && JSON.parse(readFileSync(marker, 'utf8')).version === version) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true }));
  await run(
    npm,
    [
      'install',
      '--prefix',
      dir,
      '--no-save',
      '--no-package-lock',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `${pkg}@${version}`,
      ...extra,
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return dir;
}

/** The cache's size in bytes (for the sweep's report). */
export function cacheSize(dir = cacheDir) {
  let total = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    total += entry.isDirectory() ? cacheSize(p) : statSync(p).size;
  }
  return total;
}
