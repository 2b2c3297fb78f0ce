/**
 * The real-VS-Code suite, part 3: a small project as a new user finds it (suite/project.test.ts). See
 * test/vscode.test.ts.
 */
import { vscodePart } from './vscode/vitest-parts';

vscodePart({
  entry: 'part-project.ts',
  covers: 'project tests',
  minTests: 12,
  screenshots: [
    'scan-project.png',
    'map-helper-twice.png',
    'map-report-webview.png',
    'reload-with-tabs.png',
    'allowlist-snippet.png',
    'quick-fix-callback.png',
    'imported-options-hover.png',
    'untitled-yaml-codelens.png',
    'explain-curl-i.png',
    'why-no-fix.png',
    'docs-rendered.png',
    'koa-hover.png',
  ],
});
