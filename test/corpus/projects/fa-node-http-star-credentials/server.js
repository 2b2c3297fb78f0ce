const http = require('http');

http
  .createServer((req, res) => {
    console.log(req.method, req.url);
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Access-Control-Allow-Methods', 'GET,HEAD,OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Origin, Accept, X-Requested-With, Content-Type');
    if (req.method === 'GET' && req.url === '/sample') {
      res.write(JSON.stringify({ what: 'this' }));
    }
    res.end();
  })
  .listen(8081);
