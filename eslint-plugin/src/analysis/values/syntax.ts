/** Syntax the value resolver reads: destructuring paths, return statements, exports, escaping calls. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { memberName, staticKeyName, unwrap, type Node } from '../ast';

export interface PathStep {
  readonly key: string | number;
  readonly defaultValue?: Node;
}

/**
 * The property path from a destructuring pattern's root to `id` (`const { a: { b } } = x` -> a, b);
 * `[]` for a plain identifier; undefined for shapes we do not follow (rest elements, computed keys).
 */
export function patternPath(id: Node): PathStep[] | undefined {
  const steps: PathStep[] = [];
  let node: Node = id;
  let pendingDefault: Node | undefined;
  for (;;) {
    const parent = node.parent;
    if (!parent) return undefined;
    if (parent.type === T.AssignmentPattern && parent.left === node) {
      pendingDefault = parent.right;
      node = parent;
      continue;
    }
    if (parent.type === T.Property && parent.value === node && parent.parent?.type === T.ObjectPattern) {
      const key = staticKeyName(parent.key, parent.computed);
      if (key === undefined) return undefined;
      steps.unshift({ key, defaultValue: pendingDefault });
      pendingDefault = undefined;
      node = parent.parent;
      continue;
    }
    if (parent.type === T.ArrayPattern) {
      const index = parent.elements.indexOf(node as TSESTree.DestructuringPattern);
      if (index < 0) return undefined;
      steps.unshift({ key: index, defaultValue: pendingDefault });
      pendingDefault = undefined;
      node = parent;
      continue;
    }
    if (parent.type === T.VariableDeclarator && parent.id === node) return steps;
    if (parent.type === T.AssignmentExpression && parent.left === node) return steps;
    if (parent.type === T.RestElement) return undefined;
    return steps.length === 0 && node === id ? [] : undefined;
  }
}

/** Return expressions under `node`, not descending into nested functions or classes. */
export function collectReturns(node: Node, out: Node[]): void {
  switch (node.type) {
    case T.ReturnStatement:
      if (node.argument) out.push(node.argument);
      return;
    case T.FunctionDeclaration:
    case T.FunctionExpression:
    case T.ArrowFunctionExpression:
    case T.ClassDeclaration:
    case T.ClassExpression:
      return;
    default:
      break;
  }
  for (const key of STATEMENT_CHILD_KEYS) {
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (const c of child) if (c && typeof c === 'object' && 'type' in c) collectReturns(c as Node, out);
    } else if (child && typeof child === 'object' && 'type' in child) {
      collectReturns(child as Node, out);
    }
  }
}

/** Keys under which statements nest; returns live only in statements. */
const STATEMENT_CHILD_KEYS = ['body', 'consequent', 'alternate', 'block', 'handler', 'finalizer', 'cases'] as const;

/**
 * The child keys the instance-member search walks: statements and the expressions an assignment can sit
 * in (not nested functions or classes, whose `this` is another).
 */
export const CHILD_KEYS: Partial<Record<string, readonly string[]>> = {
  BlockStatement: ['body'],
  ExpressionStatement: ['expression'],
  IfStatement: ['consequent', 'alternate'],
  TryStatement: ['block', 'handler', 'finalizer'],
  CatchClause: ['body'],
  SwitchStatement: ['cases'],
  SwitchCase: ['consequent'],
  ForStatement: ['body'],
  ForOfStatement: ['body'],
  ForInStatement: ['body'],
  WhileStatement: ['body'],
  AssignmentExpression: ['right'],
  SequenceExpression: ['expressions'],
  AwaitExpression: ['argument'],
  LogicalExpression: ['left', 'right'],
  ArrowFunctionExpression: ['body'],
};

/** A specifier that names an installed package (not a path, a `#import` or a Node built-in). */
export function isBarePackage(spec: string): boolean {
  return !/^(?:\.|\/|#|node:|[a-zA-Z]:[\\/])/.test(spec);
}

export function isEscapingCall(n: TSESTree.CallExpression): boolean {
  const callee = unwrap(n.callee);
  const name =
    callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? memberName(callee) : undefined;
  if (!name) return false;
  if (/escape/i.test(name)) return true;
  if (name !== 'replace' && name !== 'replaceAll') return false;
  const [pattern, replacement] = n.arguments;
  const p = pattern && pattern.type === T.Literal && 'regex' in pattern ? pattern.regex?.pattern : undefined;
  const r = replacement && replacement.type === T.Literal ? replacement.value : undefined;
  return typeof p === 'string' && p.includes('\\.') && typeof r === 'string' && r.includes('\\');
}

export function exportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === T.Identifier ? node.name : node.value;
}

/** `module.exports` or `exports`. */
export function isExportsObject(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === T.Identifier) return n.name === 'exports';
  return (
    n.type === T.MemberExpression &&
    memberName(n) === 'exports' &&
    n.object.type === T.Identifier &&
    n.object.name === 'module'
  );
}

const cjsExportsMemo = new WeakMap<TSESTree.Program, Node | null>();

/** The value of the last top-level `module.exports = X` (or TypeScript's `export = X`), if any. */
export function cjsExportsOf(program: TSESTree.Program): Node | undefined {
  const hit = cjsExportsMemo.get(program);
  if (hit !== undefined) return hit ?? undefined;
  let found: Node | null = null;
  for (const stmt of program.body) {
    if (stmt.type === T.TSExportAssignment) found = stmt.expression;
    if (stmt.type !== T.ExpressionStatement) continue;
    const e = stmt.expression;
    if (e.type !== T.AssignmentExpression || e.operator !== '=') continue;
    const left = e.left;
    if (
      left.type === T.MemberExpression &&
      memberName(left) === 'exports' &&
      left.object.type === T.Identifier &&
      left.object.name === 'module'
    ) {
      found = e.right;
    }
  }
  cjsExportsMemo.set(program, found);
  return found ?? undefined;
}
