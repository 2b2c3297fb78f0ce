const ALLOWED = new Set(['https://studio.lumen.land', 'http://localhost:3000']);
const FALLBACK = 'https://studio.lumen.land';

export function corsHeaders(origin: string | null): Record<string, string> {
  const allowed = origin !== null && ALLOWED.has(origin);
  return {
    'Access-Control-Allow-Origin': allowed ? origin : FALLBACK,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Allow-Headers': 'authorization, content-type',
    Vary: 'Origin',
  };
}
