export const withCors = ({ request }: { request: Request }) => (response: Response) => {
  response.headers.set('access-control-allow-origin', request.headers.get('origin') ?? '');
  const method = request.headers.get('access-control-request-method');
  if (method) response.headers.set('access-control-allow-methods', method);
  const wanted = request.headers.get('access-control-request-headers');
  if (wanted) response.headers.set('access-control-allow-headers', wanted);
  response.headers.set('access-control-allow-credentials', 'true');
  return response;
};
