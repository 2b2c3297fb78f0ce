const { SITE_DOMAIN } = require('./site');

module.exports = function corsDelegate(req, callback) {
  const origin = req.header('Origin') || '';
  if (origin.includes(SITE_DOMAIN)) {
    callback(null, { origin: true, credentials: true });
  } else {
    callback(null, { origin: false });
  }
};
