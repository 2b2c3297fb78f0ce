type Handler = (event: unknown) => Promise<{ statusCode: number; body: unknown }>;

export function requestHandlerBuilder() {
  return (handler: Handler) => async (event: unknown) => {
    const result = await handler(event);
    return {
      statusCode: result.statusCode,
      body: JSON.stringify(result.body),
      headers: {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Credentials': true,
      },
    };
  };
}
