const express = require('express');

const ALLOWED = ['https://console.rivet.sh', 'http://localhost:3000'];
const app = express();

app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (ALLOWED.some((o) => o === origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
  }
  next();
});
app.get('/projects', (req, res) => res.json([]));
app.listen(8080);
