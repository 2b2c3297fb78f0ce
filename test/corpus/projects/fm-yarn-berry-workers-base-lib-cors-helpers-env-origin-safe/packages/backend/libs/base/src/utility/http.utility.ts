// The default origin below is only used when a caller passes nothing.
export const withCorsHeaders = (res: Response, { origin }: { origin: string } = { origin: '*' }) => {
  const response = new Response(res.body, res);
  response.headers.set('Access-Control-Allow-Origin', origin);
  response.headers.set('Access-Control-Allow-Headers', '*');
  response.headers.set('Access-Control-Allow-Credentials', 'true');
  response.headers.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  return response;
};

export const corsPreflight = ({ origin }: { origin: string } = { origin: '*' }) =>
  new Response(null, {
    headers: {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Headers': '*',
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    },
  });
