/**
 * The real-VS-Code suite, part 4: Scan Workspace and the CORS Map view (suite/map.test.ts), the
 * regression-test quick fix (prove.test.ts) and findings across files (workflows.test.ts). See
 * test/vscode.test.ts.
 */
import { vscodePart } from './vscode/vitest-parts';

vscodePart({
  entry: 'part-map.ts',
  covers: 'workspace scan, CORS Map, regression-test and cross-file tests',
  minTests: 13,
  screenshots: ['map-view.png', 'map-view-sidebar.png'],
});
