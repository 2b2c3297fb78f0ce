// `cors-guard map` on hostile projects: a config that cannot be loaded (a fresh clone whose eslint.config
// imports packages not installed) falls back to the recommended preset and says so; a FIFO .gitignore and
// a regex bomb do not hang the scan.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { regexBombFile, regexBombs } from '../../eslint-plugin/scripts/hostile-lib.mjs';
import type { MapReport } from '../../eslint-plugin/src/map';
import { cli, spawnCli } from '../map/helper';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cors-guard-map-hostile-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const REFLECTING = `app.use((req, res) => {\n  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);\n  res.setHeader('Access-Control-Allow-Credentials', 'true');\n});\n`;

describe('cors-guard map on hostile projects', () => {
  it('an eslint.config that imports packages not installed: the recommended preset, said on stderr', async () => {
    const dir = project({
      'eslint.config.mjs': `import missing from 'eslint-plugin-not-installed-anywhere';\nexport default [missing.configs.recommended];\n`,
      'server.js': REFLECTING,
    });
    const r = await cli(['map', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /eslint\.config\.mjs could not be loaded \(.*eslint-plugin-not-installed-anywhere.*\); mapping with the recommended preset instead/,
    );
    const report = JSON.parse(r.stdout) as MapReport;
    expect(report.policies.map((p) => `${p.verdict} ${p.file}:${p.line} ${p.rule}`)).toEqual([
      'unsafe server.js:2 cors-guard/no-origin-reflection',
    ]);
  });

  it('an explicitly given config that cannot be loaded is still an error', async () => {
    const dir = project({
      'broken.config.mjs': `import 'not-installed-either';\nexport default [];\n`,
      'server.js': REFLECTING,
    });
    const r = await cli(['map', '--config', 'broken.config.mjs'], dir);
    expect(r.code).toBe(2);
  });

  it.skipIf(process.platform === 'win32')('a FIFO .gitignore and a regex bomb: the map is made', async () => {
    const dir = project({ 'server.js': regexBombFile(regexBombs()[0]!) });
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'lib', 'other.js'), REFLECTING);
    execFileSync('mkfifo', [join(dir, '.gitignore')]);
    // The real bin, in a process of its own: a read that blocked on the FIFO would hang that process (and
    // fail this test by its timeout), not the test runner.
    const r = await spawnCli(['map', '--format', 'json', '--no-config'], dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as MapReport;
    // The policy behind the check that could not be analysed is unknown, never safe.
    expect(report.policies.map((p) => `${p.verdict} ${p.file}`).sort()).toEqual([
      'unknown server.js',
      'unsafe lib/other.js',
    ]);
  });
});
