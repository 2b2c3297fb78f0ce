/**
 * The real-VS-Code suite, run from `npm test` on Linux, part 1: the extension's integration tests of
 * suite/extension.test.ts in code-server (VS Code 1.100.3), with the finding's screenshots and the compact
 * hover's fit measured in the workbench. The other parts: test/vscode-editor.test.ts,
 * test/vscode-project.test.ts, test/vscode-fixes.test.ts, test/vscode-map.test.ts; the packaged .vsix: test/vscode-vsix.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, vscodePart } from './vscode/vitest-parts';

vscodePart({
  entry: 'part-extension.ts',
  covers: 'diagnostics, quick fixes, settings and hovers',
  minTests: 22,
  screenshots: ['finding.png', 'finding-hover.png', 'quick-fix-menu.png', 'policy-hover.png'],
  check(output) {
    // The compact hover on the reflection finding, as the runner measured it for the screenshots (the suite's
    // own check of it, in editor.test.ts, runs where both modules share a run: `npm run test:vscode`).
    const line = /^finding hover: (.*)$/m.exec(output)?.[1];
    expect(line, 'the runner measured the finding hover').toBeDefined();
    const m = JSON.parse(line!) as {
      contentHeight: number;
      boxHeight: number;
      statusBarVisible: boolean;
      text: string;
    };
    expect(m.contentHeight, `content ${m.contentHeight} px in a ${m.boxHeight} px box`).toBeLessThanOrEqual(
      m.boxHeight + 2,
    );
    expect(m.boxHeight).toBeLessThanOrEqual(250);
    expect(m.statusBarVisible, `"Quick Fix…" is visible without scrolling: ${m.text}`).toBe(true);
    expect(m.text).toMatch(/Details · Docs: no-origin-reflection/);
    // The message is stated once: not repeated by a verdict line.
    expect(m.text.split("reads it with the user's cookies").length, m.text).toBe(2);
  },
});

describe('the parts of the VS Code suite', () => {
  it('run every module of suite/index.ts, each in one part, each after the activation test', () => {
    const suite = join(root, 'test/vscode/suite');
    const imports = (file: string) =>
      [...readFileSync(join(suite, file), 'utf8').matchAll(/^import '\.\/([\w.-]+)';$/gm)].map((m) => m[1]!);
    const parts = readdirSync(suite).filter((f) => /^part-.*\.ts$/.test(f));
    expect(parts.length).toBeGreaterThanOrEqual(4);
    const all = imports('index.ts');
    expect(all[0]).toBe('activation');
    const modules = parts.flatMap((p) => {
      const list = imports(p);
      expect(list[0], p).toBe('activation');
      return list.slice(1);
    });
    expect(modules.sort()).toEqual(all.slice(1).sort());
    // Every test module of the suite is in index.ts.
    const tests = readdirSync(suite)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(all.slice(1).sort()).toEqual(tests.sort());
  });
});
