/** Words the editor shows: code-action titles, status text. Plain functions of lint results. */
import type { Finding } from './protocol';

export function suggestionTitle(desc: string, ruleId: string): string {
  return `${desc.replace(/\.$/, '')} (${ruleId})`;
}

/** Why a finding has no automatic fix, for `CodeAction.disabled`. */
export function noFixReason(finding: Pick<Finding, 'ruleId'>): string {
  switch (finding.ruleId) {
    case 'cors-guard/no-origin-reflection':
    case 'cors-guard/no-wildcard-with-credentials':
    case 'cors-guard/no-permissive-default':
      return 'No safe automatic fix here: only you know which origins to trust. Check the origin against an exact allowlist (see the documentation).';
    case 'cors-guard/no-unsafe-origin-check':
      return 'No verified repair for this check: anchor the pattern and escape its dots, or compare against an exact allowlist.';
    default:
      return 'No safe automatic fix for this finding: see the documentation.';
  }
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
