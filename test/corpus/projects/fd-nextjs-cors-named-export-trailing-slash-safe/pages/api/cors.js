import NextCors from 'nextjs-cors';

// A named export only: Next.js serves the default export of an API route, so this never runs as one.
export async function handler(req, res) {
  await NextCors(req, res, {
    methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'],
    origin: 'http://127.0.0.1:8090/',
    optionsSuccessStatus: 200,
    credentials: true,
  });

  // `origin` is not declared anywhere in the module.
  res.header('Access-Control-Allow-Origin', origin);
  res.header('Access-Control-Allow-Credentials', true);
  res.json({ todos: [] });
}
