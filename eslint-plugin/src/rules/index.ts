import noAnySubdomain from './no-any-subdomain';
import noInsecureOrigin from './no-insecure-origin';
import noExposedLocalServer from './no-exposed-local-server';
import noInvalidCorsHeader from './no-invalid-cors-header';
import noNullOrigin from './no-null-origin';
import noOriginReflection from './no-origin-reflection';
import noPermissiveDefault from './no-permissive-default';
import noUnsafeOriginCheck from './no-unsafe-origin-check';
import noWildcardWithCredentials from './no-wildcard-with-credentials';
import requireVaryOrigin from './require-vary-origin';

export const rules = {
  'no-any-subdomain': noAnySubdomain,
  'no-insecure-origin': noInsecureOrigin,
  'no-exposed-local-server': noExposedLocalServer,
  'no-invalid-cors-header': noInvalidCorsHeader,
  'no-null-origin': noNullOrigin,
  'no-origin-reflection': noOriginReflection,
  'no-permissive-default': noPermissiveDefault,
  'no-unsafe-origin-check': noUnsafeOriginCheck,
  'no-wildcard-with-credentials': noWildcardWithCredentials,
  'require-vary-origin': requireVaryOrigin,
};

export type RuleName = keyof typeof rules;
