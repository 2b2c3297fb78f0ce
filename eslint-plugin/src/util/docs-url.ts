/** Where each rule's documentation lives (its `meta.docs.url`). */
export const DOCS_BASE = 'https://github.com/cors-guard/cors-guard/blob/main/eslint-plugin/docs/rules';

export function docsUrlOf(ruleName: string): string {
  return `${DOCS_BASE}/${ruleName.replace(/^cors-guard\//, '')}.md`;
}
