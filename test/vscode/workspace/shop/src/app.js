const express = require('express');
const cors = require('cors');
const { corsOptions } = require('./config');

const app = express();
app.use(cors(corsOptions));
app.use('/api', require('./routes/orders'));
app.listen(3000);
