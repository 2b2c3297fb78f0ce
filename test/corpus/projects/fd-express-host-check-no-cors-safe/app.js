const express = require('express');
require('dotenv').config();
const onlyLocalHost = require('./middlewares/onlyLocalHost');

const app = express();
const PORT = process.env.PORT || 5000;

app.use(onlyLocalHost);
app.use(express.json());

app.post('/ping', (_req, res) => res.send({ status: 'up' }));

app.listen(PORT, () => console.log('listening on', PORT));
