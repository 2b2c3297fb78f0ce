const trustedSites = [
  'http://localhost:3000',
];

const crossOrigin = {
  origin(origin, callback) {
    if (!origin || origin === 'null' || trustedSites.includes(origin)) {
      return callback(null, true);
    }
    return callback(new Error('Blocked by CORS'));
  },
  // let the browser send cookies
  credentials: true,
};

module.exports = crossOrigin;
