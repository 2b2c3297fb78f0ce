const TRUSTED_SUFFIXES = ['acmecloud.com', 'localhost:4200'];

export function isAllowedOrigin(origin: string): boolean {
  return TRUSTED_SUFFIXES.some((suffix) => origin.endsWith(suffix));
}
