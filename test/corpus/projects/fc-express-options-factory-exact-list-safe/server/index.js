const express = require('express');
const cors = require('cors');
const makeCorsOptions = require('./config/cors');
const allowedOrigins = require('./config/origins');

const app = express();
app.use(cors(makeCorsOptions(allowedOrigins)));
app.get('/api/leaderboard', (req, res) => res.json([]));
app.listen(8080);
