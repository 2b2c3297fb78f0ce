import { corsHeaders } from '../_shared/cors.ts';

Deno.serve(async (req) => {
  if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
  const orders: unknown[] = [];
  return new Response(JSON.stringify(orders), {
    headers: { ...corsHeaders, 'Content-Type': 'application/json' },
  });
});
