import { addCORSHeaders } from './routes/cors';

async function handle(request: Request): Promise<Response> {
  const url = new URL(request.url);
  return new Response(JSON.stringify({ path: url.pathname, claps: 0 }));
}

export default {
  fetch(request: Request) {
    return handle(request).then(addCORSHeaders({ request }));
  },
};
