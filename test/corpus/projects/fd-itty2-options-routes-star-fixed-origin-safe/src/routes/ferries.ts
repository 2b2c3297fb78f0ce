const localApp = 'http://localhost:3000';

export default async function ferries(): Promise<Response> {
  return new Response(JSON.stringify([{ name: 'Bay Runner' }]), {
    status: 200,
    headers: { 'Access-Control-Allow-Origin': localApp, 'Content-Type': 'application/json' },
  });
}
