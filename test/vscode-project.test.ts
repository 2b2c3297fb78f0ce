/**
 * The real-VS-Code suite, part 3: a small project as a new user finds it (suite/project.test.ts): the scan, the map,
 * one finding per defect, a reload. Its fixes and hovers: test/vscode-fixes.test.ts. See test/vscode.test.ts.
 */
import { vscodePart } from './vscode/vitest-parts';

vscodePart({
  entry: 'part-project.ts',
  covers: 'project tests',
  minTests: 6,
  screenshots: ['scan-project.png', 'map-helper-twice.png', 'map-report-webview.png', 'reload-with-tabs.png'],
});
