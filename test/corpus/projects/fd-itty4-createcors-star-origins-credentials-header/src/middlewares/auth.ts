export async function requireBearer(request: Request): Promise<Response | void> {
  const value = request.headers.get('Authorization') ?? '';
  if (!value.startsWith('Bearer ')) return new Response('unauthorized', { status: 401 });
}
