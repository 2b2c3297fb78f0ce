const express = require('express');

const DOMAIN = 'orchard.farm';
const ORIGIN_RE = new RegExp('^https://' + DOMAIN.replace(/\./g, '\\.') + '$');
const app = express();

app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && ORIGIN_RE.test(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
  }
  next();
});
app.listen(3000);
