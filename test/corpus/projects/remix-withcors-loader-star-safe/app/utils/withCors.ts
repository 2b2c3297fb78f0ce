import type { LoaderFunction, LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'

// Wraps a public (STAC catalogue) loader so any site may read it; no credentials.
export function withCors(loader: LoaderFunction) {
  return async function corsLoader({ request, ...rest }: LoaderFunctionArgs) {
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        headers: {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, DELETE',
          'Access-Control-Allow-Headers': 'content-type',
        },
      })
    }

    const data = await loader({ request, ...rest })

    return json(data, {
      headers: { 'Access-Control-Allow-Origin': '*' },
    })
  }
}
