import { getCorsHeaders } from '../_shared/cors.ts';

Deno.serve(async (req: Request) => {
  const headers = getCorsHeaders(req.headers.get('Origin') ?? undefined);
  if (req.method === 'OPTIONS') return new Response(null, { headers });
  const { token } = await req.json();
  return Response.json({ linked: Boolean(token) }, { headers });
});
