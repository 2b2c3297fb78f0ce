/**
 * Edits shared by the rules' suggestions: the allowlist constant every fix checks against (the project's own
 * list, else `ALLOWED_ORIGINS`), wrapping a header statement or a header property in an allowlist check laid
 * out to the file, removing an element or property.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { PLACEHOLDER_ORIGIN, type HeaderSite } from '../analysis';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { lineWidthFor } from './line-width';

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
  return `[${list.map(quoted).join(', ')}]`;
}

function quoted(origin: string): string {
  return `'${origin.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * The most unchanged source one suggestion may span between two of its edits. ESLint hands a suggestion's
 * edits over as one replacement, from the first edit to the last, so a declaration added at the top of a
 * module for an edit far below would carry everything in between, once per site: 1,000 sites in one
 * handler made 43 MB of suggestion text. Past this gap the edit stands alone instead.
 */
export const MAX_SUGGESTION_GAP = 2000;

/** How a fix lays out the code it writes: the file's indentation unit and line width. */
export interface Layout {
  readonly unit: string;
  readonly width: number;
}

/** The layout of the linted file: its own indentation, Prettier's `printWidth` from the project (else 80). */
export function layoutOf(context: { readonly sourceCode: SourceCode; readonly filename: string }): Layout {
  return { unit: indentUnitOf(context.sourceCode), width: lineWidthFor(context.filename) };
}

/** The allowlist a fix checks against or hands to a library, and the edits that declare it. */
export interface Allowlist {
  readonly fixes: Fix[];
  /** The membership test of an expression: `ALLOWED_ORIGINS.has(origin)`, `allowedOrigins.includes(origin)`. */
  check(value: string): string;
  /** The list as a value a library's `origin` option takes (an array). */
  readonly array: string;
  /** The project's own list (kept as is), not the `ALLOWED_ORIGINS` a fix writes. */
  readonly own?: string;
}

/**
 * The one allowlist style of every fix: a named module-level constant. The project's own list when one is in
 * scope at `at` (`allowedOrigins`, imported or declared, an array, a Set or an env value split into an array);
 * else `ALLOWED_ORIGINS` when the module has it; else `ALLOWED_ORIGINS` declared after the imports, as a Set
 * when the fix tests membership (`kind: 'check'`), as an array when it hands the list to a library
 * (`kind: 'option'`: libraries take arrays; `cors` reads any other object as "allow all"). Only when that
 * declaration would sit more than `MAX_SUGGESTION_GAP` characters above the edit is the list written in place
 * (`new Set([...]).has(origin)`), so the suggestion's text stays the size of its edit.
 */
export function allowlistFor(
  sourceCode: SourceCode,
  fixer: Fixer,
  at: TSESTree.Node,
  origins: readonly string[],
  kind: 'check' | 'option',
  layout: Layout,
): Allowlist {
  const of = (name: string, method: ListInScope['method'], own: boolean): Allowlist => ({
    fixes: [],
    check: (v) => `${name}.${method}(${v})`,
    array: method === 'includes' ? name : `[...${name}]`,
    ...(own ? { own: name } : {}),
  });
  const own = listInScope(sourceCode, at);
  if (own) return of(own.name, own.method, true);
  const program = sourceCode.ast;
  const moduleScope = sourceCode.scopeManager?.globalScope?.childScopes[0];
  const existing =
    ASTUtils.findVariable(sourceCode.getScope(program), ALLOWLIST_NAME) ??
    (moduleScope ? ASTUtils.findVariable(moduleScope, ALLOWLIST_NAME) : null);
  const def = existing?.defs[0];
  if (def) {
    const init = def.node.type === T.VariableDeclarator ? def.node.init : undefined;
    return of(ALLOWLIST_NAME, listMethodOfInit(init) ?? 'has', false);
  }
  const list = allowlistArrayText(origins);
  const value = kind === 'check' ? `new Set(${list})` : list;
  let anchor: TSESTree.Node | undefined;
  for (const stmt of program.body) {
    if (isImportLike(stmt) || isDirective(stmt)) anchor = stmt;
    else break;
  }
  const declAt = anchor ? anchor.range[1] : program.range[0];
  if (at.range[0] - declAt > MAX_SUGGESTION_GAP) {
    return { fixes: [], check: (v) => `${value}.${kind === 'check' ? 'has' : 'includes'}(${v})`, array: list };
  }
  const declaration = declarationText(origins, kind, layout);
  return {
    fixes: [
      anchor
        ? fixer.insertTextAfter(anchor, `\n${declaration}`)
        : fixer.insertTextBeforeRange([program.range[0], program.range[0]], `${declaration}\n`),
    ],
    check: (v) => `${ALLOWLIST_NAME}.${kind === 'check' ? 'has' : 'includes'}(${v})`,
    array: ALLOWLIST_NAME,
  };
}

/** `const ALLOWED_ORIGINS = new Set([...]);`, one origin a line when it does not fit the line width. */
function declarationText(origins: readonly string[], kind: 'check' | 'option', layout: Layout): string {
  const [open, close] = kind === 'check' ? ['new Set(', ')'] : ['', ''];
  const oneLine = `const ${ALLOWLIST_NAME} = ${open}${allowlistArrayText(origins)}${close};`;
  if (oneLine.length <= layout.width || origins.length < 2) return oneLine;
  const items = origins.map((o) => `${layout.unit}${quoted(o)},\n`).join('');
  return `const ${ALLOWLIST_NAME} = ${open}[\n${items}]${close};`;
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
 * Wraps `statement` in `if (<check>) { ... }`, after `before` lines (`Vary: Origin`), formatted with the
 * file's indentation.
 */
export function wrapInAllowlistCheck(
  sourceCode: SourceCode,
  fixer: Fixer,
  statement: TSESTree.ExpressionStatement,
  check: string,
  before: readonly string[],
  layout: Layout,
): Fix {
  const indent = indentOf(sourceCode, statement);
  const unit = layout.unit;
  const text = sourceCode.getText(statement);
  const call = statement.expression.type === T.CallExpression ? statement.expression : undefined;
  const open = call && sourceCode.getTokenAfter(call.typeArguments ?? call.callee, (t) => t.value === '(');
  const inner = `${indent}${unit}`;
  // One line pushed past the width by its new indentation: its arguments one a line (Prettier's layout).
  const body =
    call && open && !text.includes('\n') && inner.length + text.length > layout.width && call.arguments.length > 0
      ? `${inner}${sourceCode.text.slice(call.range[0], open.range[1])}\n${call.arguments
          .map((a) => `${inner}${unit}${sourceCode.getText(a)},\n`)
          .join('')}${inner})${text.slice(call.range[1] - statement.range[0])}`
      : text
          .split('\n')
          .map((l, i) => (i === 0 ? `${inner}${l}` : `${unit}${l}`))
          .join('\n');
  // `Vary: Origin` goes on every response, not only the allowed ones: a cache must not serve the
  // refusal (no header) to an allowed origin either.
  const lines = before.map((e) => `${e}\n${indent}`).join('');
  return fixer.replaceText(statement, `${lines}if (${check}) {\n${body}\n${indent}}`);
}

/** Whether an object literal has a `Vary` property (any case, quoted or not). */
export function hasVaryProperty(object: TSESTree.Node | undefined): boolean {
  return (
    object?.type === T.ObjectExpression &&
    object.properties.some(
      (p) =>
        p.type === T.Property &&
        ((p.key.type === T.Identifier && p.key.name.toLowerCase() === 'vary') ||
          (p.key.type === T.Literal && String(p.key.value).toLowerCase() === 'vary')),
    )
  );
}

/**
 * Sends a header property of an object literal (`'Access-Control-Allow-Origin': origin` in a Response's or
 * an API Gateway result's `headers`) only when `check` holds, `...(check ? { <property> } : {})`, with
 * `Vary: 'Origin'` beside it (in the same object, so on every response it builds) unless `vary` is false.
 * Laid out to the file: in place when the line still fits the width; else the object literals on the line
 * that hold the property open one property a line (Prettier's layout), and the spread breaks before `?` and
 * `:` when it is still too long. A single-line object holding comments is edited in place (its comments
 * would be lost by the re-layout).
 */
export function guardHeaderProperty(
  sourceCode: SourceCode,
  fixer: Fixer,
  property: TSESTree.Property,
  check: string,
  vary: boolean,
  layout: Layout,
): Fix {
  const { unit, width } = layout;
  const prop = sourceCode.getText(property);
  const oneLine = `...(${check} ? { ${prop} } : {})`;
  const spreadAt = (indent: string): string => {
    if (indent.length + oneLine.length + 1 <= width) return oneLine;
    const branch = `${indent}${unit}? `;
    // Prettier's layout of a ternary branch too long for its line: the object opens, its contents
    // aligned past the `? `.
    const consequent =
      branch.length + prop.length + 4 <= width
        ? `{ ${prop} }`
        : `{\n${' '.repeat(branch.length + unit.length)}${prop},\n${' '.repeat(branch.length)}}`;
    return `...(${check}\n${branch}${consequent}\n${indent}${unit}: {})`;
  };
  const object = property.parent;
  if (object.type !== T.ObjectExpression) return fixer.replaceText(property, oneLine);
  // A multi-line object: the property's own line(s).
  if (property.loc.start.line !== object.loc.start.line) {
    const indent = indentOf(sourceCode, property);
    return fixer.replaceText(property, spreadAt(indent) + (vary ? `,\n${indent}Vary: 'Origin'` : ''));
  }
  const inline = oneLine + (vary ? ", Vary: 'Origin'" : '');
  const line = sourceCode.lines[property.loc.start.line - 1] ?? '';
  const fits = line.length - prop.length + inline.length <= width;
  // The outermost object literal on the line that holds the property (`{ statusCode, headers: { ... } }`).
  let outer: TSESTree.ObjectExpression = object;
  for (;;) {
    const p = outer.parent;
    const up = p?.type === T.Property && p.value === outer ? p.parent : undefined;
    if (up?.type !== T.ObjectExpression || up.loc.start.line !== outer.loc.start.line) break;
    if (up.loc.end.line !== up.loc.start.line) break;
    outer = up;
  }
  if (fits || object.loc.end.line !== object.loc.start.line || sourceCode.getCommentsInside(outer).length > 0) {
    return fixer.replaceText(property, inline);
  }
  const print = (o: TSESTree.ObjectExpression, indent: string): string => {
    const inner = indent + unit;
    const items = o.properties.map((p) => {
      if (p === property) return spreadAt(inner) + (vary ? `,\n${inner}Vary: 'Origin'` : '');
      if (p.type === T.Property && p.value.type === T.ObjectExpression && contains(p.value, property)) {
        return sourceCode.text.slice(p.range[0], p.value.range[0]) + print(p.value, inner);
      }
      return sourceCode.getText(p);
    });
    return `{\n${items.map((i) => `${inner}${i},\n`).join('')}${indent}}`;
  };
  return fixer.replaceText(outer, print(outer, indentOf(sourceCode, outer)));
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
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
    case T.Literal:
      return true;
    case T.LogicalExpression:
      // `request.headers.get('Origin') ?? ''`
      return isRepeatable(node.left) && isRepeatable(node.right);
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
