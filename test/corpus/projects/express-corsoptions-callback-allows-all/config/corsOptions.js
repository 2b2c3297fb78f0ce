// Options handed to the cors middleware.
const corsOptions = {
  origin: (origin, done) => {
    // every caller is welcome for now
    done(null, true);
  },
  methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowedHeaders: ['Origin', 'Content-Type', 'Accept', 'Authorization'],
  credentials: true,
};

module.exports = corsOptions;
