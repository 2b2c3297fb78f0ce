import { RuleTester } from '@typescript-eslint/rule-tester';

/** A RuleTester parsing with typescript-eslint (JavaScript and TypeScript alike), as modules. */
export const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
});
