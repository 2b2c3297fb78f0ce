const allowedOrigins = require('./allowedOrigins');

module.exports = {
  origin(origin, callback) {
    const ok = !origin || allowedOrigins.some((a) => (typeof a === 'string' ? a === origin : a.test(origin)));
    callback(ok ? null : new Error('Not allowed by CORS'), ok);
  },
  credentials: true,
};
