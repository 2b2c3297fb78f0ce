const express = require('express');
const cors = require('cors');
const { corsOptions } = require('./cors');

const app = express();
app.use(cors(corsOptions));
app.get('/api/students', (req, res) => res.json([]));
app.listen(5000);
