const express = require('express');

const REQUIRED = ['https://', '.acme-health.io'];
const app = express();

app.use((req, res, next) => {
  const origin = req.headers.origin || '';
  if (REQUIRED.every((part) => origin.includes(part))) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});
app.get('/records', (req, res) => res.json([]));
app.listen(3000);
