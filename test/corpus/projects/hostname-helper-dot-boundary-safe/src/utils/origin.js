const BASE_DOMAIN = 'schoolboard.org';

export function isTrustedOrigin(origin) {
  if (!origin) return false;
  try {
    const { hostname, protocol } = new URL(origin);
    if (protocol !== 'https:') return false;
    return hostname === BASE_DOMAIN || hostname.endsWith(`.${BASE_DOMAIN}`);
  } catch {
    return false;
  }
}
