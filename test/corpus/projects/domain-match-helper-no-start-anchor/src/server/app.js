const express = require('express');
const cors = require('cors');
const corsDomainMatch = require('./corsDomainMatch');

const DOMAIN = process.env.DOMAIN || 'wrio.network';
const app = express();

app.use(
  cors({
    origin: (origin, cb) => cb(null, !origin || corsDomainMatch(origin, DOMAIN)),
    credentials: true,
  }),
);
app.get('/api/profile', (req, res) => res.json({}));
module.exports = app;
