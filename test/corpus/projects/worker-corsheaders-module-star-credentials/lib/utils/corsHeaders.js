// Sent on every response and on preflights.
export default {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS, PUT",
  "Access-Control-Allow-Headers": "Origin, Accept, Content-Type, X-Requested-With, X-Shopify-Access-Token",
  "Access-Control-Allow-Credentials": "true",
}
