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
 * Wraps `statement` in `if (<set>.has(<originText>)) { ... }` (`set`: see `allowlistSet`), adding `extra`
 * lines inside.
 */
export function wrapInAllowlistCheck(
  sourceCode: SourceCode,
  fixer: Fixer,
  statement: TSESTree.Statement,
  originText: string,
  extra: readonly string[],
  set: string = ALLOWLIST_NAME,
): Fix {
  const indent = indentOf(sourceCode, statement);
  const unit = indent.includes('\t') ? '\t' : '  ';
  const body = sourceCode
    .getText(statement)
    .split('\n')
    .map((l, i) => (i === 0 ? `${indent}${unit}${l}` : `${unit}${l}`))
    .join('\n');
  const extraLines = extra.map((e) => `\n${indent}${unit}${e}`).join('');
  const text = `if (${set}.has(${originText})) {\n${body}${extraLines}\n${indent}}`;
  return fixer.replaceText(statement, text);
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
