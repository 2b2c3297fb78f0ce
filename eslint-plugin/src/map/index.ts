/** The CORS map's API: `import { mapProject, formatHtml } from 'eslint-plugin-cors-guard/map'`. */
export * from './entries';
export * from './format';
export * from './html';
export {
  FORMATS,
  findFlatConfig,
  gitignorePatterns,
  mapProject,
  render,
  main,
  type Format,
  type MapOptions,
} from './cli';
export * from './diff';
export { diffAgainst } from './cli';
export type { CliIo } from '../util/cli-io';
