const express = require('express');
const { ok } = require('./late-check');
const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (ok(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});
module.exports = app;
