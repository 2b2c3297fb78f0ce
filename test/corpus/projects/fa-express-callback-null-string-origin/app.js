const express = require('express');
const cors = require('cors');
const crossOrigin = require('./src/app/config/cors');

const app = express();
app.use(cors(crossOrigin));
app.use(express.json());
app.get('/api/profile', (req, res) => res.json({ name: 'me' }));

module.exports = app;
