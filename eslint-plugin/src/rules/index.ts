import noNullOrigin from './no-null-origin';
import noOriginReflection from './no-origin-reflection';
import noUnsafeOriginCheck from './no-unsafe-origin-check';
import noWildcardWithCredentials from './no-wildcard-with-credentials';

export const rules = {
  'no-null-origin': noNullOrigin,
  'no-origin-reflection': noOriginReflection,
  'no-unsafe-origin-check': noUnsafeOriginCheck,
  'no-wildcard-with-credentials': noWildcardWithCredentials,
};

export type RuleName = keyof typeof rules;
