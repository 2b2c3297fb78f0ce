const express = require('express');

const ORIGINS = ['https://app.orchard.farm', 'https://admin.orchard.farm'];
const ORIGIN_RE = new RegExp(ORIGINS.join('|'));
const app = express();

app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && ORIGIN_RE.test(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});
app.get('/harvests', (req, res) => res.json([]));
app.listen(3000);
