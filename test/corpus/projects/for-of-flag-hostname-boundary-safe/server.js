const express = require('express');

const DOMAINS = ['harbor.dev'];
const app = express();

function allowed(origin) {
  let host;
  try {
    host = new URL(origin).hostname;
  } catch {
    return false;
  }
  for (const d of DOMAINS) {
    if (host === d || host.endsWith('.' + d)) return true;
  }
  return false;
}

app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && allowed(origin)) {
    res.header('Access-Control-Allow-Origin', origin);
    res.header('Access-Control-Allow-Credentials', 'true');
    res.header('Vary', 'Origin');
  }
  next();
});
app.listen(3000);
