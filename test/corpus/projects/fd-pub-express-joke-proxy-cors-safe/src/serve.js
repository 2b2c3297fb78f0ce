const express = require('express');
const axios = require('axios');
const cors = require('cors');

const app = express();
app.use(cors());

app.get('/', async (_req, res) => {
  try {
    const { data } = await axios('https://api.chucknorris.io/jokes/random');
    return res.json(data);
  } catch (error) {
    console.log('lookup failed ' + error);
    return res.status(502).end();
  }
});

const PORT = process.env.PORT || 9090;
app.listen(PORT);
