import { domainFromHost } from '../domain/known-domains';

// itty-router sends whatever this returns as Access-Control-Allow-Origin.
export function pickCorsOrigin(requestOrigin: string | null): string | undefined {
  if (!requestOrigin) return undefined;
  let url: URL;
  try {
    url = new URL(requestOrigin);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:') return undefined;
  const domain = domainFromHost(url.hostname);
  return domain === undefined ? undefined : `https://${domain}`;
}
