/**
 * The candidate nodes a file model is built from (model.ts `AnalysisInput`), recognised one node at a
 * time: ESLint's traversal feeds them for the linted file (util/file-model.ts), and `collectCandidates`
 * walks a module parsed on its own (placement.ts asks what that module's own lint would find).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { isVaryKey, type Node } from './ast';
import { headerNameOf } from './headers/header-names';
import { HELPER_CALLEE } from './screen';
import { SHAPE_METHODS } from './sites/option-sites';
import { isServerlessHttpEvent } from './sites/cloud-sites';

export interface Candidates {
  readonly headerNames: TSESTree.Node[];
  readonly shapeCalls: TSESTree.CallExpression[];
  readonly varyCalls: TSESTree.CallExpression[];
  readonly helperCalls: TSESTree.CallExpression[];
  readonly originObjects: TSESTree.ObjectExpression[];
  readonly dynamicImports: TSESTree.ImportExpression[];
}

export function emptyCandidates(): Candidates {
  return { headerNames: [], shapeCalls: [], varyCalls: [], helperCalls: [], originObjects: [], dynamicImports: [] };
}

/** `app.use(factory(options))`: a factory that returns the middleware (it may set the headers). */
function isMiddlewareArgument(node: TSESTree.CallExpression): boolean {
  const parent = node.parent;
  return (
    parent?.type === 'CallExpression' &&
    parent.arguments.includes(node) &&
    parent.callee.type === 'MemberExpression' &&
    !parent.callee.computed &&
    parent.callee.property.type === 'Identifier' &&
    parent.callee.property.name === 'use'
  );
}

function mentionsOrigin(node: TSESTree.Node): boolean {
  switch (node.type) {
    case 'Identifier':
      return /origin/i.test(node.name);
    case 'MemberExpression':
      return !node.computed && node.property.type === 'Identifier' && /^origin$/i.test(node.property.name);
    case 'CallExpression': {
      const a = node.arguments[0];
      return a?.type === 'Literal' && typeof a.value === 'string' && a.value.toLowerCase() === 'origin';
    }
    default:
      return false;
  }
}

/** Whether an object literal is annotated: a typed variable, `as`/`satisfies`, a typed function's return. */
function isTyped(node: TSESTree.ObjectExpression): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'TSAsExpression' || parent.type === 'TSSatisfiesExpression') return true;
  if (parent.type === 'VariableDeclarator') return parent.id.type === 'Identifier' && !!parent.id.typeAnnotation;
  if (parent.type === 'ReturnStatement' || parent.type === 'ArrowFunctionExpression') return true;
  return false;
}

/** Records `node` in `c` when it is a candidate (the same test for ESLint's traversal and the walk). */
export function noteCandidate(c: Candidates, node: TSESTree.Node): void {
  switch (node.type) {
    case 'Literal':
      if (typeof node.value === 'string' && headerNameOf(node.value)) c.headerNames.push(node);
      return;
    case 'TemplateLiteral':
      if (node.expressions.length === 0 && headerNameOf(node.quasis[0]?.value.cooked ?? '')) {
        c.headerNames.push(node);
      }
      return;
    case 'ObjectExpression':
      // `{ Vary: 'Origin' }`: the one CORS-relevant header name that can be written as a bare key.
      for (const p of node.properties) if (isVaryKey(p)) c.headerNames.push(p.key);
      for (const p of node.properties) {
        if (p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'origin') {
          c.originObjects.push(node);
          return;
        }
      }
      // An object given a type (`const manifest: Manifest = {...}`, `{...} satisfies CorsOptions`): the
      // analysis reads the type to tell whether it is a library's options.
      if (isTyped(node) || isServerlessHttpEvent(node)) c.originObjects.push(node);
      return;
    case 'ImportExpression':
      c.dynamicImports.push(node);
      return;
    case 'CallExpression': {
      const callee = node.callee;
      const name =
        callee.type === 'Identifier'
          ? callee.name
          : callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier'
            ? callee.property.name
            : undefined;
      if (name === undefined) return;
      if (
        node.arguments.length > 0 &&
        (callee.type === 'Identifier' || (callee.type === 'MemberExpression' && callee.object.type === 'Identifier')) &&
        (HELPER_CALLEE.test(name) ||
          name === 'register' ||
          node.arguments.some(mentionsOrigin) ||
          isMiddlewareArgument(node))
      ) {
        c.helperCalls.push(node);
      }
      if (callee.type === 'MemberExpression' && SHAPE_METHODS.has(name)) c.shapeCalls.push(node);
      // res.vary('Origin'), ctx.vary('Origin'), vary(res, 'Origin'), addOriginToVaryHeader(reply)
      else if (name.length >= 4 && name.toLowerCase().includes('vary')) c.varyCalls.push(node);
      return;
    }
    default:
      return;
  }
}

const SKIP = new Set(['parent', 'loc', 'range', 'tokens', 'comments']);

/**
 * The candidates of a whole program, in ESLint's traversal order (depth first, source order), within
 * `maxNodes` visited nodes.
 */
export function collectCandidates(program: TSESTree.Program, maxNodes = 200_000): Candidates {
  const c = emptyCandidates();
  const stack: Node[] = [program];
  let visited = 0;
  while (stack.length > 0 && visited++ < maxNodes) {
    const node = stack.pop()!;
    noteCandidate(c, node as TSESTree.Node);
    const children: Node[] = [];
    for (const key in node) {
      if (SKIP.has(key)) continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const x of child) if (x && typeof x === 'object' && typeof (x as Node).type === 'string') children.push(x);
      } else if (child && typeof child === 'object' && typeof (child as Node).type === 'string') {
        children.push(child as Node);
      }
    }
    children.sort((a, b) => b.range[0] - a.range[0]);
    stack.push(...children);
  }
  return c;
}
