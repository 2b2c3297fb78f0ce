/** The flat config file names ESLint looks for, from a file's folder up (v10, and v9 with config lookup from file). */
export const FLAT_CONFIG_NAMES = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
] as const;
