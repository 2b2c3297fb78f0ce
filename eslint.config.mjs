// The repository lints itself: TypeScript sources with typescript-eslint, rule files with
// eslint-plugin-eslint-plugin.
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'node_modules/**',
      'tmp/**',
      '.cache/**',
      'test/fixtures/**',
      'test/corpus/projects/**',
      'test/vscode/workspace/**',
      'test-results/**',
      'bench-results/**',
      'eslint-plugin/examples/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['eslint-plugin/src/rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
