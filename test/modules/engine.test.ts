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

function lint(extra: { buffers?: { fileName: string; text: string; version: number }[]; virtual?: boolean } = {}) {
  return engine.lint({
    fileName: index,
    languageId: 'typescript',
    text,
    settings: RECOMMENDED,
    root: project,
    ...extra,
  });
}

describe('LintEngine with imported modules', () => {
  it('reads modules from disk and points related information at the other file', () => {
    const result = lint();
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      '7:44 cors-guard/no-origin-reflection',
      '10:5 cors-guard/no-origin-reflection',
    ]);
    const first = result.findings[0]!;
    expect(first.related[0]).toMatchObject({ file: helpers, line: 5 });
    expect(result.dependencies).toEqual([helpers]);
  });

  it('prefers an open buffer over the file on disk', () => {
    const fixed = readFileSync(helpers, 'utf8')
      .replace("origin ?? '*'", "ALLOWED.has(origin ?? '') ? origin! : 'https://app.example.com'")
      .replace('if (origin) {', 'if (origin && ALLOWED.has(origin)) {');
    const result = lint({ buffers: [{ fileName: helpers, text: fixed, version: 7 }] });
    expect(result.findings).toEqual([]);
    // and the disk again once the buffer is gone
    expect(lint().findings).toHaveLength(2);
  });

  it('in a virtual workspace reads open documents only', () => {
    expect(lint({ virtual: true }).findings).toEqual([]);
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
});
