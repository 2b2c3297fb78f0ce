import { ESLintUtils } from '@typescript-eslint/utils';

export interface CorsGuardDocs {
  /** Short imperative description. */
  description: string;
  /** The lightest preset that enables the rule. */
  recommended: 'recommended' | 'strict';
}

export const DOCS_BASE = 'https://github.com/cors-guard/cors-guard/blob/main/eslint-plugin/docs/rules';

export const createRule = ESLintUtils.RuleCreator<CorsGuardDocs>((name) => `${DOCS_BASE}/${name}.md`);
