import { setCorsHeaders } from './utils/cors';

export default {
  async fetch(request: Request): Promise<Response> {
    const origin = request.headers.get('Origin');
    if (request.method === 'OPTIONS') {
      return setCorsHeaders(new Response(null, { status: 204 }), origin);
    }
    const body = JSON.stringify({ events: [] });
    return setCorsHeaders(new Response(body, { headers: { 'Content-Type': 'application/json' } }), origin);
  },
};
