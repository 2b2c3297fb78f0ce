export default defineEventHandler((event) => {
  setResponseHeaders(event, {
    'Access-Control-Allow-Origin': getRequestHeader(event, 'origin') || '*',
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Allow-Methods': 'GET,POST,PUT,DELETE,OPTIONS',
    'Access-Control-Expose-Headers': 'Set-Cookie',
  });
  if (event.method === 'OPTIONS') {
    event.node.res.statusCode = 204;
    return 'OK';
  }
});
