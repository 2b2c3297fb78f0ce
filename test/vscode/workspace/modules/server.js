const express = require('express');
const cors = require('cors');
const settings = require('./settings');

const app = express();
app.use(cors(settings.options));
module.exports = app;
