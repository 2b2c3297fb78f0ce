/**
 * Settings several rules share, read once from ESLint's shared settings (as eslint-plugin-n reads
 * `settings.node`):
 *
 *   settings: { 'cors-guard': { trustedOrigins: ['https://app.example.com', 'https://*.example.com'] } }
 *
 * A rule's own `allowedOrigins` / `trustedHosts` options, when given, override them for that rule.
 */
import { trustedHostsFrom } from '../analysis';

export interface CorsGuardSettings {
  /** Origins your servers are meant to trust; `https://*.example.com` trusts the subdomains too. */
  readonly trustedOrigins?: readonly string[];
}

/** The `cors-guard` shared settings of a lint, validated (bad entries are ignored). */
export function corsGuardSettings(context: { readonly settings?: Readonly<Record<string, unknown>> }): {
  trustedOrigins: string[];
} {
  const raw = context.settings?.['cors-guard'] as CorsGuardSettings | undefined;
  const list = raw && Array.isArray(raw.trustedOrigins) ? raw.trustedOrigins : [];
  return { trustedOrigins: list.filter((o): o is string => typeof o === 'string') };
}

/** The origins suggestions write into allowlists: the rule's `allowedOrigins`, else the shared setting. */
export function allowlistOrigins(
  context: { readonly settings?: Readonly<Record<string, unknown>> },
  options: { readonly allowedOrigins?: readonly string[] },
): string[] {
  const own = options.allowedOrigins ?? [];
  if (own.length > 0) return [...own];
  return corsGuardSettings(context).trustedOrigins.filter((o) => !o.includes('*'));
}

/**
 * The hosts a rule judges checks against: from its own options when given (an override), else
 * undefined (the file model's, from the shared settings).
 */
export function ruleHosts(options: {
  readonly allowedOrigins?: readonly string[];
  readonly trustedHosts?: readonly string[];
}): string[] | undefined {
  const given = (options.allowedOrigins?.length ?? 0) + (options.trustedHosts?.length ?? 0) > 0;
  return given ? trustedHostsFrom(options.allowedOrigins, options.trustedHosts) : undefined;
}
