import { serve } from 'bun';
import { handlePayRequest } from './handlers/lnurlpay';

serve({
  port: 3000,
  async fetch(req) {
    const url = new URL(req.url);
    const m = url.pathname.match(/^\/lnurlpay\/(\w+)$/);
    if (m) return handlePayRequest(req, m[1]);
    return new Response('Not Found', { status: 404 });
  },
});
