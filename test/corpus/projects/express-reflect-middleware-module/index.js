const express = require('express');
const allowCrossOrigin = require('./config/app.conf');

const app = express();
app.use(allowCrossOrigin);
app.get('/api/invoices', (req, res) => res.json([]));
app.listen(4001);
