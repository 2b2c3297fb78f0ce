// Never opened by the tests: only "Scan Workspace" finds it.
const cors = require('cors');
const express = require('express');

const app = express();
app.use(cors({ origin: true, credentials: true }));

module.exports = app;
