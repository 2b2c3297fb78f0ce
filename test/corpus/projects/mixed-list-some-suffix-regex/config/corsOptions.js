const allowedOrigins = require('./allowedOrigins');

const corsOptions = {
  origin: (origin, callback) => {
    const ok =
      !origin ||
      allowedOrigins.some((allowed) => (typeof allowed === 'string' ? allowed === origin : allowed.test(origin)));
    if (ok) callback(null, true);
    else callback(new Error('Not allowed by CORS'));
  },
  credentials: true,
};

module.exports = corsOptions;
