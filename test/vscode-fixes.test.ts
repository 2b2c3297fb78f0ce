/**
 * The real-VS-Code suite, part 4: the fixes, hovers and Explain Headers on the small project of part 3
 * (suite/fixes.test.ts): the allowlist fix type-checked, the fixes for the commonest shapes, curl -i in an
 * untitled editor, the wording of the hovers. See test/vscode.test.ts.
 */
import { vscodePart } from './vscode/vitest-parts';

vscodePart({
  entry: 'part-fixes.ts',
  covers: 'fixes, hovers and Explain Headers on a project',
  minTests: 8,
  screenshots: [
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
