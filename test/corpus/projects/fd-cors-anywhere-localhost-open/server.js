// A CORS proxy the image search page calls while developing.
const HOST = 'localhost';
const PORT = 8080;
const corsAnywhere = require('cors-anywhere');

corsAnywhere
  .createServer({
    originWhitelist: [],
  })
  .listen(PORT, HOST, () => {
    console.log(`proxy on http://${HOST}:${PORT}`);
  });
