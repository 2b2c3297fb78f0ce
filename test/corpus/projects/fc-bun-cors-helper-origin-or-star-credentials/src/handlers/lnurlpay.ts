import { cors } from '../utils/cors';

export async function handlePayRequest(req: Request, username: string): Promise<Response> {
  if (req.method === 'OPTIONS') return new Response(null, { headers: cors(req) });
  const body = { tag: 'payRequest', callback: `/lnurlpay/${username}`, minSendable: 1000 };
  return new Response(JSON.stringify(body), {
    headers: { ...cors(req), 'Content-Type': 'application/json' },
  });
}
