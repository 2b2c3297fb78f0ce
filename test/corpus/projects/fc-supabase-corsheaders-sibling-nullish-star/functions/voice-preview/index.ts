import { corsHeaders } from './cors.ts';

Deno.serve(async (req: Request) => {
  const origin = req.headers.get('origin') ?? undefined;
  if (req.method === 'OPTIONS') {
    return new Response('ok', { headers: corsHeaders(origin) });
  }
  const body = await req.json();
  return new Response(JSON.stringify({ voice: body.voice, ok: true }), {
    headers: { ...corsHeaders(origin), 'Content-Type': 'application/json' },
  });
});
