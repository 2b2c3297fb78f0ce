import { corsHeaders } from '../_shared/cors.ts';

Deno.serve(async (req: Request) => {
  const headers = corsHeaders(req.headers.get('origin') ?? '');
  if (req.method === 'OPTIONS') return new Response('ok', { headers });
  const payload = await req.json().catch(() => ({}));
  return new Response(JSON.stringify({ synced: true, payload }), {
    headers: { ...headers, 'content-type': 'application/json' },
  });
});
