function isAllowedOrigin(origin: string | null): boolean {
  if (!origin) return false;
  try {
    const { hostname } = new URL(origin);
    return hostname === 'coderbase.dev' || hostname.endsWith('.coderbase.dev');
  } catch {
    return false;
  }
}

export default {
  async fetch(request: Request): Promise<Response> {
    const origin = request.headers.get('Origin');
    const headers = new Headers({ 'Content-Type': 'application/json', Vary: 'Origin' });
    if (isAllowedOrigin(origin)) headers.set('Access-Control-Allow-Origin', origin as string);
    return new Response(JSON.stringify({ snippets: [] }), { headers });
  },
};
