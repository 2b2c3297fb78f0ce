const express = require('express');

const TRUSTED = ['pinecone.io', 'pinecone.dev'];
const app = express();

app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && TRUSTED.some((domain) => origin.endsWith(domain))) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
  }
  next();
});
app.get('/indexes', (req, res) => res.json([]));
app.listen(8080);
