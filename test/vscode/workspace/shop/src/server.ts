// A TypeScript server on node:http that sends back any Origin with credentials.
import { createServer } from 'node:http';

createServer((req, res) => {
  const origin = req.headers.origin ?? '';
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.end('ok');
}).listen(3002);
