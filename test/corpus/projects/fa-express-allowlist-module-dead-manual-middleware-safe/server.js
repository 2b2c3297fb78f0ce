require('dotenv').config();
const express = require('express');
const http = require('http');
const cors = require('cors');
const corsOptions = require('./config/corsOptions');

const app = express();
const server = http.createServer(app);

app.use(cors(corsOptions));
app.use(express.json());
app.get('/api/torrents', (req, res) => res.json([]));

server.listen(process.env.PORT || 5000);
