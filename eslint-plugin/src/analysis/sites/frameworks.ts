/**
 * Framework knowledge as data: which calls set CORS headers, which calls take CORS options, and what each
 * library does with those options. Supporting a new library is a row, not a rule change:
 *  - ./library-types.ts: what a library row says;
 *  - ./libraries/: the rows, one file per family (node, fetch, conventions);
 *  - ./option-sites.ts: calls that take options (by module, shape, auto-import, option type);
 *  - ./convention-table.ts: settings loaded from files by name, and route rules;
 *  - ./call-shapes.ts: header setters and the client calls that look like them.
 * Behaviour notes cite ../shared/cors-reference.md ("src" = read in the library's source).
 */
export * from './library-types';
export * from './libraries';
export * from './option-sites';
export * from './convention-table';
export * from './call-shapes';
