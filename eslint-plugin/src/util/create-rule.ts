import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';
import type { RuleWithMetaAndName } from '@typescript-eslint/utils/eslint-utils';
import { docsUrlOf } from './docs-url';
import { rememberMessages } from './related';
import { honouringIgnoreComments } from './ignore-comments';

export interface CorsGuardDocs {
  /** Short imperative description. */
  description: string;
  /** The lightest preset that enables the rule. */
  recommended: 'recommended' | 'strict';
  /** Severity in the presets: informational rules warn. Default `error`. */
  level?: 'error' | 'warn';
  /** Why the rule offers no automatic fix, in a sentence the editor shows beside its findings. */
  noFixReason: string;
}

const creator = RuleCreator<CorsGuardDocs>(docsUrlOf);

/**
 * typescript-eslint's RuleCreator, with two differences: a rule states its default options once, in
 * `meta.defaultOptions` (where ESLint and the docs read them); and they are merged only when a user gives
 * options, because the per-file deep merge showed up in profiles of the preset on real code.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<Omit<RuleWithMetaAndName<Options, MessageIds, CorsGuardDocs>, 'defaultOptions'>>,
) {
  const defaults = (rule.meta.defaultOptions ?? []) as unknown as Options;
  const created = creator<Options, MessageIds>({ ...rule, defaultOptions: defaults });
  const inner = rule.create;
  return {
    ...created,
    create(raw: Parameters<typeof created.create>[0]) {
      // `cors-guard-ignore` comments (see ignore-comments.ts) drop reports before ESLint sees them.
      const context = honouringIgnoreComments(raw, rule.name);
      rememberMessages(context, rule.meta.messages);
      if (context.options.length > 0) return created.create(context);
      return inner(context, defaults);
    },
  } as typeof created;
}
