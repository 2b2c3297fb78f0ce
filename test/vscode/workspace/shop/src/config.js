module.exports.corsOptions = {
  origin: (origin, cb) => cb(null, true),
  credentials: true,
};
