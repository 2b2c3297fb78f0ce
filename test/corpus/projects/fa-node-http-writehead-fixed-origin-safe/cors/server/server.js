const http = require('http');

http
  .createServer((request, response) => {
    // only one origin may be named here; a real app would pick it per request
    response.writeHead(200, {
      // 'Access-Control-Allow-Origin': '*'
      'Access-Control-Allow-Origin': 'http://127.0.0.1:8888',
      'Access-Control-Allow-Headers': 'My-Token, My-Random',
      'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE',
      'Access-Control-Max-Age': '5',
    });
    response.end('123');
  })
  .listen(8889);
