/**
 * Small AST helpers shared by the analysis. They depend only on the ESTree shapes
 * (typescript-estree's types, which are a superset of espree's), not on ESLint's API.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';

export type Node = TSESTree.Node;
export type Expression = TSESTree.Expression;
/** ESLint's scope types, which the analysis only reads (the module graph needs them without the value resolver). */
export type Scope = TSESLint.Scope.Scope;
export type Variable = TSESLint.Scope.Variable;
export type FunctionNode =
  TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** Strips wrappers that do not change a value: TS assertions, `!`, `await`, optional chains. */
export function unwrap(node: Node): Node {
  let n = node;
  for (;;) {
    if (
      n.type === T.TSAsExpression ||
      n.type === T.TSNonNullExpression ||
      n.type === T.TSSatisfiesExpression ||
      n.type === T.TSTypeAssertion ||
      n.type === T.ChainExpression
    ) {
      n = n.expression;
    } else if (n.type === T.AwaitExpression) {
      n = n.argument;
    } else {
      return n;
    }
  }
}

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return (
    !!node &&
    (node.type === T.FunctionDeclaration ||
      node.type === T.FunctionExpression ||
      node.type === T.ArrowFunctionExpression)
  );
}

/** The nearest enclosing function of a node, or the Program. */
export function enclosingFunction(node: Node): FunctionNode | TSESTree.Program {
  let n: Node | undefined = node.parent;
  while (n) {
    if (isFunction(n) || n.type === T.Program) return n;
    n = n.parent;
  }
  throw new Error('node is not attached to a Program');
}

/** Static name of a property key or member property: `a.b`, `a['b']`, `{ b: 1 }`, `{ 'b': 1 }`. */
export function staticKeyName(key: Node, computed: boolean): string | undefined {
  if (!computed && key.type === T.Identifier) return key.name;
  if (key.type === T.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  if (key.type === T.TemplateLiteral && key.expressions.length === 0) {
    return key.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

export function memberName(node: TSESTree.MemberExpression): string | undefined {
  return staticKeyName(node.property, node.computed);
}

/** `obj.method(...)` -> `method`, if the callee is a plain member access. */
export function calleeMethodName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = unwrap(call.callee);
  return callee.type === T.MemberExpression ? memberName(callee) : undefined;
}

export function calleeObject(call: TSESTree.CallExpression): Node | undefined {
  const callee = unwrap(call.callee);
  return callee.type === T.MemberExpression ? callee.object : undefined;
}

/** The string value of a literal-ish node (string literal or expression-less template). */
export function stringLiteralValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === T.Literal && typeof node.value === 'string') return node.value;
  if (node.type === T.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

export function findProperty(obj: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  let found: TSESTree.Property | undefined;
  for (const p of obj.properties) {
    if (p.type === T.Property && staticKeyName(p.key, p.computed) === name) found = p;
  }
  return found;
}

/** A short, single-line rendering of a node's source for messages. */
export function shortText(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

export function isNullishLiteral(node: Node): boolean {
  return (
    (node.type === T.Literal && node.value === null && !('regex' in node && node.regex)) ||
    (node.type === T.Identifier && node.name === 'undefined') ||
    (node.type === T.UnaryExpression && node.operator === 'void')
  );
}

/** A property keyed by the bare identifier `Vary` (any case), as in `headers: { Vary: 'Origin' }`. */
export function isVaryKey(p: TSESTree.ObjectLiteralElement): p is TSESTree.Property & { key: TSESTree.Identifier } {
  return p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name.toLowerCase() === 'vary';
}
