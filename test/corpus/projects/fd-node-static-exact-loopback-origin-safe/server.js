const http = require('http');
const nodeStatic = require('node-static');

const files = new nodeStatic.Server('.', {
  cache: 0,
  headers: {
    'Access-Control-Allow-Origin': 'http://127.0.0.1:8080',
    'Access-Control-Allow-Methods': 'POST, GET',
    'Access-Control-Allow-Headers': 'Content-Type',
  },
});

http
  .createServer((req, res) => {
    files.serve(req, res);
  })
  .listen(3000);

console.log('serving on http://127.0.0.1:3000');
