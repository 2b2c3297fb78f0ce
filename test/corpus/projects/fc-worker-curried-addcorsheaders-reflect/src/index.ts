import { withCors } from './routes/cors';

async function handle(request: Request): Promise<Response> {
  if (request.method === 'OPTIONS') return new Response(null, { status: 204 });
  return Response.json({ claps: 3 });
}

export default {
  async fetch(request: Request): Promise<Response> {
    return handle(request).then(withCors({ request }));
  },
};
