const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors(require('./config/corsOptions')));
app.get('/files', (req, res) => res.json([]));
app.listen(3000);
