const express = require('express');
const cors = require('cors');
const corsDelegate = require('./config/corsDelegate');

const app = express();
app.use(cors(corsDelegate));
app.get('/posts', (req, res) => res.json([]));
app.listen(3000);
