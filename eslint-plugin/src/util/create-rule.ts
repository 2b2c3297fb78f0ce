import { applyDefault, RuleCreator } from '@typescript-eslint/utils/eslint-utils';
import type { RuleWithMetaAndName } from '@typescript-eslint/utils/eslint-utils';
import { docsUrlOf } from './docs-url';
import { rememberMessages } from './related';
import { honouringIgnoreComments } from './ignore-comments';
import { screenedOut } from './file-model';

export interface CorsGuardDocs {
  /** Short imperative description. */
  description: string;
  /** The lightest preset that enables the rule. */
  recommended: 'recommended' | 'strict';
  /** Severity in the presets: informational rules warn. Default `error`. */
  level?: 'error' | 'warn';
  /**
   * Options the recommended preset sets where it is narrower than the rule's defaults (which the strict
   * preset keeps): findings that expose no more than `*` would.
   */
  recommendedOptions?: Record<string, unknown>;
  /** Why the rule offers no automatic fix, in a sentence the editor shows beside its findings. */
  noFixReason: string;
}

const creator = RuleCreator<CorsGuardDocs>(docsUrlOf);

/**
 * typescript-eslint's RuleCreator, with two differences: a rule states its default options once, in
 * `meta.defaultOptions` (where ESLint and the docs read them); and the merge with the user's options is
 * done once per distinct options value, not once per file: ESLint 9.15+ hands every file the defaults
 * as `context.options`, and the per-file deep merge (a structuredClone) showed up in profiles of the
 * presets on real code.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<Omit<RuleWithMetaAndName<Options, MessageIds, CorsGuardDocs>, 'defaultOptions'>>,
) {
  const defaults = (rule.meta.defaultOptions ?? []) as unknown as Options;
  const created = creator<Options, MessageIds>({ ...rule, defaultOptions: defaults });
  const inner = rule.create;
  const merged = new Map<string, Options>();
  const optionsOf = (given: readonly unknown[]): Options => {
    const key = JSON.stringify(given);
    let options = merged.get(key);
    if (!options) {
      options = applyDefault(defaults, given as Options) as Options;
      if (merged.size < 32) merged.set(key, options);
    }
    return options;
  };
  return {
    ...created,
    create(raw: Parameters<typeof created.create>[0]) {
      // Every rule reads the file model: a file that cannot hold a CORS setting costs nothing more.
      if (screenedOut(raw as never)) return {};
      // `cors-guard-ignore` comments (see ignore-comments.ts) drop reports before ESLint sees them.
      const context = honouringIgnoreComments(raw, rule.name);
      rememberMessages(context, rule.meta.messages);
      return inner(context, context.options.length > 0 ? optionsOf(context.options) : defaults);
    },
  } as typeof created;
}
