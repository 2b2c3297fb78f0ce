const express = require('express');
const cors = require('cors');
const countriesRouter = require('./countriesApi/controller');

const app = express();

app.use(countriesRouter);
app.use(
  cors({
    exposedHeaders: ['X-Total-Count'],
  }),
);
app.use(express.json());

app.listen(3000);

module.exports = app;
