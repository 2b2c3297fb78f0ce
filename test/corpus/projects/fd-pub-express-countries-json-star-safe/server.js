const express = require('express');
const countries = require('./countries.json');

const app = express();
const port = process.env.PORT || 5000;

app.use((req, res, next) => {
  res.header('Access-Control-Allow-Origin', '*');
  res.header('Access-Control-Allow-Headers', 'Origin, X-Requested-With, Content-Type, Accept');
  next();
});

app.get('/api/countries', (_req, res) => {
  res.send(countries);
});

app.listen(port, () => console.log(`listening on ${port}`));
