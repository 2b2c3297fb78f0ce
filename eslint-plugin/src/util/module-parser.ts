/**
 * Parses imported modules with the parser the linted file uses: typescript-eslint's `parseForESLint`
 * (JavaScript and TypeScript alike, with its scope manager) when that is the configured parser, else
 * espree + eslint-scope (what ESLint itself uses) for JavaScript and, for a TypeScript module imported
 * from a JavaScript file, `@typescript-eslint/parser` if it is installed. Never type-aware: `project`
 * and friends are dropped, so no TypeScript program is built.
 */
import * as espree from 'espree';
import * as eslintScope from 'eslint-scope';
import type { ModuleParser, ParsedModule } from '../analysis/values/modules';

interface EslintParser {
  parse?(text: string, options?: unknown): unknown;
  parseForESLint?(text: string, options?: unknown): { ast: unknown; scopeManager?: unknown };
}

let typescriptParserLoader: (() => EslintParser | undefined) | undefined;

/** The editor extension hands over its lazily loaded TypeScript parser bundle. */
export function setTypeScriptParserLoader(load: () => EslintParser | undefined): void {
  typescriptParserLoader = load;
}

let fallbackTs: EslintParser | null | undefined;
function typescriptParser(): EslintParser | undefined {
  if (typescriptParserLoader) return typescriptParserLoader();
  if (fallbackTs === undefined) {
    try {
      // A name in a variable: bundlers leave it alone (the extension injects its own loader instead).
      const name = '@typescript-eslint/parser';
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      fallbackTs = (require(name) as EslintParser | undefined) ?? null;
    } catch {
      fallbackTs = null;
    }
  }
  return fallbackTs ?? undefined;
}

const TS_EXT = /\.[cm]?tsx?$/i;

function sourceTypeOf(path: string): 'module' | 'commonjs' | undefined {
  if (/\.c[jt]s$/i.test(path)) return 'commonjs';
  if (/\.m[jt]s$/i.test(path)) return 'module';
  return undefined;
}

function withTsParser(parser: EslintParser, text: string, path: string): ParsedModule | undefined {
  const sourceType = sourceTypeOf(path) === 'commonjs' ? 'script' : 'module';
  const r = parser.parseForESLint!(text, {
    filePath: path,
    range: true,
    loc: true,
    comment: false,
    tokens: false,
    ecmaVersion: 'latest',
    sourceType,
    jsDocParsingMode: 'none',
    ecmaFeatures: { jsx: /x$/i.test(path) || /\.[cm]?js$/i.test(path) },
  });
  if (!r.scopeManager) return undefined;
  return { ast: r.ast as ParsedModule['ast'], scopeManager: r.scopeManager as ParsedModule['scopeManager'] };
}

function withEspree(text: string, path: string): ParsedModule | undefined {
  const given = sourceTypeOf(path);
  const tries: ['module' | 'commonjs', boolean][] = given
    ? [
        [given, false],
        [given, true],
      ]
    : [
        ['module', true],
        ['commonjs', true],
        ['module', false],
      ];
  for (const [sourceType, jsx] of tries) {
    try {
      const ast = espree.parse(text, {
        ecmaVersion: 'latest',
        sourceType,
        range: true,
        loc: true,
        ecmaFeatures: { jsx },
      }) as unknown as ParsedModule['ast'];
      const scopeManager = eslintScope.analyze(ast as never, {
        ecmaVersion: 2022,
        sourceType,
      }) as unknown as ParsedModule['scopeManager'];
      return { ast, scopeManager };
    } catch {
      // next dialect
    }
  }
  return undefined;
}

/** A module parser that follows the linted file's parser. */
export function moduleParserFor(configured: unknown): ModuleParser {
  const own = configured as EslintParser | undefined;
  const ownIsTs = !!own?.parseForESLint;
  return (text, path) => {
    try {
      if (ownIsTs) return withTsParser(own!, text, path);
      if (TS_EXT.test(path)) {
        const ts = typescriptParser();
        return ts?.parseForESLint ? withTsParser(ts, text, path) : undefined;
      }
      return withEspree(text, path);
    } catch {
      // A syntax error in an imported module: its values are unknown, nothing is guessed.
      return undefined;
    }
  };
}
