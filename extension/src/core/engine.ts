/**
 * The in-process linter: ESLint's `Linter` with the CORS Guard rules, the source's own settings and no
 * workspace code (no config files, no plugins from the project). Runs in the worker, and in benchmarks
 * and unit tests directly. The TypeScript parser is loaded only when a TypeScript file needs it.
 */
import { Linter } from 'eslint/universal';
import { isAbsolute, dirname } from 'node:path';
import plugin from '../../../eslint-plugin/src/index';
import { DISK, forgetResolutions, overlayFileSystem } from '../../../eslint-plugin/src/analysis/values/modules';
import { setRunScope } from '../../../eslint-plugin/src/analysis/run-scope';
import { setModuleFileSystem } from '../../../eslint-plugin/src/util/file-model';
import { setTypeScriptParserLoader } from '../../../eslint-plugin/src/util/module-parser';
import { RELATED, type RelatedLocation } from '../../../eslint-plugin/src/util/related';
import { explainPolicy } from '../../../eslint-plugin/src/analysis/explain-policy';
import { mappedPoliciesOf, releaseOfPolicy, safely, withPackage } from '../../../eslint-plugin/src/map/entries';
import { READ_LIMITS } from '../../../eslint-plugin/src/analysis/budgets';
import { readText } from '../../../eslint-plugin/src/analysis/read-file';
import { policyMarkdown } from './explain-markdown';
import { hoverAt, type HoverAnswer } from './hover-content';
import type { Finding, LintRequest, LintResult, LintSettings, OffsetEdit, PolicyEntry, UpgradeHint } from './protocol';

export const RULE_PREFIX = 'cors-guard/';

type Parser = Linter.Parser;
type RuleModule = { meta?: { schema?: unknown }; create(context: unknown): unknown };

interface Captured {
  readonly key: string;
  readonly related: readonly RelatedLocation[];
}

export interface EngineOptions {
  /** Loads `@typescript-eslint/parser` (a separate bundle in the extension). */
  readonly loadTypeScriptParser: () => Parser;
  /** Replaces the CORS Guard rules by one rule that does nothing (the benchmark floor). */
  readonly floor?: boolean;
}

export type Dialect = { readonly typescript: boolean; readonly jsx: boolean; readonly commonjs: boolean };

/** Parser and source type from the file name, falling back on the language id (untitled files). */
export function dialectOf(fileName: string, languageId: string): Dialect {
  const ext = /\.([cm]?[jt]sx?)$/i.exec(fileName)?.[1]?.toLowerCase();
  const typescript = ext ? ext.includes('t') : languageId === 'typescript' || languageId === 'typescriptreact';
  const jsx = ext ? ext.endsWith('x') || ext === 'js' : languageId.endsWith('react') || !typescript;
  return { typescript, jsx, commonjs: ext === 'cjs' || ext === 'cts' };
}

export class LintEngine {
  private readonly linter = new Linter({ configType: 'flat' });
  private tsParser: Parser | undefined;
  /** Parsers that have linted a file in this engine (the first lint of each is cold). */
  private readonly warmed = new Set<'espree' | 'typescript'>();
  private captured: Captured[] = [];
  /** The last lint's text and SourceCode (hovers reuse them while the text is unchanged). */
  private last:
    | { text: string; fileName: string; sourceCode: ReturnType<Linter['getSourceCode']> | null; fatal: boolean }
    | undefined;
  private readonly wrappedPlugin: { rules: Record<string, RuleModule> };

  constructor(private readonly options: EngineOptions) {
    const rules: Record<string, RuleModule> = {};
    for (const [name, rule] of Object.entries(plugin.rules as unknown as Record<string, RuleModule>)) {
      rules[name] = this.capturing(`${RULE_PREFIX}${name}`, rule);
    }
    if (options.floor) rules['noop'] = { meta: { schema: [] }, create: () => ({}) };
    this.wrappedPlugin = { rules };
    // Imported TypeScript modules are parsed with the same lazily loaded bundle.
    setTypeScriptParserLoader(() => this.typescriptParser() as never);
  }

  /** Loads what a first lint of this kind of file needs (the TypeScript parser), ahead of time. */
  warm(typescript: boolean): void {
    if (typescript) this.typescriptParser();
  }

  lint(
    request: Pick<
      LintRequest,
      | 'fileName'
      | 'languageId'
      | 'text'
      | 'settings'
      | 'buffers'
      | 'root'
      | 'virtual'
      | 'withPolicies'
      | 'modulesChanged'
      | 'shown'
    >,
  ): LintResult {
    const started = performance.now();
    // Modules are read from the open buffers over the disk (buffers only in a virtual workspace).
    const buffers = new Map((request.buffers ?? []).map((b) => [b.fileName, { text: b.text, version: b.version }]));
    setModuleFileSystem(
      request.virtual
        ? overlayFileSystem(buffers, undefined)
        : buffers.size > 0
          ? overlayFileSystem(buffers, DISK)
          : DISK,
    );
    if (request.modulesChanged) forgetResolutions();
    const real = isAbsolute(request.fileName) ? request.fileName : undefined;
    // corsGuard.trustedOrigins is the plugin's shared setting: every rule and the hover read it.
    const trustedOrigins = [...request.settings.trustedOrigins];
    const moduleSettings = real
      ? { 'cors-guard': { filename: real, root: request.root ?? dirname(real), trustedOrigins } }
      : { 'cors-guard': { modules: false, trustedOrigins } };
    const dialect = dialectOf(request.fileName, request.languageId);
    const parser = dialect.typescript ? this.typescriptParser() : undefined;
    const rules = this.options.floor ? { 'cors-guard/noop': 'error' as const } : this.rulesOf(request.settings);
    const ext = dialect.typescript ? (dialect.jsx ? 'tsx' : 'ts') : 'js';
    const run = (sourceType: 'module' | 'commonjs', jsx = dialect.jsx) => {
      this.captured = [];
      const config: Linter.Config[] = [
        {
          // A universal pattern (`**/*`) alone matches no file in flat config.
          files: ['**/*.js', '**/*.ts', '**/*.tsx'],
          languageOptions: {
            ecmaVersion: 'latest',
            sourceType,
            ...(parser ? { parser } : {}),
            parserOptions: { ecmaFeatures: { jsx } },
          },
          linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
          settings: moduleSettings,
          plugins: { 'cors-guard': this.wrappedPlugin as never },
          rules,
        },
      ];
      // The real path (when the document has one) lets the rules read the project's package.json for
      // library versions whose defaults changed (`@koa/cors` < 5); config matching keeps `input.<ext>`.
      const physical = /^(?:\/|[A-Za-z]:[\\/])/.test(request.fileName) ? { physicalFilename: request.fileName } : {};
      // What the editor shows besides this file decides where a finding of two files is placed.
      if (request.shown && real) setRunScope({ paths: [real, ...request.shown], globs: false });
      try {
        return this.linter.verify(request.text, config, { filename: `input.${ext}`, ...physical });
      } finally {
        if (request.shown && real) setRunScope(undefined);
      }
    };
    let messages = run(dialect.commonjs ? 'commonjs' : 'module');
    // Scripts that are not valid modules (`with`, legacy octals, top-level `return` in CJS) parse as
    // CommonJS; `.js` files are read with JSX first, then without (`a < b > c`).
    if (!dialect.typescript && messages.some((m) => m.fatal)) {
      const retries: ['module' | 'commonjs', boolean][] = dialect.commonjs
        ? [['commonjs', false]]
        : [
            ['commonjs', dialect.jsx],
            ['module', false],
            ['commonjs', false],
          ];
      for (const [sourceType, jsx] of retries) {
        if (jsx === dialect.jsx && sourceType === (dialect.commonjs ? 'commonjs' : 'module')) continue;
        const retry = run(sourceType, jsx);
        if (!retry.some((m) => m.fatal)) {
          messages = retry;
          break;
        }
      }
    }
    const fatal = messages.find((m) => m.fatal);
    this.last = {
      text: request.text,
      fileName: request.fileName,
      sourceCode: fatal ? null : this.linter.getSourceCode(),
      fatal: !!fatal,
    };
    const model = fatal ? undefined : plugin.fileModelOf(this.linter.getSourceCode().ast as never);
    const dependencies = model?.modules ? [...model.modules.depthOf.keys()].filter((p) => p !== real) : [];
    const related = new Map(this.captured.map((c) => [c.key, c.related]));
    this.captured = [];
    const findings: Finding[] = [];
    const upgrades = model ? upgradeHints(model.policies) : [];
    for (const m of messages) {
      if (m.fatal || !m.ruleId?.startsWith(RULE_PREFIX)) continue;
      const upgrade = upgrades.find((u) => m.line >= u.from && m.line <= u.to)?.hint;
      findings.push({
        ...(upgrade ? { upgrade } : {}),
        ruleId: m.ruleId,
        ...(m.messageId ? { messageId: m.messageId } : {}),
        message: m.message,
        severity: m.severity === 1 ? 1 : 2,
        line: m.line,
        column: m.column,
        endLine: m.endLine ?? m.line,
        endColumn: m.endColumn ?? m.column + 1,
        suggestions: (m.suggestions ?? []).map((s) => ({ desc: s.desc, fix: editOf(s.fix) })),
        ...(m.fix ? { fix: editOf(m.fix) } : {}),
        related: (related.get(keyOf(m.ruleId, m.line, m.column - 1, m.messageId)) ?? []).map((r) => ({
          line: r.loc.start.line,
          column: r.loc.start.column + 1,
          endLine: r.loc.end.line,
          endColumn: r.loc.end.column + 1,
          message: r.message,
          ...(r.file ? { file: r.file } : {}),
        })),
      });
    }
    // Only when asked: wording every policy costs a few percent of a lint, which typing should not pay.
    const policies =
      request.withPolicies && !fatal && !this.options.floor ? this.policiesOf(request.fileName, request.root) : [];
    const parserName = parser ? 'typescript' : 'espree';
    const cold = !this.warmed.has(parserName);
    this.warmed.add(parserName);
    return {
      findings,
      ...(policies.length > 0 ? { policies } : {}),
      ...(fatal ? { parseError: { message: fatal.message, line: fatal.line, column: fatal.column } } : {}),
      parser: parserName,
      durationMs: performance.now() - started,
      ...(dependencies.length > 0 ? { dependencies } : {}),
      ...(cold ? { cold } : {}),
    };
  }

  /** The hover at a character offset, from the model of the file's last lint (linting again if needed). */
  hover(
    request: Pick<LintRequest, 'fileName' | 'languageId' | 'text' | 'settings'> & { offset: number },
  ): HoverAnswer | undefined {
    if (this.last?.text !== request.text || this.last.fileName !== request.fileName) this.lint(request);
    let sourceCode = this.last?.sourceCode;
    if (!sourceCode) return undefined;
    let model = plugin.fileModelOf(sourceCode.ast as never);
    if (!model && !this.options.floor) {
      // Every rule is off in the user's settings: build the model with the recommended preset.
      this.lint({ ...request, settings: { preset: 'recommended', rules: {}, trustedOrigins: [] } });
      sourceCode = this.last?.sourceCode;
      if (!sourceCode) return undefined;
      model = plugin.fileModelOf(sourceCode.ast as never);
    }
    return hoverAt(sourceCode as never, model, request.offset);
  }

  /** A document's CORS policies for the map, from the model of its last lint (linting again if needed). */
  policies(request: Pick<LintRequest, 'fileName' | 'languageId' | 'text' | 'settings' | 'root'>): PolicyEntry[] {
    if (this.last?.text !== request.text || this.last.fileName !== request.fileName) this.lint(request);
    return this.last?.fatal ? [] : this.policiesOf(request.fileName, request.root);
  }

  /** The CORS map entries of the last lint (with each policy's hover), from the model the rules read. */
  private policiesOf(fileName: string, root: string | undefined): PolicyEntry[] {
    const sourceCode = this.last?.sourceCode;
    const model = sourceCode ? plugin.fileModelOf(sourceCode.ast as never) : undefined;
    if (!model || model.error) return [];
    const out: PolicyEntry[] = [];
    for (const { policy, entry } of mappedPoliciesOf(model, fileName)) {
      const hover = safely(() => policyMarkdown(explainPolicy(policy, model.trustedOrigins)));
      if (hover !== undefined) out.push({ ...withPackage(entry, fileName, root), hover });
    }
    return out;
  }

  /** The preset's rules with the user's overrides (a level given by the user keeps the preset's options). */
  rulesOf(settings: LintSettings): Linter.RulesRecord {
    const preset = plugin.configs[settings.preset].rules as Record<string, Linter.RuleEntry>;
    const entries = new Map<string, Linter.RuleEntry>(Object.entries(preset));
    for (const [name, level] of Object.entries(settings.rules)) {
      const id = name.startsWith(RULE_PREFIX) ? name : `${RULE_PREFIX}${name}`;
      if (!(id.slice(RULE_PREFIX.length) in plugin.rules)) continue;
      const given = entries.get(id);
      entries.set(id, Array.isArray(given) ? [level, ...given.slice(1)] : level);
    }
    const out: Linter.RulesRecord = {};
    for (const [id, entry] of entries) {
      const level = Array.isArray(entry) ? entry[0] : entry;
      if (level === 'off' || level === 0) continue;
      out[id] = entry;
    }
    return out;
  }

  private typescriptParser(): Parser {
    return (this.tsParser ??= this.options.loadTypeScriptParser());
  }

  /** Wraps a rule so that the related locations it attaches to reports are kept for the result. */
  private capturing(ruleId: string, rule: RuleModule): RuleModule {
    return {
      ...rule,
      create: (context: unknown) => {
        const ctx = context as { report(d: unknown): void };
        const proxy = Object.create(ctx as object, {
          report: {
            value: (descriptor: Record<PropertyKey, unknown>) => {
              const related = descriptor[RELATED] as readonly RelatedLocation[] | undefined;
              if (related) {
                const start = startOf(descriptor);
                if (start) {
                  this.captured.push({
                    key: keyOf(ruleId, start.line, start.column, descriptor['messageId'] as string | undefined),
                    related,
                  });
                }
              }
              ctx.report(descriptor);
            },
          },
        }) as unknown;
        return rule.create(proxy);
      },
    };
  }
}

type Pos = { line: number; column: number };

function startOf(d: Record<PropertyKey, unknown>): Pos | undefined {
  const loc = d['loc'] as { start?: Pos } | Pos | undefined;
  if (loc && 'start' in loc && loc.start) return loc.start;
  if (loc && 'line' in loc) return loc;
  return (d['node'] as { loc?: { start: Pos } } | undefined)?.loc?.start;
}

/** ESLint positions: 1-based line, 0-based column. */
function keyOf(ruleId: string, line: number, column: number, messageId: string | undefined): string {
  return `${ruleId}|${line}|${column}|${messageId ?? ''}`;
}

function editOf(fix: { range: [number, number]; text: string }): OffsetEdit {
  return { range: [fix.range[0], fix.range[1]], text: fix.text };
}

/**
 * Findings whose fix is a version (a release of the library the framework table says behaves worse): the
 * lines of the policy's call, and where package.json declares the dependency.
 */
function upgradeHints(
  policies: readonly import('../../../eslint-plugin/src/analysis').Policy[],
): { from: number; to: number; hint: UpgradeHint }[] {
  const out: { from: number; to: number; hint: UpgradeHint }[] = [];
  for (const policy of policies) {
    const release = releaseOfPolicy(policy);
    if (!release?.manifest || !release.row.fixedIn) continue;
    const at = dependencyPosition(release.manifest, release.package);
    if (!at) continue;
    const loc = (policy.call ?? policy.node).loc;
    out.push({
      from: loc.start.line,
      to: loc.end.line,
      hint: { package: release.package, manifest: release.manifest, ...at, fixedIn: release.row.fixedIn },
    });
  }
  return out;
}

/** The 1-based position of `"<name>":` in a package.json (a regular file under the config cap), if found. */
function dependencyPosition(manifest: string, name: string): { line: number; column: number } | undefined {
  try {
    const text = readText(manifest, { maxBytes: READ_LIMITS.configBytes });
    if (text === undefined) return undefined;
    const index = text.search(new RegExp(`"${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"\\s*:`));
    if (index < 0) return undefined;
    const before = text.slice(0, index).split('\n');
    return { line: before.length, column: before.at(-1)!.length + 1 };
  } catch {
    return undefined;
  }
}
