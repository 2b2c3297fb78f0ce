/**
 * Dominating tests: the conditions that must hold for a node to run, up to its enclosing function: the
 * branches of `if`, `?:`, `&&`/`||` and `switch` around it, and the early exits (`if (!ok) return;`) before it.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { isFunction, type Node } from '../ast';
import { MAX_EXITS_PER_SITE } from '../budgets';

export interface GuardTest {
  readonly test: Node;
  readonly positive: boolean;
  /** For `switch (x) { case y: }`: the discriminant compared with `test`. */
  readonly discriminant?: Node;
  /** Stands for early exits beyond the per-site budget: an opaque check (trusted, nothing claimed). */
  readonly opaque?: true;
}

/** The early exits of one statement list, found once: each with its statement's index. */
interface ExitIndex {
  readonly indexOf: ReadonlyMap<Node, number>;
  readonly exits: readonly { readonly index: number; readonly test: GuardTest }[];
}
const exitIndexes = new WeakMap<readonly Node[], ExitIndex>();

/** Conditions that must hold for `site` to execute, up to its enclosing function (the analyzer memoizes it). */
export function dominatingTests(site: Node): GuardTest[] {
  const tests: GuardTest[] = [];
  let node: Node = site;
  for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
    if (isFunction(parent) || parent.type === T.Program) {
      if (parent.type === T.Program) precedingExits(parent.body, node, tests);
      break;
    }
    switch (parent.type) {
      case T.IfStatement:
      case T.ConditionalExpression:
        if (node === parent.consequent) tests.push({ test: parent.test, positive: true });
        else if (node === parent.alternate) tests.push({ test: parent.test, positive: false });
        break;
      case T.LogicalExpression:
        if (node === parent.right) tests.push({ test: parent.left, positive: parent.operator === '&&' });
        break;
      case T.SwitchCase: {
        const sw = parent.parent;
        if (sw?.type === T.SwitchStatement && parent.consequent.includes(node as TSESTree.Statement)) {
          for (const c of caseLabelsReaching(sw, parent)) {
            tests.push({ test: c ?? sw.discriminant, positive: c !== null, discriminant: sw.discriminant });
          }
          precedingExits(parent.consequent, node, tests);
        }
        break;
      }
      case T.BlockStatement:
      case T.StaticBlock:
        precedingExits(parent.body, node, tests);
        break;
      default:
        break;
    }
  }
  return tests;
}

/**
 * `if (test) return;` before `node` in the same statement list guards it with `!test`. The list is indexed
 * once, so a handler of 50,000 statements is not re-read for each of its sites; past the per-site budget
 * the nearest exits count and the rest stand as one opaque check.
 */
function precedingExits(body: readonly Node[], node: Node, out: GuardTest[]): void {
  let index = exitIndexes.get(body);
  if (!index) {
    const indexOf = new Map<Node, number>();
    const found: { index: number; test: GuardTest }[] = [];
    body.forEach((stmt, i) => {
      indexOf.set(stmt, i);
      if (stmt.type !== T.IfStatement) return;
      const c = exits(stmt.consequent);
      const a = stmt.alternate ? exits(stmt.alternate) : false;
      if (c && !a) found.push({ index: i, test: { test: stmt.test, positive: false } });
      else if (!c && a) found.push({ index: i, test: { test: stmt.test, positive: true } });
    });
    exitIndexes.set(body, (index = { indexOf, exits: found }));
  }
  const at = index.indexOf.get(node) ?? body.length;
  // Exits before `node`: those with a smaller index (binary search, the list is in order).
  let lo = 0;
  let hi = index.exits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.exits[mid]!.index < at) lo = mid + 1;
    else hi = mid;
  }
  const from = Math.max(0, lo - MAX_EXITS_PER_SITE);
  if (from > 0) out.push({ ...index.exits[from - 1]!.test, opaque: true });
  for (let k = from; k < lo; k++) out.push(index.exits[k]!.test);
}

function exits(stmt: Node): boolean {
  switch (stmt.type) {
    case T.ReturnStatement:
    case T.ThrowStatement:
    case T.ContinueStatement:
    case T.BreakStatement:
      return true;
    case T.BlockStatement: {
      const last = stmt.body[stmt.body.length - 1];
      return !!last && exits(last);
    }
    case T.IfStatement:
      return !!stmt.alternate && exits(stmt.consequent) && exits(stmt.alternate);
    default:
      return false;
  }
}

/** The case labels whose match leads into `target` (fall-through included); null = default. */
function caseLabelsReaching(sw: TSESTree.SwitchStatement, target: TSESTree.SwitchCase): (Node | null)[] {
  const labels: (Node | null)[] = [];
  for (const c of sw.cases) {
    labels.push(c.test);
    if (c === target) break;
    const last = c.consequent[c.consequent.length - 1];
    if (last && exits(last)) labels.length = 0;
  }
  // A default among them means any value reaches here.
  return labels.includes(null) ? [null] : labels;
}
