const express = require('express');
const cors = require('cors');
const corsOptions = require('./config/corsOptions');

const app = express();
app.use(cors(corsOptions));
app.use(express.json());
app.use('/notes', require('./routes/notes'));

app.listen(3500);
