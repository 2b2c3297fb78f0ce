// Module resolution: TypeScript's extension rules, index files, tsconfig paths/baseUrl/extends,
// package.json imports, and only files of the project.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DISK,
  forgetResolutions,
  overlayFileSystem,
  resolveModule,
} from '../../eslint-plugin/src/analysis/values/modules';

let root: string;
const file = (...p: string[]) => join(root, ...p);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cors-guard-resolve-'));
  const files: Record<string, string> = {
    'package.json': JSON.stringify({
      name: 'app',
      imports: { '#config': './src/config/index.ts', '#lib/*': './src/lib/*' },
    }),
    'tsconfig.base.json':
      '{ // comment\n "compilerOptions": { "baseUrl": ".", "paths": { "@cfg/*": ["src/config/*"] } } }',
    'tsconfig.json': '{ "extends": "./tsconfig.base.json" }',
    'src/main.ts': '',
    'src/config/index.ts': '',
    'src/config/cors.ts': '',
    'src/config/legacy.cjs': '',
    'src/config/esm.mts': '',
    'src/lib/helpers.js': '',
    'src/view.tsx': '',
    'node_modules/pkg/index.js': '',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(file(name)), { recursive: true });
    writeFileSync(file(name), text);
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveModule', () => {
  const from = () => file('src/main.ts');
  it.each([
    ['./config/cors', 'src/config/cors.ts'],
    ['./config/cors.js', 'src/config/cors.ts'],
    ['./config/esm.mjs', 'src/config/esm.mts'],
    ['./config/legacy.cjs', 'src/config/legacy.cjs'],
    ['./config', 'src/config/index.ts'],
    ['./view.js', 'src/view.tsx'],
    ['@cfg/cors', 'src/config/cors.ts'],
    ['src/config/cors', 'src/config/cors.ts'],
    ['#config', 'src/config/index.ts'],
    ['#lib/helpers.js', 'src/lib/helpers.js'],
  ])('%s -> %s', (specifier, expected) => {
    expect(resolveModule(specifier, from(), root)).toBe(file(expected));
  });

  it.each(['pkg', 'node:fs', './missing', '../../outside', 'https://example.com/x.js'])(
    'does not follow %s',
    (specifier) => {
      expect(resolveModule(specifier, from(), root)).toBeUndefined();
    },
  );

  it('keeps an answer per project root: the same import asked with a root that excludes its target is not followed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cors-guard-roots-'));
    try {
      mkdirSync(join(dir, 'app', 'src'), { recursive: true });
      writeFileSync(join(dir, 'shared.js'), '');
      writeFileSync(join(dir, 'app', 'src', 'main.js'), '');
      const main = join(dir, 'app', 'src', 'main.js');
      expect(resolveModule('../../shared.js', main, join(dir, 'app'))).toBeUndefined();
      expect(resolveModule('../../shared.js', main, dir)).toBe(join(dir, 'shared.js'));
      expect(resolveModule('../../shared.js', main, join(dir, 'app'))).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a tsconfig again once it has changed and the host says so (the editor worker, on its watcher event)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cors-guard-tsconfig-'));
    try {
      const at = (...p: string[]) => join(dir, ...p);
      mkdirSync(at('src', 'a'), { recursive: true });
      mkdirSync(at('src', 'b'), { recursive: true });
      writeFileSync(at('src', 'a', 'cors.ts'), '');
      writeFileSync(at('src', 'b', 'cors.ts'), '');
      writeFileSync(at('src', 'main.ts'), '');
      const config = (target: string) =>
        JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@cfg/*': [`src/${target}/*`] } } });
      writeFileSync(at('tsconfig.json'), config('a'));
      expect(resolveModule('@cfg/cors', at('src', 'main.ts'), dir)).toBe(at('src', 'a', 'cors.ts'));
      writeFileSync(at('tsconfig.json'), `${config('b')}\n`);
      forgetResolutions();
      expect(resolveModule('@cfg/cors', at('src', 'main.ts'), dir)).toBe(at('src', 'b', 'cors.ts'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads open buffers over the disk, and buffers alone in a virtual workspace', () => {
    const unsaved = file('src/unsaved.ts');
    const buffers = new Map([[unsaved, { text: 'export {}', version: 1 }]]);
    expect(resolveModule('./unsaved', from(), root, overlayFileSystem(buffers, DISK))).toBe(unsaved);
    expect(resolveModule('./unsaved', from(), root)).toBeUndefined();
    const virtual = overlayFileSystem(buffers, undefined);
    expect(resolveModule('./unsaved', from(), root, virtual)).toBe(unsaved);
    expect(resolveModule('./config/cors', from(), root, virtual)).toBeUndefined();
    expect(virtual.readFile(unsaved)).toBe('export {}');
  });
});
