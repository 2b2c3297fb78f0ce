const corsFactory = require('cors');

// one shared CORS middleware for the whole server
const settings = {
  origin: '*',
  credentials: true,
  optionSuccessStatus: 200,
};

module.exports = corsFactory(settings);
