const express = require('express');

const ALLOWED = ['https://portal.quarry.io', 'http://localhost:5173', '*'];
const app = express();

app.use((req, res, next) => {
  const origin = req.get('origin');
  if (origin && (ALLOWED.indexOf('*') !== -1 || ALLOWED.includes(origin))) {
    res.header('Access-Control-Allow-Origin', origin);
    res.header('Access-Control-Allow-Credentials', 'true');
  }
  next();
});
app.get('/quarries', (req, res) => res.json([]));
app.listen(3000);
