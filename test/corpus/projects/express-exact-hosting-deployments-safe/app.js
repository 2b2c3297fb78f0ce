const express = require('express');
const cors = require('cors');
const corsOptions = require('./config/corsOptions');

const app = express();
app.use(cors(corsOptions));
app.get('/invoices', (req, res) => res.json([]));
module.exports = app;
