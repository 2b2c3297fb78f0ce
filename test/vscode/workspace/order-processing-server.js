// The order-processing API from the classic CORS guide: an Express server on port 8000 that a web shop on
// another origin calls with the user's cookies. It has all three mistakes CORS Guard exists to catch.
const express = require('express');

const app = express();
const port = 8000;

app.use(express.json());

// "Allow every subdomain of mydomain.com": the dot is not escaped and nothing is anchored.
const allowedOrigins = new RegExp('https:\/\/[a-z]+.mydomain.com');

app.use((req, res, next) => {
  const origin = req.header('Origin');
  if (allowedOrigins.test(origin)) {
    res.header('Access-Control-Allow-Origin', origin);
    res.header('Access-Control-Allow-Credentials', 'true');
  }
  next();
});

// Preflight for PUT/DELETE with credentials: reflects whatever Origin asked.
app.options('/orders', (req, res) => {
  res.header('Access-Control-Allow-Origin', req.header('Origin'));
  res.header('Access-Control-Allow-Credentials', 'true');
  res.header('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
  res.header('Access-Control-Allow-Headers', 'Content-Type');
  res.header('Access-Control-Max-Age', '86400');
  res.sendStatus(204);
});

// Public order statistics: `*` would be fine here, but not with credentials.
app.get('/stats', (req, res) => {
  res.set('Access-Control-Allow-Origin', '*');
  res.set('Access-Control-Allow-Credentials', 'true');
  res.json({ ordersToday: 42 });
});

app.get('/orders', (req, res) => {
  res.json([{ id: 1, item: 'book', quantity: 2 }]);
});

app.put('/orders/:id', (req, res) => {
  res.json({ id: req.params.id, ...req.body });
});

app.listen(port, () => {
  console.log(`Order service listening on port ${port}`);
});
