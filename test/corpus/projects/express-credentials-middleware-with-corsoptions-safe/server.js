const express = require('express');
const cors = require('cors');
const credentials = require('./middleware/credentials');
const corsOptions = require('./config/corsOptions');

const app = express();
app.use(credentials);
app.use(cors(corsOptions));
app.get('/assets', (req, res) => res.json([]));
app.listen(3100);
