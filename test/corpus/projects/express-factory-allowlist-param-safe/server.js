const express = require('express');
const cors = require('./config/cors');

const app = express();
app.use(cors(['https://invest.harbourline.com', 'https://admin.harbourline.com']));
app.get('/portfolio', (req, res) => res.json({}));
app.listen(7000);
