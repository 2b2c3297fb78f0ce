export const jsonReply = (statusCode: number, body: Record<string, unknown> = {}) => ({
  statusCode,
  headers: {
    'Access-Control-Allow-Origin': 'http://localhost:3164',
    'Access-Control-Allow-Credentials': true,
  },
  body: JSON.stringify(body),
});
