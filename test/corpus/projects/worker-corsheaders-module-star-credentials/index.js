import handleOptions from './lib/handleOptions'
import corsHeaders from './lib/utils/corsHeaders'

const jsonHeaders = new Headers({
  'content-type': 'application/json',
  ...corsHeaders,
})

addEventListener('fetch', (event) => {
  event.respondWith(route(event.request))
})

async function route(request) {
  if (request.method === 'OPTIONS') return handleOptions(request)
  const url = new URL(request.url)
  if (url.pathname.startsWith('/products')) {
    return new Response(JSON.stringify({ products: [] }), { headers: jsonHeaders })
  }
  return new Response("Nothing's here", { status: 404, headers: jsonHeaders })
}
