/**
 * Permissive defaults: `process.env.CORS_ORIGIN || '*'` and `process.env.X ?? true` allow every origin
 * whenever the variable is unset. Header and options policies both mark their origin settings with it.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { memberName, unwrap, type Node } from './ast';
import type { OriginSpec } from './policy-types';
import type { Value, ValueResolver } from './values/values';

/** Marks `process.env.X || '*'` and `process.env.X ?? true`: every origin whenever X is unset. */
export function withPermissiveDefault(spec: OriginSpec, resolver: ValueResolver): OriginSpec {
  const permissive =
    (spec.type === 'wildcard' && !spec.implicit && !spec.whenOriginAbsent) ||
    (spec.type === 'reflect' && spec.via === 'origin-true');
  const fallback = spec.node.parent;
  if (
    !permissive ||
    fallback?.type !== T.LogicalExpression ||
    fallback.right !== spec.node ||
    fallback.operator === '&&'
  )
    return spec;
  const variable = envVariableOf(fallback.left, resolver.resolve(fallback.left));
  return variable ? { ...spec, permissiveDefault: { expression: fallback, variable } } : spec;
}

/** `process.env.X`, directly or at the base of `process.env.X?.split(',')`. */
function envVariableOf(node: Node, values: readonly Value[]): string | undefined {
  const env = values.find((v) => v.kind === 'env');
  if (env?.kind === 'env') return `process.env.${env.name}`;
  let n: Node = unwrap(node);
  for (let i = 0; i < 8; i++) {
    if (n.type === T.CallExpression) n = unwrap(n.callee);
    else if (n.type === T.MemberExpression) {
      const object = unwrap(n.object);
      if (object.type === T.MemberExpression && memberName(object) === 'env') {
        const root = unwrap(object.object);
        if (root.type === T.Identifier && root.name === 'process') return `process.env.${memberName(n) ?? '…'}`;
      }
      n = object;
    } else return undefined;
  }
  return undefined;
}
