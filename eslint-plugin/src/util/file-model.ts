/**
 * One AST pass per file, shared by every CORS Guard rule: each rule registers the same cheap listeners,
 * which record candidate nodes once per file; the first rule to reach `Program:exit` builds the file
 * model and every rule reads it from the cache.
 */
import * as nodePath from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  analyzeDeploymentJson,
  analyzeFile,
  emptyModel,
  mayHoldCors,
  type FileModel,
  type JsonNode,
} from '../analysis';
import { emptyCandidates, noteCandidate, type Candidates } from '../analysis/candidates';
import { corsGuardSettings } from './settings';
import { dependenciesAt, packageVersionNear } from './package-versions';
import { DISK, ModuleSession, type ModuleFileSystem } from '../analysis/values/modules';
import { moduleParserFor } from './module-parser';

interface Collector extends Candidates {
  /** Whether a rule already registered the collecting listeners for this file. */
  owned: boolean;
  /** Whether the file's text passed the screen (analysis/screen.ts); decided by the first rule. */
  passesScreen?: boolean;
  model?: FileModel;
}

const collectors = new WeakMap<TSESTree.Program, Collector>();

/** How the editor extension supplies module text (open buffers over the disk, or buffers only). */
let moduleFileSystem: ModuleFileSystem = DISK;
export function setModuleFileSystem(fs: ModuleFileSystem | undefined): void {
  moduleFileSystem = fs ?? DISK;
}

interface CorsGuardSettings {
  /** `false` turns cross-module resolution off. */
  readonly modules?: boolean;
  /** The project root modules must lie in (default: ESLint's cwd). */
  readonly root?: string;
  /** The file's real path when ESLint is given another name (the editor extension). */
  readonly filename?: string;
  /** `false` analyses every file, even one the text screen (analysis/screen.ts) says holds no CORS setting. */
  readonly screen?: boolean;
}

/** The per-lint module session, when the file has a real path to resolve imports from. */
function sessionFor(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): ModuleSession | undefined {
  const settings = (context.settings['cors-guard'] ?? {}) as CorsGuardSettings;
  if (settings.modules === false) return undefined;
  const filename = settings.filename ?? context.filename;
  if (!nodePath.isAbsolute(filename)) return undefined; // <input>, <text>
  const root = settings.root ?? context.cwd;
  const parser = moduleParserFor((context.languageOptions as { parser?: unknown }).parser);
  return new ModuleSession(filename, root, parser, moduleFileSystem);
}

/** The linted file's path on disk (the editor names it in the settings). */
function realFilename(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): string {
  return ((context.settings['cors-guard'] ?? {}) as CorsGuardSettings).filename ?? context.physicalFilename;
}

function collectorOf(program: TSESTree.Program): Collector {
  let c = collectors.get(program);
  if (!c) {
    c = { ...emptyCandidates(), owned: false };
    collectors.set(program, c);
  }
  return c;
}

/**
 * Whether the file fails the text screen (analysis/screen.ts): no word any CORS setting is written with.
 * Such a file gets no listeners and no analysis, and its model is empty. Decided once per file.
 */
export function screenedOut(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  // Every rule asks, one after the other, for the same file: the last answer is kept with its program.
  const program = context.sourceCode.ast;
  if (lastScreened?.program === program) return lastScreened.out;
  const out = screen(context, program);
  lastScreened = { program, out };
  return out;
}

let lastScreened: { readonly program: TSESTree.Program; readonly out: boolean } | undefined;

function screen(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  program: TSESTree.Program,
): boolean {
  const collector = collectorOf(program);
  collector.passesScreen ??=
    ((context.settings['cors-guard'] ?? {}) as CorsGuardSettings).screen === false ||
    mayHoldCors(context.sourceCode.text);
  if (collector.passesScreen) return false;
  collector.model ??= emptyModel(corsGuardSettings(context).trustedOrigins);
  return true;
}

/** Returns listeners that feed the shared collector and hand the file model to `onModel`. */
export function withFileModel<MessageIds extends string, Options extends readonly unknown[]>(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  onModel: (model: FileModel) => void,
): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  const collector = collectorOf(sourceCode.ast);
  if (screenedOut(context)) return {};
  if (isJsonDocument(sourceCode.ast)) {
    // ESLint's JSON language (`vercel.json`, `firebase.json`): the document is the whole input.
    const document = sourceCode.ast;
    return {
      ['Document:exit' as string]() {
        collector.model ??= analyzeDeploymentJson(
          document,
          realFilename(context),
          sourceCode.text,
          corsGuardSettings(context).trustedOrigins,
        ).model;
        onModel(collector.model);
      },
    };
  }
  const exit: TSESLint.RuleListener = {
    'Program:exit'(program) {
      collector.model ??= analyzeFile({
        program,
        globalScope: sourceCode.scopeManager?.globalScope ?? null,
        headerNames: collector.headerNames,
        shapeCalls: collector.shapeCalls,
        varyCalls: collector.varyCalls,
        trustedOrigins: corsGuardSettings(context).trustedOrigins,
        helperCalls: collector.helperCalls,
        originObjects: collector.originObjects,
        dynamicImports: collector.dynamicImports,
        modules: sessionFor(context as never),
        getScope: (node) => sourceCode.getScope(node),
        text: (node) => sourceCode.getText(node),
        project: {
          packageVersion: (name) => packageVersionNear(context.physicalFilename, name),
          ...(nodePath.isAbsolute(realFilename(context)) ? { file: realFilename(context), dependenciesAt } : {}),
        },
      });
      onModel(collector.model);
    },
  };
  // ESLint creates every rule for a file before traversing it: the first one collects for all.
  if (collector.owned) return exit;
  collector.owned = true;
  return {
    Literal: (node) => noteCandidate(collector, node),
    TemplateLiteral: (node) => noteCandidate(collector, node),
    ObjectExpression: (node) => noteCandidate(collector, node),
    ImportExpression: (node) => noteCandidate(collector, node),
    CallExpression: (node) => noteCandidate(collector, node),
    ...exit,
  };
}

/** A JSON document of ESLint's JSON language (@eslint/json), rather than a JavaScript program. */
function isJsonDocument(ast: unknown): ast is JsonNode {
  return (ast as { type?: unknown }).type === 'Document';
}

/** The model of a file already linted (for consumers such as the editor extension). */
export function fileModelOf(program: TSESTree.Program): FileModel | undefined {
  return collectors.get(program)?.model;
}
