// hand-rolled variant of the same policy (not mounted by server.js)
const answerPreflight = (req, res, next) => {
  if (req.method === 'OPTIONS') return res.status(204).end();
  next();
};

const manualCors = (req, res, next) => {
  const origin = req.headers.origin;
  const corsOptions = require('../config/corsOptions');

  corsOptions.origin(origin, (err, allowed) => {
    if (err) {
      res.status(403).json({ message: 'CORS not allowed' });
      return;
    }
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', corsOptions.credentials);
    }
    next();
  });
};

module.exports = { manualCors, answerPreflight };
