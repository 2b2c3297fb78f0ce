// Bad input in imported modules: unresolvable imports, cycles, huge and minified modules, syntax errors,
// symlinks and paths leading outside the project. No crash, no guessed finding, bounded work (each module
// read at most once, a module over the size limit never read: counted, not timed).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import corsGuard from '../../eslint-plugin/src/index';
import { DISK, type ModuleFileSystem } from '../../eslint-plugin/src/analysis/values/modules';
import { setModuleFileSystem } from '../../eslint-plugin/src/util/file-model';

let base: string;
let project: string;

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

// Every imported module would give a finding (`origin: true` with credentials) if it were followed.
const OPTIONS = 'module.exports = { options: { origin: true, credentials: true } };\n';

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'cors-guard-modules-'));
  project = join(base, 'project');
  write(join(base, 'outside', 'options.js'), OPTIONS);
  write(join(project, 'node_modules', 'local-pkg', 'index.js'), OPTIONS);
  write(join(project, 'cycle-a.js'), "const b = require('./cycle-b');\nmodule.exports = { options: b.options };\n");
  write(join(project, 'cycle-b.js'), "const a = require('./cycle-a');\nmodule.exports = { options: a.options };\n");
  write(join(project, 'esm-a.mjs'), "export * from './esm-b.mjs';\n");
  write(join(project, 'esm-b.mjs'), "export * from './esm-a.mjs';\n");
  write(join(project, 'self.js'), "module.exports = require('./self');\n");
  write(join(project, 'huge.js'), OPTIONS + '// padding padding padding padding padding padding\n'.repeat(12_000));
  write(join(project, 'min.js'), OPTIONS.trim() + 'var a=1;'.repeat(1000) + '\n');
  write(join(project, 'broken.js'), 'module.exports = { options: { origin: true, credentials: true } ;;; }}}\n');
  write(join(project, 'broken.ts'), 'export const options = { origin: true, credentials: true } as <<;\n');
  symlinkSync(join(base, 'outside'), join(project, 'linked'), 'dir');
  write(
    join(project, 'server.js'),
    [
      "const cors = require('cors');",
      "const app = require('express')();",
      "app.use(cors(require('./missing').options));",
      "app.use(cors(require('./cycle-a').options));",
      "app.use(cors(require('./self').options));",
      "app.use(cors(require('./huge').options));",
      "app.use(cors(require('./min').options));",
      "app.use(cors(require('./broken').options));",
      "app.use(cors(require('../outside/options').options));",
      "app.use(cors(require('./linked/options').options));",
      "app.use(cors(require('local-pkg').options));",
      "app.use(cors(require('/etc/passwd').options));",
      '',
    ].join('\n'),
  );
  write(
    join(project, 'esm.mjs'),
    [
      "import cors from 'cors';",
      "import { options } from './esm-a.mjs';",
      "import { options as tsOptions } from './broken';",
      'export const a = cors(options);',
      'export const b = cors(tsOptions);',
      '',
    ].join('\n'),
  );
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

function engine(): ESLint {
  return new ESLint({
    cwd: project,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
      corsGuard.configs.recommended as never,
    ],
  });
}

describe('bad input in imported modules', () => {
  it('follows none of them, reports nothing, does not crash, reads each module at most once', async () => {
    const reads = new Map<string, number>();
    const counting: ModuleFileSystem = {
      ...DISK,
      readFile(path) {
        reads.set(path, (reads.get(path) ?? 0) + 1);
        return DISK.readFile(path);
      },
    };
    setModuleFileSystem(counting);
    let results;
    try {
      results = await engine().lintFiles(['server.js', 'esm.mjs']);
    } finally {
      setModuleFileSystem(undefined);
    }
    expect(results.flatMap((r) => r.messages)).toEqual([]);
    // The work is bounded by count: the cycles and the self-import read each module once (the module
    // cache), the huge module is turned away by its size before it is read, nothing outside is read.
    expect(
      [...reads.values()].every((n) => n === 1),
      JSON.stringify([...reads]),
    ).toBe(true);
    expect(reads.has(join(project, 'huge.js'))).toBe(false);
    expect([...reads.keys()].filter((p) => !p.startsWith(project + sep))).toEqual([]);
    expect(reads.has(join(project, 'cycle-a.js')) && reads.has(join(project, 'esm-a.mjs'))).toBe(true);
  });

  it('stops after six import hops', async () => {
    const chain = (name: string, hops: number) => {
      for (let i = 0; i < hops; i++)
        write(join(project, name, `m${i}.js`), `module.exports = require('./m${i + 1}');\n`);
      write(join(project, name, `m${hops}.js`), OPTIONS);
      write(join(project, `${name}.js`), `const cors = require('cors');\ncors(require('./${name}/m0').options);\n`);
    };
    chain('short', 4);
    chain('long', 9);
    const results = await engine().lintFiles(['short.js', 'long.js']);
    expect(results.map((r) => r.messages.length)).toEqual([1, 0]);
  });

  it('still follows a good module next to them (the bounds are per module, not per file)', async () => {
    write(join(project, 'good.js'), OPTIONS);
    write(join(project, 'uses-good.js'), "const cors = require('cors');\ncors(require('./good').options);\n");
    const [result] = await engine().lintFiles(['uses-good.js']);
    expect(result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      '2:1 cors-guard/no-origin-reflection',
    ]);
  });
});
