const corsOptions = {
  origin(origin, callback) {
    // ALLOWED_ORIGINS is a comma-separated list set on the host
    const allowedOrigins = process.env.ALLOWED_ORIGINS;
    const isAllowed = allowedOrigins.indexOf(origin) !== -1;
    if (isAllowed) {
      callback(null, true);
    } else {
      callback(false);
    }
  },
};

module.exports = corsOptions;
