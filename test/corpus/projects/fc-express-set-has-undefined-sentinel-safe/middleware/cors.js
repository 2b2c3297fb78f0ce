const cors = require('cors');

const allowList = new Set(['https://pool.example.com', 'https://stats.example.com', 'undefined']);

const corsOptions = {
  optionsSuccessStatus: 200,
  origin(origin, callback) {
    if (origin === undefined) origin = 'undefined';
    if (allowList.has(origin)) {
      callback(null, true);
    } else {
      callback(new Error('Not allowed by CORS'));
    }
  },
  credentials: true,
};

module.exports = cors(corsOptions);
