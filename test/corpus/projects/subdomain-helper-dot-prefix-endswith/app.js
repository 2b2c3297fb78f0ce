const express = require('express');
const cors = require('cors');
const corsWithSubdomains = require('./lib/corsWithSubdomains');

const app = express();
app.use(cors({ origin: corsWithSubdomains(['skeleton.dev']), credentials: true }));
app.get('/v1/items', (req, res) => res.json([]));
app.listen(3000);
