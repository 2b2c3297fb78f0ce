// Safe look-alikes: an exact allowlist with Vary, an anchored regex, and `*` on public data without cookies.
const express = require('express');
const app = express();

const ALLOWED_ORIGINS = new Set(['https://shop.example.com', 'https://admin.example.com']);

app.use((req, res, next) => {
  const origin = req.header('Origin');
  if (origin && ALLOWED_ORIGINS.has(origin)) {
    res.header('Access-Control-Allow-Origin', origin);
    res.header('Access-Control-Allow-Credentials', 'true');
    res.header('Vary', 'Origin');
  }
  next();
});

const subdomain = /^https:\/\/[a-z0-9-]+\.example\.com$/;
app.use('/api', (req, res, next) => {
  const origin = req.header('Origin');
  if (origin && subdomain.test(origin)) {
    res.header('Access-Control-Allow-Origin', origin);
    res.header('Vary', 'Origin');
  }
  next();
});

app.get('/status', (req, res) => {
  res.set('Access-Control-Allow-Origin', '*');
  res.json({ ok: true });
});
