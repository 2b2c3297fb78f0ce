const { withCors } = require('./_lib/cors');

exports.handler = withCors(async (event) => {
  const body = JSON.parse(event.body || '{}');
  return { statusCode: 200, body: JSON.stringify({ received: Boolean(body.email) }) };
});
