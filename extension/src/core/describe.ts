/** Words the editor shows: code-action titles, status text. Plain functions of lint results. */
import { rules } from '../../../eslint-plugin/src/rules';
import type { Finding } from './protocol';

/**
 * Text for places that show no Markdown (Problems panel, menus, notifications): code spans lose their
 * backticks; a span of bare punctuation (a `.`, a `*`) keeps quotes so it stays visible.
 */
export function plainText(s: string): string {
  return s.replace(/`([^`]*)`/g, (_, inner: string) => (/^[^\p{L}\p{N}]{0,3}$/u.test(inner) ? `'${inner}'` : inner));
}

/** A quick-fix title: the suggestion in plain words (the menu already groups fixes under their finding). */
export function suggestionTitle(desc: string): string {
  return plainText(desc.replace(/\.$/, ''));
}

/** The rule's short name in titles (`no-origin-reflection`). */
export function shortRule(ruleId: string): string {
  return ruleId.replace(/^cors-guard\//, '');
}

/** Why a finding has no automatic fix, shown by the "Why no automatic fix?" action. */
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

/** One line of why a rule's finding matters (the compact hover; the rest is in the rule's docs). */
export function ruleWhy(ruleId: string): string {
  switch (shortRule(ruleId)) {
    case 'no-origin-reflection':
      return "Echoing the request's Origin trusts every website: any page can read your users' responses.";
    case 'no-unsafe-origin-check':
      return 'An attacker can register a host this check accepts and read responses from a page there.';
    case 'no-wildcard-with-credentials':
      return "Browsers reject * with credentials; don't echo the Origin instead (that trusts every site): list origins.";
    case 'no-null-origin':
      return 'Sandboxed iframes and data: URLs send Origin: null, and any website can create them.';
    case 'no-insecure-origin':
      return 'A page served over http:// can be rewritten by anyone on the network path (public Wi-Fi, a proxy).';
    case 'no-any-subdomain':
      return 'One subdomain with an XSS hole or a dangling DNS record is enough to read these responses.';
    case 'no-invalid-cors-header':
      return 'Browsers reject the value, so the cross-origin request fails.';
    case 'no-permissive-default':
      return 'A missing setting in production fails open: fail closed (no CORS, or an error at startup).';
    case 'require-vary-origin':
      return "Without Vary: Origin a shared cache or CDN can serve one site's answer to another.";
    default:
      return 'See the documentation.';
  }
}
