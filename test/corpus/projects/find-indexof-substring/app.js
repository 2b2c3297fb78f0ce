const express = require('express');

const WHITE_LIST = ['bilivid.tv', 'localhost:8080'];
const app = express();

app.use((req, res, next) => {
  const origin = req.get('Origin');
  if (origin && WHITE_LIST.find((url) => origin.indexOf(url) !== -1)) {
    res.header('Access-Control-Allow-Origin', origin);
    res.header('Access-Control-Allow-Credentials', true);
  }
  next();
});
app.get('/api/videos', (req, res) => res.json([]));
app.listen(3011);
