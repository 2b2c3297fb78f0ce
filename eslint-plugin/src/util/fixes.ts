/**
 * Edits shared by the rules' suggestions: an allowlist literal, a module-level `ALLOWED_ORIGINS` Set,
 * wrapping a header statement in an allowlist check, removing an element or property.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { PLACEHOLDER_ORIGIN, type HeaderSite } from '../analysis';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';

export const ALLOWLIST_NAME = 'ALLOWED_ORIGINS';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/**
 * `['https://a.example', 'https://b.example']`, or, with no trusted origins configured, a list holding the
 * placeholder origin the user replaces: never an empty list, which TypeScript types as `never[]` (so
 * `ALLOWED_ORIGINS.has(origin)` fails to compile) and which silently blocks the real front end.
 */
export function allowlistArrayText(origins: readonly string[]): string {
  const list = origins.length > 0 ? origins : [PLACEHOLDER_ORIGIN];
  return `[${list.map((o) => `'${o.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')}]`;
}

/**
 * The most unchanged source one suggestion may span between two of its edits. ESLint hands a suggestion's
 * edits over as one replacement, from the first edit to the last, so a declaration added at the top of a
 * module for an edit far below would carry everything in between, once per site: 1,000 sites in one
 * handler made 43 MB of suggestion text. Past this gap the edit stands alone instead.
 */
export const MAX_SUGGESTION_GAP = 2000;

/**
 * The allowlist an edit at offset `editAt` checks against: `ALLOWED_ORIGINS`, declared after the imports
 * (`const ALLOWED_ORIGINS = new Set([...]);`) unless the module has it; or, when the declaration would sit
 * more than `MAX_SUGGESTION_GAP` characters above the edit, the Set itself in place
 * (`new Set([...]).has(origin)`), so the suggestion's text stays the size of its edit.
 */
export function allowlistSet(
  sourceCode: SourceCode,
  fixer: Fixer,
  program: TSESTree.Program,
  origins: readonly string[],
  editAt: number,
): { readonly fixes: Fix[]; readonly set: string } {
  const declared = { fixes: [], set: ALLOWLIST_NAME };
  const existing = ASTUtils.findVariable(sourceCode.getScope(program), ALLOWLIST_NAME);
  if (existing && existing.defs.length > 0) return declared;
  const moduleScope = sourceCode.scopeManager?.globalScope?.childScopes[0];
  if (moduleScope && ASTUtils.findVariable(moduleScope, ALLOWLIST_NAME)) return declared;
  const list = allowlistArrayText(origins);
  const declaration = `const ${ALLOWLIST_NAME} = new Set(${list});`;
  let anchor: TSESTree.Node | undefined;
  for (const stmt of program.body) {
    if (isImportLike(stmt) || isDirective(stmt)) anchor = stmt;
    else break;
  }
  const at = anchor ? anchor.range[1] : program.range[0];
  if (editAt - at > MAX_SUGGESTION_GAP) return { fixes: [], set: `new Set(${list})` };
  return {
    fixes: [
      anchor
        ? fixer.insertTextAfter(anchor, `\n${declaration}`)
        : fixer.insertTextBeforeRange([program.range[0], program.range[0]], `${declaration}\n`),
    ],
    set: ALLOWLIST_NAME,
  };
}

function isDirective(stmt: TSESTree.ProgramStatement): boolean {
  return stmt.type === T.ExpressionStatement && typeof stmt.directive === 'string';
}

function isImportLike(stmt: TSESTree.ProgramStatement): boolean {
  if (stmt.type === T.ImportDeclaration || stmt.type === T.TSImportEqualsDeclaration) return true;
  if (stmt.type !== T.VariableDeclaration) return false;
  return stmt.declarations.every((d) => {
    let init = d.init;
    while (init && init.type === T.MemberExpression) init = init.object;
    return init?.type === T.CallExpression && init.callee.type === T.Identifier && init.callee.name === 'require';
  });
}

/** The indentation of the line a node starts on. */
export function indentOf(sourceCode: SourceCode, node: TSESTree.Node): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/.exec(line)?.[0] ?? '';
}

/**
 * Wraps `statement` in `if (ALLOWED_ORIGINS.has(<originText>)) { ... }` (or the project's own list, or the
 * Set in place: see `allowlistSet`), after `before` lines (`Vary: Origin`), formatted with the file's
 * indentation.
 */
export function wrapInAllowlistCheck(
  sourceCode: SourceCode,
  fixer: Fixer,
  statement: TSESTree.Statement,
  originText: string,
  before: readonly string[],
  list: ListInScope = { name: ALLOWLIST_NAME, method: 'has' },
): Fix {
  const indent = indentOf(sourceCode, statement);
  const unit = indentUnitOf(sourceCode);
  const body = sourceCode
    .getText(statement)
    .split('\n')
    .map((l, i) => (i === 0 ? `${indent}${unit}${l}` : `${unit}${l}`))
    .join('\n');
  // `Vary: Origin` goes on every response, not only the allowed ones: a cache must not serve the
  // refusal (no header) to an allowed origin either.
  const lines = before.map((e) => `${e}\n${indent}`).join('');
  const text = `${lines}if (${list.name}.${list.method}(${originText})) {\n${body}\n${indent}}`;
  return fixer.replaceText(statement, text);
}

/** The file's indentation unit: a tab, or the smallest run of leading spaces (2 when none is found). */
export function indentUnitOf(sourceCode: SourceCode): string {
  let unit: number | undefined;
  for (const line of sourceCode.lines) {
    const lead = /^( +|\t)\S/.exec(line)?.[1];
    if (lead === '\t') return '\t';
    if (lead && lead.length >= 2 && (unit === undefined || lead.length < unit)) unit = lead.length;
  }
  return ' '.repeat(unit ?? 2);
}

/** Removes a list element or object property together with its separating comma and spacing. */
export function removeListItem(sourceCode: SourceCode, fixer: Fixer, item: TSESTree.Node): Fix {
  const after = sourceCode.getTokenAfter(item);
  if (after && after.value === ',') {
    const next = sourceCode.getTokenAfter(after, { includeComments: true });
    return fixer.removeRange([item.range[0], next ? next.range[0] : after.range[1]]);
  }
  const before = sourceCode.getTokenBefore(item);
  if (before && before.value === ',') return fixer.removeRange([before.range[0], item.range[1]]);
  if (before && after && ['{', '['].includes(before.value) && ['}', ']'].includes(after.value)) {
    return fixer.removeRange([before.range[1], after.range[0]]);
  }
  return fixer.remove(item);
}

/** Removes a statement, and its line when nothing else is on it. */
export function removeStatement(sourceCode: SourceCode, fixer: Fixer, statement: TSESTree.Node): Fix {
  const text = sourceCode.text;
  let start = statement.range[0];
  let end = statement.range[1];
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  const lineStart = start === 0 || text[start - 1] === '\n';
  let e = end;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  const lineEnd = e === text.length || text[e] === '\n' || text[e] === '\r';
  if (lineStart && lineEnd) {
    end = text[e] === '\r' && text[e + 1] === '\n' ? e + 2 : Math.min(e + 1, text.length);
    return fixer.removeRange([start, end]);
  }
  return fixer.remove(statement);
}

/** Whether evaluating `node` twice is harmless (an identifier, a member chain, a getter call on it). */
export function isRepeatable(node: TSESTree.Node): boolean {
  switch (node.type) {
    case T.Identifier:
      return true;
    case T.MemberExpression:
      return isRepeatable(node.object) && (!node.computed || node.property.type === T.Literal);
    case T.CallExpression:
      return (
        node.callee.type === T.MemberExpression &&
        isRepeatable(node.callee.object) &&
        node.arguments.every((a) => a.type === T.Literal)
      );
    case T.ChainExpression:
    case T.TSNonNullExpression:
      return isRepeatable(node.expression);
    default:
      return false;
  }
}

/**
 * `res.setHeader('Vary', 'Origin');` with the receiver and setter of a header site. `set` overwrites in
 * Express and Koa, whose `append` adds; the other setters keep their own method.
 */
export function varyStatement(sourceCode: SourceCode, site: HeaderSite): string | undefined {
  if (!site.receiver || !site.method) return undefined;
  const method = site.method === 'set' ? 'append' : site.method;
  return `${sourceCode.getText(site.receiver)}.${method}('Vary', 'Origin');`;
}

const siteByValue = new WeakMap<readonly HeaderSite[], Map<TSESTree.Node, HeaderSite>>();

/**
 * The header site whose value is `value`, from an index built once per policy (a handler with 50,000
 * setters is not searched once per reflected origin).
 */
export function headerSiteWithValue(headers: readonly HeaderSite[], value: TSESTree.Node): HeaderSite | undefined {
  let index = siteByValue.get(headers);
  if (!index) {
    index = new Map();
    for (const h of headers) if (h.value && !index.has(h.value)) index.set(h.value, h);
    siteByValue.set(headers, index);
  }
  return index.get(value);
}

/** A broken comparison against a list and the comparison as it was meant. */
export interface ListCheckRepair {
  /** The comparison to replace. */
  readonly node: TSESTree.Node;
  readonly text: string;
  /** The list, as written (`allowedOrigins`). */
  readonly list: string;
}

type Fn = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

function isFunction(n: TSESTree.Node): n is Fn {
  return n.type === T.ArrowFunctionExpression || n.type === T.FunctionExpression || n.type === T.FunctionDeclaration;
}

/** A number literal's value (`1`, `-1`), or undefined. */
function numberOf(n: TSESTree.Node): number | undefined {
  if (n.type === T.Literal && typeof n.value === 'number') return n.value;
  if (n.type === T.UnaryExpression && n.operator === '-' && n.argument.type === T.Literal) {
    return typeof n.argument.value === 'number' ? -n.argument.value : undefined;
  }
  return undefined;
}

/** `list.indexOf(x)` on a list in scope (a variable or import, or a property of one). */
function indexOfCall(sourceCode: SourceCode, n: TSESTree.Node): TSESTree.CallExpression | undefined {
  if (n.type !== T.CallExpression || n.arguments.length !== 1 || n.callee.type !== T.MemberExpression) return;
  const { object, property } = n.callee;
  if (n.callee.computed || property.type !== T.Identifier || property.name !== 'indexOf') return;
  if (!isRepeatable(object)) return;
  let root: TSESTree.Node = object;
  while (root.type === T.MemberExpression) root = root.object;
  if (root.type !== T.Identifier) return;
  const variable = ASTUtils.findVariable(sourceCode.getScope(n), root.name);
  return variable && variable.defs.length > 0 ? n : undefined;
}

/**
 * In `test`, read as "the origin is allowed" (`positive`) or "it is refused" (an early exit), a comparison
 * of `list.indexOf(origin)` that passes origins missing from the list: `!== 1` (a typo for `-1`), or the
 * index itself as a boolean (`-1` is truthy).
 */
function brokenIndexTest(sourceCode: SourceCode, test: TSESTree.Node, positive: boolean): ListCheckRepair | undefined {
  switch (test.type) {
    case T.LogicalExpression:
      // Either side broken breaks the whole test.
      return brokenIndexTest(sourceCode, test.left, positive) ?? brokenIndexTest(sourceCode, test.right, positive);
    case T.UnaryExpression:
      return test.operator === '!' ? brokenIndexTest(sourceCode, test.argument, !positive) : undefined;
    case T.BinaryExpression: {
      const call = indexOfCall(sourceCode, test.left) ?? indexOfCall(sourceCode, test.right);
      const other = call === test.left ? test.right : test.left;
      const n = call ? numberOf(other) : undefined;
      if (!call || n === undefined || n === -1) return undefined;
      const found = test.operator === '!==' || test.operator === '!=';
      const missing = test.operator === '===' || test.operator === '==';
      // `indexOf(o) !== 1` meant "found"; `indexOf(o) === 1` in an exit meant "missing".
      if (!(positive ? found : missing)) return undefined;
      return repairOf(sourceCode, test, call, positive);
    }
    default: {
      const call = indexOfCall(sourceCode, test);
      return call ? repairOf(sourceCode, test, call, positive) : undefined;
    }
  }
}

function repairOf(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  call: TSESTree.CallExpression,
  positive: boolean,
): ListCheckRepair {
  const list = sourceCode.getText((call.callee as TSESTree.MemberExpression).object);
  return { node, text: `${sourceCode.getText(call)} ${positive ? '!==' : '==='} -1`, list };
}

/** Whether a statement always leaves the function (`return`, `throw`, or a block ending in one). */
function exits(s: TSESTree.Statement): boolean {
  if (s.type === T.ReturnStatement || s.type === T.ThrowStatement) return true;
  if (s.type === T.BlockStatement) return s.body.length > 0 && exits(s.body[s.body.length - 1]!);
  return false;
}

/**
 * A test on the way to `decision` (an `if` or `?:` around it, `a && decision`, or an earlier `if` that
 * exits) that compares the origin against a list in scope but lets every origin through, repaired: the
 * list the user wrote is kept, its comparison corrected (`allowedOrigins.indexOf(origin) !== 1` becomes
 * `!== -1`).
 */
export function listCheckRepair(sourceCode: SourceCode, decision: TSESTree.Node): ListCheckRepair | undefined {
  let child: TSESTree.Node = decision;
  for (let n = decision.parent; n && !isFunction(n); child = n, n = n.parent) {
    let found: ListCheckRepair | undefined;
    if ((n.type === T.IfStatement || n.type === T.ConditionalExpression) && child !== n.test) {
      found = brokenIndexTest(sourceCode, n.test, child === n.consequent);
    } else if (n.type === T.LogicalExpression && n.operator === '&&' && child === n.right) {
      found = brokenIndexTest(sourceCode, n.left, true);
    } else if (n.type === T.BlockStatement || n.type === T.Program) {
      const body = n.body as readonly TSESTree.Node[];
      for (let i = body.indexOf(child) - 1; i >= 0 && !found; i--) {
        const s = body[i]!;
        if (s.type === T.IfStatement && exits(s.consequent)) found = brokenIndexTest(sourceCode, s.test, false);
      }
    }
    if (found) return found;
  }
  return undefined;
}

/** A list of origins the code already has, and how membership is asked of it. */
export interface ListInScope {
  readonly name: string;
  readonly method: 'includes' | 'has';
}

/** Names that say a variable holds allowed origins. */
const LIST_NAME = /allow|trust|white|permit|origins/i;

/** How a variable's value is a list: an array literal, a `Set`, a split string (`process.env.X.split(',')`). */
function listMethodOfInit(init: TSESTree.Node | null | undefined): ListInScope['method'] | undefined {
  if (!init) return undefined;
  if (init.type === T.ArrayExpression) return 'includes';
  if (init.type === T.NewExpression && init.callee.type === T.Identifier && init.callee.name === 'Set') return 'has';
  for (let n: TSESTree.Node = init; n.type === T.CallExpression && n.callee.type === T.MemberExpression;) {
    const prop = n.callee.property;
    if (prop.type === T.Identifier && prop.name === 'split') return 'includes';
    n = n.callee.object;
  }
  return undefined;
}

/**
 * The project's own list of allowed origins in scope at `node` (a constant, an import, an env value split
 * into an array), innermost first; for an import, what it is comes from how the code uses it
 * (`list.includes(...)`, `set.has(...)`). Undefined when there is none: then a fix writes a placeholder.
 */
export function listInScope(sourceCode: SourceCode, node: TSESTree.Node): ListInScope | undefined {
  for (let scope: ReturnType<SourceCode['getScope']> | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    for (const variable of scope.variables) {
      if (!LIST_NAME.test(variable.name) || variable.name === ALLOWLIST_NAME) continue;
      const def = variable.defs[0];
      if (!def || def.type === 'Parameter') continue;
      let method =
        def.node.type === T.VariableDeclarator && def.node.id.type === T.Identifier
          ? listMethodOfInit(def.node.init)
          : undefined;
      if (!method) {
        for (const ref of variable.references) {
          const parent = ref.identifier.parent;
          if (parent?.type !== T.MemberExpression || parent.object !== ref.identifier) continue;
          const prop = parent.property.type === T.Identifier ? parent.property.name : '';
          if (prop === 'includes' || prop === 'indexOf') method = 'includes';
          else if (prop === 'has') method = 'has';
          if (method) break;
        }
      }
      if (method) return { name: variable.name, method };
    }
  }
  return undefined;
}
