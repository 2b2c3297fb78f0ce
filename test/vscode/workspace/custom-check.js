// An origin check CORS Guard cannot repair automatically: a substring test inside a helper.
const express = require('express');
const app = express();

app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && origin.indexOf('example.com') !== -1) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});
