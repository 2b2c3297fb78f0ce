const express = require('express');

const DOMAINS = ['harbor.dev', 'localhost:4200'];
const app = express();

app.use((req, res, next) => {
  const origin = req.headers.origin;
  let allowed = false;
  if (origin) {
    for (const d of DOMAINS) {
      if (origin.endsWith(d)) allowed = true;
    }
  }
  if (allowed) {
    res.header('Access-Control-Allow-Origin', origin);
    res.header('Access-Control-Allow-Credentials', 'true');
  }
  next();
});
app.get('/builds', (req, res) => res.json([]));
app.listen(3000);
