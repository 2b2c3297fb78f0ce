const ALLOW = [/^([^.]*\.)?multiview\.pages\.dev$/, /^([^.]*\.)?multiview\.app$/];

function allowed(origin: string): boolean {
  const { hostname } = new URL(origin);
  for (const re of ALLOW) {
    if (re.test(hostname)) return true;
  }
  return false;
}

export function corsHeaders(request: Request): HeadersInit {
  const origin = request.headers.get('Origin');
  if (origin !== null && allowed(origin)) {
    return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  }
  return {};
}

export default {
  fetch(request: Request) {
    return new Response('[]', { headers: corsHeaders(request) });
  },
};
