require('dotenv').config();
const express = require('express');
const cors = require('cors');
const settings = require('./src/config/config');

const app = express();
app.use(express.json());

app.get('/', (req, res) => res.status(200).json({ msg: 'welcome' }));

const users = express.Router();
users.get('/:id', (req, res) => res.json({ id: req.params.id }));
app.use('/user', cors(settings.cors), express.json(), users);

app.listen(3000);
