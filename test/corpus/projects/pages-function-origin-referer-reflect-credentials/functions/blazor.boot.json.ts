export async function onRequest(context) {
  const incoming = new Headers(context.request.headers);
  const response = await context.next();

  const allow = incoming.get('Origin') || incoming.get('Referer') || '*';
  response.headers.set('Access-Control-Allow-Origin', allow);
  response.headers.set('Access-Control-Allow-Credentials', 'true');
  response.headers.set('Access-Control-Allow-Methods', '*');
  response.headers.set('Access-Control-Allow-Headers', '*');
  return response;
}
