const http = require('http');

const HOST = '127.0.0.1';
const PORT = 3000;

const server = http.createServer((req, res) => {
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/plain');
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Headers', '*');
  res.end('gym server up\n');
});

server.listen(PORT, HOST, () => {
  console.log(`listening on http://${HOST}:${PORT}/`);
});
