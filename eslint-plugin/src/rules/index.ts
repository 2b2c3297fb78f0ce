import noNullOrigin from './no-null-origin';
import noOriginReflection from './no-origin-reflection';
import noWildcardWithCredentials from './no-wildcard-with-credentials';

export const rules = {
  'no-null-origin': noNullOrigin,
  'no-origin-reflection': noOriginReflection,
  'no-wildcard-with-credentials': noWildcardWithCredentials,
};

export type RuleName = keyof typeof rules;
