const http = require('node:http');

const PARTNERS = ['partner-a.com', 'partner-b.org'];

http
  .createServer((req, res) => {
    const origin = req.headers.origin || '';
    const headers = { 'Content-Type': 'application/json' };
    if (PARTNERS.findIndex((p) => origin.includes(p)) !== -1) {
      headers['Access-Control-Allow-Origin'] = origin;
      headers['Access-Control-Allow-Credentials'] = 'true';
    }
    res.writeHead(200, headers);
    res.end(JSON.stringify({ widgets: [] }));
  })
  .listen(8000);
