export const addCORSHeaders =
  ({ request }: { request: Request }) =>
  (response: Response): Response => {
    response.headers.set('access-control-allow-origin', request.headers.get('origin') ?? '');
    response.headers.set('access-control-allow-credentials', 'true');
    const method = request.headers.get('access-control-request-method');
    if (method) response.headers.set('access-control-allow-methods', method);
    return response;
  };
