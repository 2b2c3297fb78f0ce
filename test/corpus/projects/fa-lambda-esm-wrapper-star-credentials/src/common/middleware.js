export const addCorsHeaders = (handler) => async (event) => {
  const response = await handler(event);
  return {
    ...response,
    headers: {
      ...(response.headers || {}),
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Credentials': true,
    },
  };
};
