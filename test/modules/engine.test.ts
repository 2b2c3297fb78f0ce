/** The extension's engine across modules: disk + open buffers (the buffer wins), virtual workspaces. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { LintEngine } from '../../extension/src/core/engine';
import type { LintSettings } from '../../extension/src/core/protocol';

const project = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'modules', 'worker');
const index = join(project, 'src', 'index.ts');
const helpers = join(project, 'src', 'utils', 'cors.ts');
const RECOMMENDED: LintSettings = { preset: 'recommended', rules: {}, trustedOrigins: [] };
const engine = new LintEngine({ loadTypeScriptParser: () => tsParser as never });
const text = readFileSync(index, 'utf8');

function lint(
  extra: { buffers?: { fileName: string; text: string; version: number }[]; virtual?: boolean } = {},
  fileName = index,
) {
  return engine.lint({
    fileName,
    languageId: 'typescript',
    text: fileName === index ? text : readFileSync(fileName, 'utf8'),
    settings: RECOMMENDED,
    root: project,
    ...extra,
  });
}

describe('LintEngine with imported modules', () => {
  it('judges a helper where it lives: its callers, read from disk, are the related information', () => {
    const result = lint({}, helpers);
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      '5:36 cors-guard/no-origin-reflection',
      '12:57 cors-guard/no-origin-reflection',
    ]);
    const first = result.findings[0]!;
    expect(first.message).toContain("(callers pass the request's Origin: `src/index.ts` line 7)");
    expect(first.related).toContainEqual(
      expect.objectContaining({ file: index, line: 7, message: "Called here with the request's Origin." }),
    );
    expect(result.dependencies).toEqual([index]);
    // The caller's own lint does not repeat the helper's findings.
    expect(lint().findings).toEqual([]);
  });

  it('reads modules from disk and points related information at the other file', () => {
    // A caller the helper's judgement does not read (a new file no module imports yet), passing the Origin as
    // the helper's other callers do: the helper's own lint reports that reflection, so this file adds no
    // second finding (one defect, one finding: placement.ts), and still depends on the helper.
    const other = join(project, 'src', 'other.ts');
    const result = engine.lint({
      fileName: other,
      languageId: 'typescript',
      text: "import { corsHeaders } from './utils/cors';\nexport default { fetch: (request: Request) => new Response(null, { headers: corsHeaders(request.headers.get('Origin')) }) };\n",
      settings: RECOMMENDED,
      root: project,
    });
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual([]);
    expect(result.dependencies).toEqual([helpers]);
  });

  it('prefers an open buffer over the file on disk', () => {
    // The caller, open and edited to pass a fixed origin: no reflection is left in the helper, only its
    // own `*` with credentials (which a fixed origin no longer hides).
    const fixed = text.replace(/request\.headers\.get\('Origin'\)/g, "'https://app.example.com'");
    const result = lint({ buffers: [{ fileName: index, text: fixed, version: 7 }] }, helpers);
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      '5:46 cors-guard/no-wildcard-with-credentials',
    ]);
    // and the disk again once the buffer is gone
    expect(lint({}, helpers).findings).toHaveLength(2);
  });

  it('in a virtual workspace reads open documents only', () => {
    expect(lint({ virtual: true }).findings).toEqual([]);
    // (Folders can't be listed there, so no helper finds its callers: the caller's lint reports.)
    const result = lint({
      virtual: true,
      buffers: [{ fileName: helpers, text: readFileSync(helpers, 'utf8'), version: 1 }],
    });
    expect(result.findings).toHaveLength(2);
  });

  it('does not resolve imports of an untitled document', () => {
    const result = engine.lint({ fileName: 'Untitled-1', languageId: 'typescript', text, settings: RECOMMENDED });
    expect(result.findings).toEqual([]);
    expect(result.dependencies).toBeUndefined();
  });

  it("gives the editor a helper's check with its callers as related information in their files", () => {
    const home = join(project, '..', 'helper-home');
    const file = join(home, 'src', 'lib', 'headers.js');
    const result = engine.lint({
      fileName: file,
      languageId: 'javascript',
      text: readFileSync(file, 'utf8'),
      settings: RECOMMENDED,
      root: home,
    });
    const check = result.findings.find((f) => f.line === 6)!;
    expect(check.ruleId).toBe('cors-guard/no-unsafe-origin-check');
    expect(check.message).toContain("(callers pass the request's Origin as `origin`: `src/routes/api.js` line 6)");
    expect(check.related).toContainEqual(
      expect.objectContaining({
        file: join(home, 'src', 'routes', 'api.js'),
        line: 6,
        message: "Called here with the request's Origin.",
      }),
    );
    expect(result.dependencies).toContain(join(home, 'src', 'routes', 'api.js'));
  });
});
