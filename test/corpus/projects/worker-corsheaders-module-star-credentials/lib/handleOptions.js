import corsHeaders from "./utils/corsHeaders"

export default function handleOptions(request) {
  const h = request.headers
  if (h.get("Origin") !== null && h.get("Access-Control-Request-Method") !== null) {
    return new Response(null, { headers: corsHeaders })
  }
  return new Response(null, { headers: { Allow: "GET, HEAD, POST, OPTIONS" } })
}
