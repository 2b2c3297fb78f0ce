/** `@typescript-eslint/parser`, bundled on its own so that the worker loads it only for TypeScript files. */
import * as parser from '@typescript-eslint/parser';

export = parser;
