/** Words shared by the rules' messages: which credentials go along, which guard let the origin in. */
import * as nodePath from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { shortText, type Credentials, type GuardSummary, type Policy } from '../analysis';
import { foreignModuleOf } from '../analysis/values/locations';

/** A node's source text, from whichever file it is in (the linted file, or a module it imports). */
export function nodeText(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string {
  const m = foreignModuleOf(node);
  return m ? m.text.slice(node.range[0], node.range[1]) : sourceCode.getText(node);
}

export type CredentialState = 'with' | 'without' | 'maybe';

export function credentialState(c: Credentials): CredentialState {
  return c.allowed === true ? 'with' : c.allowed === 'unknown' ? 'maybe' : 'without';
}

/** ` (checked only by `if (origin)`, which any origin passes)` or ``. */
export function guardNote(g: GuardSummary, sourceCode: Readonly<TSESLint.SourceCode>): string {
  if (g.strength !== 'useless') return '';
  const check = g.decisive[0];
  return check ? ` (\`${shortText(nodeText(check.node, sourceCode), 30)}\` passes any origin)` : '';
}

/** The library a policy's options are for, in backticks; an assumed one says what it is assumed to be. */
export function libraryName(policy: Policy): string {
  const lib = policy.library;
  if (!lib) return 'this code';
  return lib.assumedLike
    ? `\`${lib.packageName}\` (assumed to read options as \`${lib.assumedLike}\` does)`
    : `\`${lib.packageName}\``;
}

/** The 1-based line of the credentials setting, or an empty string. */
export function credentialsLine(c: Credentials): string {
  return c.node ? String(c.node.loc.start.line) : '';
}

/**
 * Why a helper's parameter is judged as the request's Origin (helpers judged where they live), as a
 * parenthesis for the message: `` (callers pass the request's Origin as `origin`: `src/app.js` line 6)``.
 */
export function helperNote(policy: Policy, root: string | undefined, naming = true): string {
  const h = policy.helper;
  if (!h) return '';
  if (h.grounds === 'name') {
    return ` (\`${h.parameter}\` taken as the request's Origin, as its name and its check say; no caller shows what it is)`;
  }
  const first = h.callers[0];
  const m = first ? foreignModuleOf(first) : undefined;
  const where = m && first ? `: \`${displayPath(m.path, root)}\` line ${first.loc.start.line}` : '';
  const more = h.callers.length > 1 ? ` and ${h.callers.length - 1} more` : '';
  return ` (callers pass the request's Origin${naming ? ` as \`${h.parameter}\`` : ''}${where}${more})`;
}

/**
 * The callers of a helper judged as written, in a finding placed at the helper (its fix location):
 * ` (called from \`routes/a.js:3\` and 4 more)`; empty when it has none in other modules.
 */
export function callersNote(policy: Policy, root: string | undefined): string {
  const callers = policy.callers ?? [];
  const first = callers[0];
  const m = first ? foreignModuleOf(first) : undefined;
  if (!first || !m) return '';
  const more = callers.length > 1 ? ` and ${callers.length - 1} more` : '';
  return ` (called from \`${displayPath(m.path, root)}:${first.loc.start.line}\`${more})`;
}

/** A path relative to the project root, with `/`, when it lies inside it. */
export function displayPath(file: string, root: string | undefined): string {
  const rel = root ? nodePath.relative(root, file) : file;
  return (rel && !rel.startsWith('..') && !nodePath.isAbsolute(rel) ? rel : file).split(nodePath.sep).join('/');
}

/**
 * `text` as a sentence: one final full stop, never two (`…read here.` stays as it is, `here` gets one);
 * text ending in `?`, `!` or `…` keeps its own mark.
 */
export function sentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
