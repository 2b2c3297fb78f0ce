var fs = require('fs'),
  http = require('http');

var openHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'OPTIONS, GET',
  'Access-Control-Max-Age': 2592000,
};

http
  .createServer(function (req, res) {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, openHeaders);
      res.end();
      return;
    }
    if (req.method === 'GET') {
      fs.readFile(__dirname + req.url, function (err, body) {
        if (err) {
          res.writeHead(404);
          res.end(JSON.stringify(err));
          return;
        }
        res.writeHead(200, openHeaders);
        res.end(body);
      });
      return;
    }
    res.writeHead(405, openHeaders);
    res.end('method not allowed');
  })
  .listen(8080);
