/**
 * An ESLint formatter writing SARIF 2.1.0 for code scanning, with each CORS Guard finding's related
 * locations (the callers of a helper, where the Origin is read, where credentials are switched on) as
 * `relatedLocations`. ESLint's results carry no related locations, so the rules leave them in a registry
 * of this process (related.ts `RELATED_REGISTRY`), keyed by file, position and rule; a result ESLint took
 * from its cache (`--cache`) or linted in a worker thread (`--concurrency`) has none there and is written
 * without them. Usage: `eslint . -f ./node_modules/eslint-plugin-cors-guard/dist/formatters/sarif.js`.
 */
import * as nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import { relatedRegistry, registryKey } from '../util/related';

interface LintMessage {
  readonly ruleId: string | null;
  readonly severity: number;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly fatal?: boolean;
}

interface LintResult {
  readonly filePath: string;
  readonly messages: readonly LintMessage[];
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
}

function artifact(file: string, cwd: string) {
  const rel = nodePath.relative(cwd, file);
  return rel && !rel.startsWith('..') && !nodePath.isAbsolute(rel)
    ? { uri: rel.split(nodePath.sep).join('/'), uriBaseId: '%SRCROOT%' }
    : { uri: pathToFileURL(file).href };
}

/** The SARIF log of ESLint's results (`cwd`: the folder `%SRCROOT%` stands for). */
function sarifOf(results: readonly LintResult[], cwd = process.cwd()): object {
  const rules = new Map<string, number>();
  const out: object[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      const ruleId = m.ruleId ?? (m.fatal ? 'parse-error' : 'eslint');
      if (!rules.has(ruleId)) rules.set(ruleId, rules.size);
      const region: Region = { startLine: m.line ?? 1, startColumn: m.column ?? 1 };
      if (m.endLine !== undefined) region.endLine = m.endLine;
      if (m.endColumn !== undefined) region.endColumn = m.endColumn;
      const related = relatedRegistry().get(registryKey(r.filePath, m.line ?? 1, (m.column ?? 1) - 1, ruleId)) ?? [];
      out.push({
        ruleId,
        ruleIndex: rules.get(ruleId),
        level: m.severity === 2 ? 'error' : 'warning',
        message: { text: m.message },
        locations: [{ physicalLocation: { artifactLocation: artifact(r.filePath, cwd), region } }],
        ...(related.length > 0
          ? {
              relatedLocations: related.map((x, id) => ({
                id,
                message: { text: x.message },
                physicalLocation: {
                  artifactLocation: artifact(x.file ?? r.filePath, cwd),
                  region: {
                    startLine: x.loc.start.line,
                    startColumn: x.loc.start.column + 1,
                    endLine: x.loc.end.line,
                    endColumn: x.loc.end.column + 1,
                  },
                },
              })),
            }
          : {}),
      });
    }
  }
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'ESLint (CORS Guard)',
            informationUri: 'https://eslint.org',
            rules: [...rules.keys()].map((id) => ({ id })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + nodePath.sep).href } },
        results: out,
      },
    ],
  };
}

/** ESLint's formatter entry: `(results, context) => string`; `format.sarifOf` gives the object. */
const format = Object.assign(
  (results: readonly LintResult[], context?: { cwd?: string }): string =>
    JSON.stringify(sarifOf(results, context?.cwd ?? process.cwd()), null, 2),
  { sarifOf },
);

export = format;
