const express = require('express');
const cors = require('cors');
const bodyParser = require('body-parser');
const { printReceipt } = require('./printReceipt.js');

const app = express();

app.use(cors({ origin: true }));
app.use(bodyParser.json());

app.get('/', (_req, res) => res.send('printer bridge'));

app.post('/print', async (req, res) => {
  try {
    printReceipt(req.body);
    res.sendStatus(200);
  } catch (err) {
    console.log(err);
    res.sendStatus(500);
  }
});

app.listen(3000, () => console.log('bridge on 3000'));
