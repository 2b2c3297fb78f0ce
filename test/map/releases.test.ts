// The map names the release a verdict depends on (a `versions` row of the framework table): JSON (schema),
// Markdown and text, over the fixture projects of test/fixtures/versions.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, mapDirectory, root, schemaErrors } from './helper';

const fixtures = join(root, 'test', 'fixtures', 'versions');

describe('the map and library releases', () => {
  it('JSON: the release of hono 4.12.20 (exact, locked) and of a range that admits the window', async () => {
    const report = await mapDirectory(fixtures);
    expect(schemaErrors(report)).toEqual([]);
    const byFile = (file: string) => report.policies.find((p) => p.file === file);
    expect(byFile('hono-4.12.20/server.js')).toMatchObject({
      verdict: 'unsafe',
      rule: 'cors-guard/no-origin-reflection',
      release: {
        package: 'hono',
        version: null,
        range: '4.12.20',
        source: 'declared',
        certainty: 'runs',
        releases: '4.12.9 to 4.12.24',
        advisory: 'CVE-2026-54290 / GHSA-88fw-hqm2-52qc',
        fixedIn: '4.12.25',
        note: 'hono 4.12.20, CVE-2026-54290 / GHSA-88fw-hqm2-52qc: upgrade to 4.12.25 or later',
      },
    });
    expect(byFile('hono-npm-lock/server.js')?.release).toMatchObject({ version: '4.12.20', source: 'lockfile' });
    expect(byFile('hono-range/server.js')?.release).toMatchObject({ range: '^4.12.0', certainty: 'admits' });
    expect(byFile('hono-4.12.25/server.js')).toMatchObject({ verdict: 'broken', release: null });
  });

  it('text and Markdown carry the note', async () => {
    const text = await cli(['map', '--no-config', 'hono-4.12.20'], fixtures);
    expect(text.stdout).toContain('hono 4.12.20, CVE-2026-54290 / GHSA-88fw-hqm2-52qc: upgrade to 4.12.25 or later');
    const md = await cli(['map', '--no-config', '--format', 'md', 'hono-range'], fixtures);
    expect(md.stdout).toContain('(hono ^4.12.0 (admits releases 4.12.9 to 4.12.24), CVE-2026-54290');
  });
});
