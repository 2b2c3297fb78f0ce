const ALLOW_ORIGINS = ['https://www.trailmark.bike', 'https://trailmark.webflow.io', 'http://localhost:8888'];

function pickOrigin(origin) {
  return origin && ALLOW_ORIGINS.includes(origin) ? origin : ALLOW_ORIGINS[0];
}

exports.withCors = (handler) => async (event, context) => {
  const origin = pickOrigin(event.headers.origin || event.headers.Origin);
  const headers = { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Allow-Credentials': 'true' };
  if (event.httpMethod === 'OPTIONS') return { statusCode: 204, headers, body: '' };
  const result = await handler(event, context);
  return { ...result, headers: { ...(result.headers || {}), ...headers } };
};
