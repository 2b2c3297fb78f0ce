// Left half-written: this file does not parse, so CORS Guard can't check it yet.
const express = require('express');
const app = express();

app.use((req, res, next) => {
  res.set('Access-Control-Allow-Origin', req.headers.origin
  next();
});
