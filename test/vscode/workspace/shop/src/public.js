// Public statistics: readable by any site, never with cookies.
const express = require('express');

const app = express();
app.get('/stats', (req, res) => {
  res.set('Access-Control-Allow-Origin', '*');
  res.json({ orders: 42 });
});
app.listen(3004);
