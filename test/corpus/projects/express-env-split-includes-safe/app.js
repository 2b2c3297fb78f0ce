const express = require('express');
const crossDomain = require('./middleware/cors');
const { port } = require('./config/env');

const app = express();
app.use(crossDomain);
app.get('/api/videos', (req, res) => res.json([]));
app.listen(port);
