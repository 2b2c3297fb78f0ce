import { cors } from './utils/cors.ts';

Deno.serve(async (req) => {
  if (req.method === 'OPTIONS') return new Response(null, { headers: cors(req) });
  const data = { ok: true, at: Date.now() };
  return new Response(JSON.stringify(data), { headers: { ...cors(req), 'Content-Type': 'application/json' } });
});
