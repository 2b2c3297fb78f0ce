type LambdaEvent = { httpMethod: string; pathParameters?: { proxy?: string } | null };
export type Route = { method: string; path: string; handler: (event: LambdaEvent) => Promise<{ statusCode: number; body: unknown }> };

export const RestApiRouter = ({ routes, prefix = '' }: { routes: Route[]; prefix?: string }) => {
  return async (event: LambdaEvent) => {
    const url = `/${event.pathParameters?.proxy ?? ''}`;
    const route = routes.find((r) => r.method === event.httpMethod && `${prefix}${r.path}` === url);
    const result = route ? await route.handler(event) : { statusCode: 404, body: { message: `no route for ${url}` } };

    return {
      statusCode: result.statusCode,
      body: JSON.stringify(result.body),
      headers: {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Credentials': true,
      },
    };
  };
};
