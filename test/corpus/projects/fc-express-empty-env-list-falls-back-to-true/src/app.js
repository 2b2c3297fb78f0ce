const express = require('express');
const cors = require('cors');

const app = express();

const origins = (process.env.CORS_ORIGINS || '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
app.use(cors({ origin: origins.length ? origins : true, credentials: true }));

app.get('/api/invoices', (req, res) => res.json([]));
module.exports = app;
