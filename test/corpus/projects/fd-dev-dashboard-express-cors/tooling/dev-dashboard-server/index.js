const express = require('express');
const cors = require('cors');

const api = express();
api.use(cors());

api.use('/test', (_req, res) => {
  res.status(200).send('OK');
});

api.listen(4002, () => {
  console.log('dev dashboard api on 4002');
});
