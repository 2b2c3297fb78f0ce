const express = require('express');
const cors = require('cors');
const corsDelegate = require('./config/corsDelegate');

const app = express();
app.use(cors(corsDelegate));
app.get('/me', (req, res) => res.json({ user: null }));
app.listen(3000);
