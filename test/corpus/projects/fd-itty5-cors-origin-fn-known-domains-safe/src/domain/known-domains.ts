// Domains the badges may be embedded in, own sites first, then partners.
const knownDomains: Record<string, string> = {
  'mathlab.com': 'mathlab.com',
  'math.tools': 'math.tools',
  'labtools.engineer': 'labtools.engineer',
  'github.com': 'github.com',
};

export function domainFromHost(host: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(knownDomains, host) ? knownDomains[host] : undefined;
}
