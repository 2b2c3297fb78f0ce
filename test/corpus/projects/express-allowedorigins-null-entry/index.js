const express = require('express');
const cors = require('cors');
const corsOptions = require('./config/corsOptions');

const app = express();
app.use(cors(corsOptions));
app.get('/api/drafts', (req, res) => res.json({ drafts: [] }));
app.listen(8080);
