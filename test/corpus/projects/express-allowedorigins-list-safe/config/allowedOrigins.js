const allowedOrigins = [
  'https://notes.brightleaf.dev',
  'https://www.brightleaf.dev',
  'http://localhost:3000',
];

module.exports = allowedOrigins;
