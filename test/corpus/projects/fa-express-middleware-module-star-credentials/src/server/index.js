const express = require('express');
const path = require('path');
const allowCrossOrigin = require('./middlewares/cors');

const server = express();

server.get('/health', (req, res) => res.send('up'));
server.use(allowCrossOrigin);
server.use(express.static('dist'));
server.get('/api/books', (req, res) => res.json([{ title: 'Dune' }]));
server.get('/*', (req, res) => res.sendFile(path.resolve(__dirname, '..', '..', 'dist/index.html')));

server.listen(4000);
