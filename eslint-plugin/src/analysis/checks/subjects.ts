/**
 * What an origin check looks at: the request's origin itself, or its parsed host (`new URL(origin).hostname`,
 * `const { hostname } = new URL(origin)`, `url.parse(origin).host`, `hostOf(origin)` of a helper), possibly
 * after a prefix (`'.' + hostname`). The guard analysis (guards.ts) asks it of each side of a comparison
 * and of each receiver and argument of a string or RegExp call.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { calleeMethodName, memberName, unwrap, type FunctionNode, type Node } from '../ast';
import { isRequestControlled, type Bindings, type Value, type ValueResolver } from '../values/values';

/** What a check is applied to: the origin, or its parsed host, after an optional prefix. */
export interface Subject {
  readonly part: 'origin' | 'hostname' | 'host';
  readonly prefix: string;
}

export class CheckSubjects {
  /** Bound values that stand for the origin's parsed host (see `bind`). */
  private readonly subjectTags = new WeakMap<Value, Subject>();
  private readonly originMemo = new Map<Node, boolean>();

  constructor(private readonly resolver: ValueResolver) {}

  /** Whether a node evaluates to request-controlled data (the origin or other request data). */
  isOrigin(node: Node, b?: Bindings): boolean {
    const n = unwrap(node);
    const canMemo = !b || b.size === 0;
    if (canMemo) {
      const hit = this.originMemo.get(n);
      if (hit !== undefined) return hit;
    }
    const result = this.resolver.resolve(n, b).some(isRequestControlled);
    if (canMemo) this.originMemo.set(n, result);
    return result;
  }

  /**
   * A helper's parameters bound to a call's arguments; an argument that is the origin's parsed host
   * (`isTrustedHost(new URL(origin).hostname)`, `isTrustedHost(hostOf(origin))`) is bound to a value tagged
   * with that subject, so checks inside the helper are judged on the host.
   */
  bind(fn: FunctionNode, args: readonly TSESTree.Expression[], b?: Bindings): Bindings {
    return this.resolver.bind(
      fn,
      args.map((a) => {
        if (this.isOrigin(a, b)) return this.resolver.resolve(a, b);
        const subject = this.subjectOf(a, b);
        if (!subject || subject.part === 'origin') return this.resolver.resolve(a, b);
        const tagged: Value = { kind: 'unknown', node: a, sites: [a] };
        this.subjectTags.set(tagged, subject);
        return [tagged];
      }),
      b,
    );
  }

  /**
   * What a check looks at: the origin itself, or its parsed host (`new URL(origin).hostname`,
   * `const { hostname } = new URL(origin)`, `url.parse(origin).host`), possibly after a prefix
   * (`'.' + hostname`); undefined when it is not derived from the origin.
   */
  subjectOf(node: Node, b?: Bindings, depth = 0): Subject | undefined {
    const n = unwrap(node);
    if (this.isOrigin(n, b)) return { part: 'origin', prefix: '' };
    if (depth > 4) return undefined;
    const part = this.parsedHostPart(n, b, depth);
    if (part) return { part, prefix: '' };
    if (n.type === T.BinaryExpression && n.operator === '+') {
      const head = this.resolver.singleString(n.left as Node, b);
      const inner = head === undefined ? undefined : this.subjectOf(n.right, b, depth + 1);
      return inner && head !== undefined ? { part: inner.part, prefix: head + inner.prefix } : undefined;
    }
    if (n.type === T.TemplateLiteral && n.expressions.length === 1 && n.quasis[1]?.value.cooked === '') {
      const inner = this.subjectOf(n.expressions[0]!, b, depth + 1);
      const head = n.quasis[0]?.value.cooked ?? '';
      return inner ? { part: inner.part, prefix: head + inner.prefix } : undefined;
    }
    if (n.type === T.CallExpression && n.callee.type === T.MemberExpression) {
      const m = memberName(n.callee);
      if (m === 'toLowerCase' || m === 'trim' || m === 'toString') return this.subjectOf(n.callee.object, b, depth + 1);
    }
    if (n.type === T.CallExpression && n.callee.type === T.Identifier && depth < 4) {
      // hostOf(origin), where function hostOf(u) { return new URL(u).hostname; }
      const fns = this.resolver.resolve(n.callee, b);
      const fn =
        fns.length === 1 && fns[0]!.kind === 'function' ? (fns[0] as Value & { kind: 'function' }).fn : undefined;
      const args = n.arguments.filter((a): a is TSESTree.Expression => a.type !== T.SpreadElement);
      if (fn && !fn.async && args.some((a) => this.isOrigin(a, b) || this.subjectOf(a, b, depth + 1))) {
        const inner = this.bind(fn, args, b);
        let found: Subject | undefined;
        for (const r of this.resolver.returnsOf(fn)) {
          const s = this.subjectOf(r, inner, depth + 1);
          if (!s || s.part === 'origin' || (found && (found.part !== s.part || found.prefix !== s.prefix)))
            return undefined;
          found = s;
        }
        return found;
      }
    }
    if (n.type === T.Identifier) {
      const v = this.resolver.variableOf(n);
      const bound = v ? b?.get(v) : undefined;
      if (bound && bound.length > 0) {
        const tags = bound.map((x) => this.subjectTags.get(x));
        const first = tags[0];
        if (first && tags.every((t) => t && t.part === first.part && t.prefix === first.prefix)) return first;
      }
    }
    if (n.type === T.Identifier) {
      // const host = new URL(origin).hostname; let host = ''; try { host = new URL(origin).hostname } catch {}
      const v = this.resolver.variableOf(n);
      const def = v?.defs[0];
      if (def?.type !== 'Variable' || (def.node as TSESTree.VariableDeclarator).id !== def.name) return undefined;
      let found: Subject | undefined;
      for (const ref of v!.references) {
        if (!ref.isWrite()) continue;
        const written = ref.writeExpr as Node | null;
        const parent = ref.identifier.parent;
        if (!written || (parent?.type === T.AssignmentExpression && parent.operator !== '=')) return undefined;
        if (unwrap(written).type === T.Literal) continue; // a placeholder ('' or null) no check passes
        const s = this.subjectOf(written, b, depth + 1);
        if (!s || (found && (found.part !== s.part || found.prefix !== s.prefix))) return undefined;
        found = s;
      }
      return found;
    }
    return undefined;
  }

  /** `hostname` / `host` when `node` is that part of the parsed origin. */
  private parsedHostPart(n: Node, b: Bindings | undefined, depth: number): 'hostname' | 'host' | undefined {
    if (n.type === T.MemberExpression) {
      const name = memberName(n);
      if (name !== 'hostname' && name !== 'host') return undefined;
      return this.isParsedOrigin(n.object, b, depth) ? name : undefined;
    }
    if (n.type === T.Identifier) {
      // const { hostname } = new URL(origin);
      const v = this.resolver.variableOf(n);
      const def = v?.defs[0];
      if (def?.type !== 'Variable') return undefined;
      const declarator = def.node as TSESTree.VariableDeclarator;
      if (declarator.id.type !== T.ObjectPattern || !declarator.init) return undefined;
      const prop = declarator.id.properties.find(
        (p): p is TSESTree.Property =>
          p.type === T.Property &&
          (p.value === def.name || (p.value.type === T.AssignmentPattern && p.value.left === def.name)),
      );
      const key = prop && !prop.computed && prop.key.type === T.Identifier ? prop.key.name : undefined;
      if (key !== 'hostname' && key !== 'host') return undefined;
      return this.isParsedOrigin(declarator.init, b, depth) ? key : undefined;
    }
    return undefined;
  }

  /** `new URL(origin)`, `url.parse(origin)`, or a constant holding one. */
  private isParsedOrigin(node: Node, b: Bindings | undefined, depth: number): boolean {
    const n = unwrap(node);
    if (n.type === T.NewExpression) {
      const ctor = unwrap(n.callee);
      const name =
        ctor.type === T.Identifier ? ctor.name : ctor.type === T.MemberExpression ? memberName(ctor) : undefined;
      return name === 'URL' && !!n.arguments[0] && this.isOrigin(n.arguments[0], b);
    }
    if (n.type === T.CallExpression) {
      return (
        (calleeMethodName(n) === 'parse' && !!n.arguments[0] && this.isOrigin(n.arguments[0], b)) ||
        (n.callee.type === T.Identifier &&
          n.callee.name === 'parse' &&
          !!n.arguments[0] &&
          this.isOrigin(n.arguments[0], b))
      );
    }
    if (n.type === T.Identifier && depth < 4) {
      // const u = new URL(origin); let u; try { u = new URL(origin) } catch { return ... }: every write a parsed
      // origin (a literal placeholder such as `null` is one no host check passes).
      const v = this.resolver.variableOf(n);
      const def = v?.defs[0];
      if (def?.type !== 'Variable' || (def.node as TSESTree.VariableDeclarator).id !== def.name) return false;
      let parsed = false;
      for (const ref of v!.references) {
        if (!ref.isWrite()) continue;
        const written = ref.writeExpr as Node | null;
        const parent = ref.identifier.parent;
        if (!written || (parent?.type === T.AssignmentExpression && parent.operator !== '=')) return false;
        if (unwrap(written).type === T.Literal) continue;
        if (!this.isParsedOrigin(written, b, depth + 1)) return false;
        parsed = true;
      }
      return parsed;
    }
    return false;
  }
}
