const express = require('express');

const PREFIXES = ['https://app.kitewire.com', 'http://localhost'];
const app = express();

app.use((req, res, next) => {
  const origin = req.get('origin') || '';
  const ok = PREFIXES.reduce((acc, prefix) => acc || origin.startsWith(prefix), false);
  if (ok) {
    res.set('Access-Control-Allow-Origin', origin);
    res.set('Access-Control-Allow-Credentials', 'true');
  }
  next();
});
app.get('/wires', (req, res) => res.json([]));
app.listen(3000);
