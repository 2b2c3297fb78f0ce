const express = require('express');
const cors = require('cors');
const corsOptions = require('./utils/corsOption');

const app = express();
app.use(cors(corsOptions));
app.get('/api/leads', (req, res) => res.json([]));
app.listen(5000);
