const allowed = require('./allowedOrigins');

const corsOptions = {
  origin(origin, cb) {
    if (!origin || allowed.includes(origin)) cb(null, true);
    else cb(new Error('Not allowed by CORS'));
  },
  credentials: true,
};

module.exports = corsOptions;
