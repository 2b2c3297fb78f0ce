const allowedOrigins = require('./allowedOrigins');

module.exports = {
  origin(origin, callback) {
    if (!origin || allowedOrigins.includes(origin)) return callback(null, true);
    return callback(new Error('Blocked by CORS'));
  },
  credentials: true,
};
