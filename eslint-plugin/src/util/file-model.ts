/**
 * One AST pass per file, shared by every CORS Guard rule: each rule registers the same cheap listeners,
 * which record candidate nodes once per file; the first rule to reach `Program:exit` builds the file
 * model and every rule reads it from the cache.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { analyzeFile, canonicalHeaderName, SHAPE_METHODS, type FileModel } from '../analysis';
import { corsGuardSettings } from './settings';
import { packageVersionNear } from './package-versions';

interface Collector {
  readonly headerNames: TSESTree.Node[];
  readonly shapeCalls: TSESTree.CallExpression[];
  readonly varyCalls: TSESTree.CallExpression[];
  /** Whether a rule already registered the collecting listeners for this file. */
  owned: boolean;
  model?: FileModel;
}

const collectors = new WeakMap<TSESTree.Program, Collector>();

function collectorOf(program: TSESTree.Program): Collector {
  let c = collectors.get(program);
  if (!c) {
    c = { headerNames: [], shapeCalls: [], varyCalls: [], owned: false };
    collectors.set(program, c);
  }
  return c;
}

/** Returns listeners that feed the shared collector and hand the file model to `onModel`. */
export function withFileModel<MessageIds extends string, Options extends readonly unknown[]>(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  onModel: (model: FileModel) => void,
): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  const collector = collectorOf(sourceCode.ast);
  const exit: TSESLint.RuleListener = {
    'Program:exit'(program) {
      collector.model ??= analyzeFile({
        program,
        globalScope: sourceCode.scopeManager?.globalScope ?? null,
        headerNames: collector.headerNames,
        shapeCalls: collector.shapeCalls,
        varyCalls: collector.varyCalls,
        trustedOrigins: corsGuardSettings(context).trustedOrigins,
        getScope: (node) => sourceCode.getScope(node),
        text: (node) => sourceCode.getText(node),
        project: { packageVersion: (name) => packageVersionNear(context.physicalFilename, name) },
      });
      onModel(collector.model);
    },
  };
  // ESLint creates every rule for a file before traversing it: the first one collects for all.
  if (collector.owned) return exit;
  collector.owned = true;
  return {
    Literal(node) {
      if (typeof node.value === 'string' && canonicalHeaderName(node.value)) collector.headerNames.push(node);
    },
    TemplateLiteral(node) {
      if (node.expressions.length === 0 && canonicalHeaderName(node.quasis[0]?.value.cooked ?? '')) {
        collector.headerNames.push(node);
      }
    },
    CallExpression(node) {
      const callee = node.callee;
      const name =
        callee.type === 'Identifier'
          ? callee.name
          : callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier'
            ? callee.property.name
            : undefined;
      if (name === undefined) return;
      if (callee.type === 'MemberExpression' && SHAPE_METHODS.has(name)) collector.shapeCalls.push(node);
      // res.vary('Origin'), ctx.vary('Origin'), vary(res, 'Origin'), addOriginToVaryHeader(reply)
      else if (name.length >= 4 && name.toLowerCase().includes('vary')) collector.varyCalls.push(node);
    },
    ...exit,
  };
}

/** The model of a file already linted (for consumers such as the editor extension). */
export function fileModelOf(program: TSESTree.Program): FileModel | undefined {
  return collectors.get(program)?.model;
}
