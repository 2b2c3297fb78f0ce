// The `cors` package, configured the ways people get wrong.
const express = require('express');
const cors = require('cors');

const app = express();

// Reflects every origin, with cookies.
app.use('/api', cors({ origin: true, credentials: true }));

// An origin callback that ends up allowing everything.
app.use(
  '/admin',
  cors({
    credentials: true,
    origin(origin, callback) {
      // Meant to reject requests without an Origin; lets every real origin through.
      if (origin !== undefined) return callback(null, true);
      callback(new Error('Not allowed by CORS'));
    },
  }),
);

// Trusts sandboxed iframes and data: URLs.
app.use('/embed', cors({ origin: ['https://shop.example.com', 'null'], credentials: true }));

// Fine: an exact allowlist.
const trusted = new Set(['https://shop.example.com', 'https://admin.example.com']);
app.use(
  '/v2',
  cors({
    credentials: true,
    origin: (origin, callback) => callback(null, trusted.has(origin)),
  }),
);

module.exports = app;
