const express = require('express');

const ALLOWED = {
  'https://shop.marlow.market': true,
  'https://admin.marlow.market': true,
};
const app = express();

app.use((req, res, next) => {
  const { origin } = req.headers;
  if (origin && ALLOWED[origin]) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
  }
  next();
});
app.get('/cart', (req, res) => res.json({}));
app.listen(3000);
