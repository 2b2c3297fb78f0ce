/** Words shared by the rules' messages: which credentials go along, which guard let the origin in. */
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
