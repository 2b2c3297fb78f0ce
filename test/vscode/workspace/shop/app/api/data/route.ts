export async function GET(request: Request) {
  const origin = request.headers.get('origin') ?? '';
  return new Response('{}', {
    headers: {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Credentials': 'true',
    },
  });
}
