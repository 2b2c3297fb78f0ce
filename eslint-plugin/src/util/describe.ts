/** Words shared by the rules' messages: which credentials go along, which guard let the origin in. */
import type { TSESLint } from '@typescript-eslint/utils';
import { shortText, type Credentials, type GuardSummary, type Policy } from '../analysis';

/** An origin any attacker can send from a page they control. */
export const ATTACKER_ORIGIN = 'https://evil.example';

export type CredentialState = 'with' | 'without' | 'maybe';

export function credentialState(c: Credentials): CredentialState {
  return c.allowed === true ? 'with' : c.allowed === 'unknown' ? 'maybe' : 'without';
}

/** ` (checked only by `if (origin)`, which any origin passes)` or ``. */
export function guardNote(g: GuardSummary, sourceCode: Readonly<TSESLint.SourceCode>): string {
  if (g.strength !== 'useless') return '';
  const check = g.decisive[0];
  return check ? ` (\`${shortText(sourceCode.getText(check.node), 30)}\` passes any origin)` : '';
}

export function libraryName(policy: Policy): string {
  return policy.library ? `\`${policy.library.packageName}\`` : 'this code';
}

/** The 1-based line of the credentials setting, or an empty string. */
export function credentialsLine(c: Credentials): string {
  return c.node ? String(c.node.loc.start.line) : '';
}
