// The reverse import index a helper's judgement reads its callers from: which project files import a
// module, found without parsing, resolved as imports are followed, bounded, and never in node_modules.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORTER_LIMITS, importersOf } from '../../eslint-plugin/src/analysis/values/importers';
import { overlayFileSystem, DISK } from '../../eslint-plugin/src/analysis/values/modules';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cors-guard-importers-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

describe('importersOf', () => {
  it('finds ESM, CommonJS, re-export and folder-index importers, in path order', () => {
    const root = project({
      'src/lib/cors/index.js': 'module.exports = {};',
      'src/lib/headers.ts': 'export function setCors() {}',
      'src/a.js': "const { setCors } = require('./lib/headers');",
      'src/b.ts': "import { setCors } from './lib/headers.js';",
      'src/c.mjs': "export * from './lib/headers.js';",
      'src/d.js': "import x from './lib/cors';",
      'src/e.js': "const h = require('./other/headers');",
      'node_modules/pkg/index.js': "require('../../src/lib/headers');",
      '.cache/x.js': "require('../src/lib/headers');",
    });
    const headers = join(root, 'src', 'lib', 'headers.ts');
    expect(importersOf(headers, root)).toEqual([
      join(root, 'src/a.js'),
      join(root, 'src/b.ts'),
      join(root, 'src/c.mjs'),
    ]);
    expect(importersOf(join(root, 'src', 'lib', 'cors', 'index.js'), root)).toEqual([join(root, 'src/d.js')]);
    // A package's file is never a project import, so nothing is listed for it.
    expect(importersOf(join(root, 'node_modules', 'pkg', 'index.js'), root)).toEqual([]);
  });

  it(`returns at most ${IMPORTER_LIMITS.maxImporters} importers`, () => {
    const files: Record<string, string> = { 'lib/cors.js': '' };
    for (let i = 0; i < IMPORTER_LIMITS.maxImporters + 5; i++) {
      files[`routes/r${String(i).padStart(2, '0')}.js`] = "require('../lib/cors')";
    }
    const root = project(files);
    const found = importersOf(join(root, 'lib', 'cors.js'), root);
    expect(found).toHaveLength(IMPORTER_LIMITS.maxImporters);
    expect(found[0]).toBe(join(root, 'routes', 'r00.js'));
  });

  it('sees an open buffer over the file on disk, and nothing where folders cannot be listed', () => {
    const root = project({ 'lib/cors.js': '', 'app.js': '' });
    const target = join(root, 'lib', 'cors.js');
    const buffers = new Map([[join(root, 'app.js'), { text: "require('./lib/cors')", version: 2 }]]);
    expect(importersOf(target, root, overlayFileSystem(buffers, DISK))).toEqual([join(root, 'app.js')]);
    expect(importersOf(target, root, overlayFileSystem(buffers, undefined))).toEqual([]);
  });
});
