export function setCorsHeaders(response: Response, origin: string | null): Response {
  response.headers.set('Access-Control-Allow-Origin', origin ?? '*');
  response.headers.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  response.headers.set('Access-Control-Allow-Headers', 'Content-Type');
  response.headers.set('Access-Control-Allow-Credentials', 'true');
  return response;
}
