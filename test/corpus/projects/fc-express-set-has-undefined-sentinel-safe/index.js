const express = require('express');
const corsMiddleware = require('./middleware/cors');

const app = express();
app.use(corsMiddleware);
app.get('/api/blocks', (req, res) => res.json([]));
app.listen(3001);
