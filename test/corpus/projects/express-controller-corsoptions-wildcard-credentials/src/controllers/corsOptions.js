module.exports.corsOptions = {
  origin: '*',
  allowedHeaders: ['secret', 'userid', 'Content-Type', 'Content-Length'],
  methods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
  credentials: true,
  optionsSuccessStatus: 200,
};
