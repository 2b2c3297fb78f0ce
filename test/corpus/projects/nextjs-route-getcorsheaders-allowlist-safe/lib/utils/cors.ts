const allowedOrigins = ['https://app.fernbook.com', 'http://localhost:3000'];

export function getCorsHeaders(origin: string | null): Headers {
  const headers = new Headers();
  if (origin && allowedOrigins.includes(origin)) {
    headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Allow-Credentials', 'true');
    headers.set('Vary', 'Origin');
  }
  return headers;
}
