/**
 * The library table: every CORS library CORS Guard models, by id. A new library is a row in the file of
 * its family (node, fetch, conventions, platforms, cloud).
 */
import { escapeRegex } from '../../checks/origins';
import type { LibraryId, LibrarySemantics } from '../library-types';
import { CLOUD_LIBRARIES, SERVERLESS_LIBRARIES, SST_LIBRARIES } from './cloud';
import { CONVENTIONS_LIBRARIES } from './conventions';
import { FETCH_LIBRARIES } from './fetch';
import { LOCAL_LIBRARIES } from './local';
import { NODE_LIBRARIES } from './node';
import { PLATFORM_LIBRARIES } from './platforms';

export const LIBRARIES: Readonly<Record<LibraryId, LibrarySemantics>> = {
  ...NODE_LIBRARIES,
  ...FETCH_LIBRARIES,
  ...CONVENTIONS_LIBRARIES,
  ...PLATFORM_LIBRARIES,
  ...CLOUD_LIBRARIES,
  ...SST_LIBRARIES,
  ...SERVERLESS_LIBRARIES,
  ...LOCAL_LIBRARIES,
};

/**
 * hapi's compilation of a wildcard origin string (src): escape, then `*` -> `.*` and `?` -> `.`, anchored.
 * Undefined for a string with no wildcard (compared exactly).
 */
export function wildcardOriginPattern(origin: string): string | undefined {
  if (!origin.includes('*') && !origin.includes('?')) return undefined;
  return `^${escapeRegex(origin).replace(/\\\*/g, '.*').replace(/\\\?/g, '.')}$`;
}
