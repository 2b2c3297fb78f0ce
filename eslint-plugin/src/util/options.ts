/** Options shared by the rules, with one meaning everywhere. */
import type { JSONSchema } from '@typescript-eslint/utils';

export const allowedOriginsSchema: JSONSchema.JSONSchema4 = {
  type: 'array',
  items: { type: 'string' },
  description:
    "Origins your application trusts (`https://app.example.com`), for this rule only: overrides the shared setting `settings['cors-guard'].trustedOrigins`. Suggestions write them into the allowlists they add; regex and string checks take their hosts as the hosts they were meant for.",
};

export const trustedHostsSchema: JSONSchema.JSONSchema4 = {
  type: 'array',
  items: { type: 'string' },
  description:
    "Host names trusted with their subdomains (`example.com` or `*.example.com`), the hosts regex and string checks were meant for, for this rule only (overrides `settings['cors-guard'].trustedOrigins`). Without either, the hosts written in each check are used.",
};

/** A rule's schema: one options object with these documented properties and nothing else. */
export function objectOptionsSchema(properties: Record<string, JSONSchema.JSONSchema4>): JSONSchema.JSONSchema4[] {
  return [{ type: 'object', additionalProperties: false, properties }];
}
