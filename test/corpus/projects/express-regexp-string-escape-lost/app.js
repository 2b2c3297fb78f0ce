const express = require('express');
const cors = require('cors');
const corsOptions = require('./config/corsOptions');

const app = express();
app.use(cors(corsOptions));
app.get('/p/:id', (req, res) => res.json({ id: req.params.id }));
app.listen(4100);
