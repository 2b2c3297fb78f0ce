const { onRequest } = require('firebase-functions/v2/https');
const proxyLib = require('cors-anywhere');
const cors = require('cors');

const relay = proxyLib.createServer({
  originWhitelist: ['http://localhost:3000', 'https://folio-site.web.app', 'https://folio-site.firebaseapp.com'],
  requireHeader: ['origin', 'x-requested-with'],
  removeHeaders: ['cookie', 'cookie2'],
});

const anyOrigin = cors({ origin: true });

exports.relay = onRequest({ maxInstances: 10 }, (req, res) => {
  anyOrigin(req, res, () => relay.emit('request', req, res));
});
