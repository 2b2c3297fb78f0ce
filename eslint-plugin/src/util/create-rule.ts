import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';
import { docsUrlOf } from './docs-url';
import { honouringIgnoreComments } from './ignore-comments';

export interface CorsGuardDocs {
  /** Short imperative description. */
  description: string;
  /** The lightest preset that enables the rule. */
  recommended: 'recommended' | 'strict';
  /** Severity in the presets: informational rules warn. Default `error`. */
  level?: 'error' | 'warn';
}

const creator = RuleCreator<CorsGuardDocs>(docsUrlOf);

/**
 * typescript-eslint's RuleCreator, except that default options are merged only when a user gives
 * options: its per-file deep merge showed up in profiles of the preset on real code.
 */
export const createRule: typeof creator = (rule) => {
  const created = creator(rule);
  const defaults = rule.defaultOptions;
  const inner = rule.create;
  return {
    ...created,
    create(raw: Parameters<typeof created.create>[0]) {
      // `cors-guard-ignore` comments (see ignore-comments.ts) drop reports before ESLint sees them.
      const context = honouringIgnoreComments(raw, rule.name);
      if (context.options.length > 0) return created.create(context);
      return inner(context, defaults as NonNullable<typeof defaults>);
    },
  } as typeof created;
};
