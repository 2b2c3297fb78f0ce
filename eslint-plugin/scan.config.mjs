// The configuration `npm run scan` lints with: the recommended preset, JavaScript and TypeScript.
import tseslint from 'typescript-eslint';
import corsGuard from './dist/index.js';

export default [
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
    languageOptions: { parser: tseslint.parser },
  },
  {
    files: ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
    ...corsGuard.configs.recommended,
  },
];
