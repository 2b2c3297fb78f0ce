const express = require('express');
const credentials = require('./permission/credentials');

const app = express();
app.use(credentials);
app.get('/grades', (req, res) => res.json([]));
app.listen(3500);
