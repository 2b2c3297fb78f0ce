import { configDefaults, defineConfig } from 'vitest/config';

// The real-VS-Code files (test/vscode.test.ts, test/vscode-*.test.ts): each starts its own code-server, and two
// beside each other only slow each other down. They form a project of their own that runs its files one at a
// time, so a file's time is its own work, not a wait for another part's turn. (vitest runs a project whose
// worker count differs after the others, not beside them: the suite is that much longer, about three minutes
// on a quiet 2-core machine, which is the price of files that each finish in well under a minute.)
const vscodeFiles = ['test/vscode.test.ts', 'test/vscode-*.test.ts'];
// The suites that run inside VS Code's extension host (test/vscode.test.ts starts them).
const exclude = [...configDefaults.exclude, 'test/vscode/suite/**'];

export default defineConfig({
  test: {
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...exclude, ...vscodeFiles] } },
      { extends: true, test: { name: 'vscode', include: vscodeFiles, exclude, fileParallelism: false } },
    ],
  },
});
