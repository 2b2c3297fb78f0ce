const express = require('express');
const cors = require('cors');
const { corsOptions } = require('./controllers/corsOptions');

const app = express();
app.use(cors(corsOptions));
app.post('/upload', (req, res) => res.status(201).json({ ok: true }));
app.listen(3000);
