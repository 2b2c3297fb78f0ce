const knownClients = ['localhost:3000'];

const settings = {
  // cors options delegate: (req, callback) => callback(err, options)
  cors: function (req, callback) {
    if (knownClients.indexOf(req.header('Origin')) != -1) {
      callback(null, true);
    } else {
      callback(new Error('Not allowed by CORS'));
    }
  },
};

module.exports = settings;
