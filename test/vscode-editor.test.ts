/**
 * The real-VS-Code suite, part 2: typing (kept findings, no flicker, quick fixes right after a keystroke),
 * disable comments, Explain Headers, `.http` diagnostics, offline docs, the log's trace levels
 * (suite/editor.test.ts). See test/vscode.test.ts.
 */
import { vscodePart } from './vscode/vitest-parts';

vscodePart({
  entry: 'part-editor.ts',
  covers: 'editor tests',
  minTests: 11,
  // The compact hover's fit is measured with the finding screenshots, in part 1 (test/vscode.test.ts).
  skipped: ['the compact hover on a finding fits its box with "Quick Fix…" in view (measured in the workbench)'],
  screenshots: [
    'kept-findings.png',
    'ignore-comment.png',
    'explain-headers.png',
    'http-diagnostics.png',
    'offline-docs.png',
  ],
});
