const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'https://vlogverse.vercel.app', credentials: true }));
app.get('/api/vlogs', (req, res) => res.json([]));
app.listen(5000);
