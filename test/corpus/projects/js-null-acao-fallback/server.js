const http = require('node:http');

const ALLOWED = new Set(['https://notes.cedar.page']);

http
  .createServer((req, res) => {
    const origin = req.headers.origin;
    res.setHeader('Access-Control-Allow-Origin', ALLOWED.has(origin) ? origin : null);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ notes: [] }));
  })
  .listen(3000);
