/**
 * The packaged .vsix in a real VS Code (code-server 4.100.3): installed with `--install-extension`, it
 * activates and reports; the package holds only what it should. (The integration suite: test/vscode.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exclusive } from './vscode/lock';
import { failures, root, runSuite } from './vscode/vitest-parts';

/** The file names in a zip archive (a .vsix), from its central directory. */
function zipEntries(file: string): string[] {
  const zip = readFileSync(file);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${file} is not a zip archive`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('corrupt central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

describe.runIf(process.platform === 'linux')('in a real VS Code (code-server 4.100.3)', () => {
  it(
    'installs the packaged .vsix, which activates and reports',
    async () => {
      const { outcomes, status, output } = await exclusive(root, () => runSuite('smoke-vsix.mjs'));
      expect(failures(outcomes)).toEqual([]);
      expect(outcomes.length, output.slice(-3000)).toBe(1);
      expect(status, output.slice(-3000)).toBe(0);
      // The package holds the bundles, manifest, README, license, icon and the rule docs (opened offline): no
      // sources, tests, maps or node_modules.
      expect(zipEntries(join(root, 'cors-guard.vsix')).sort()).toEqual([
        '[Content_Types].xml',
        'extension.vsixmanifest',
        'extension/LICENSE.txt',
        ...[
          'no-any-subdomain',
          'no-exposed-local-server',
          'no-insecure-origin',
          'no-invalid-cors-header',
          'no-null-origin',
          'no-origin-reflection',
          'no-permissive-default',
          'no-unsafe-origin-check',
          'no-wildcard-with-credentials',
          'require-vary-origin',
        ].map((rule) => `extension/eslint-plugin/docs/rules/${rule}.md`),
        'extension/extension/dist/extension.cjs',
        'extension/extension/dist/linter-worker.cjs',
        'extension/extension/dist/ts-parser.cjs',
        'extension/extension/dist/worker-boot.cjs',
        'extension/extension/images/icon.png',
        'extension/extension/images/map.svg',
        'extension/package.json',
        'extension/readme.md',
      ]);
    },
    16 * 60_000,
  );
});
