const express = require('express');
const cors = require('cors');
const { corsOptions } = require('./options');
const app = express();
app.use(cors(corsOptions));
module.exports = app;
