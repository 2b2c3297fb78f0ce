/** Words the editor shows: code-action titles, status text. Plain functions of lint results. */
import { rules } from '../../../eslint-plugin/src/rules';
import type { Finding } from './protocol';

export function suggestionTitle(desc: string, ruleId: string): string {
  return `${desc.replace(/\.$/, '')} (${ruleId})`;
}

/** Why a finding has no automatic fix, for `CodeAction.disabled`: each rule states it in its `meta`. */
export function noFixReason(finding: Pick<Finding, 'ruleId'>): string {
  const name = finding.ruleId.replace(/^cors-guard\//, '') as keyof typeof rules;
  return rules[name]?.meta.docs?.noFixReason ?? 'No safe automatic fix for this finding: see the documentation.';
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function statusSummary(findings: readonly Pick<Finding, 'severity'>[]): string {
  if (findings.length === 0) return 'No CORS findings';
  const errors = findings.filter((f) => f.severity === 2).length;
  const warnings = findings.length - errors;
  const parts = [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''];
  return `CORS: ${parts.filter(Boolean).join(', ')}`;
}
