const frontEnds = [
  'http://localhost:5173',
  'https://btvault-frontend.vercel.app',
];

module.exports = frontEnds;
