const { corsOrigins } = require('../config/env');

module.exports = function crossDomain(req, res, next) {
  const origin = req.get('Origin');
  if (origin && corsOrigins.includes(origin)) {
    res.header('Access-Control-Allow-Origin', origin);
    res.header('Access-Control-Allow-Credentials', 'true');
    res.header('Access-Control-Allow-Headers', 'Content-Type, Authorization');
    res.header('Vary', 'Origin');
  }
  next();
};
