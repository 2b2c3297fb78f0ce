const http = require('http');

function handle(req, res) {
  const caller = req.headers.origin || '*';
  res.setHeader('Access-Control-Allow-Origin', caller);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  req.on('data', (chunk) => console.log(String(chunk)));
  res.end();
}

const server = http.createServer(handle);
server.on('clientError', (_err, socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
server.listen(8000);
