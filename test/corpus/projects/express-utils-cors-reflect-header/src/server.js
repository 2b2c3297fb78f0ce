const express = require('express');
const cors = require('./utils/cors');

const app = express();
app.use(cors);
app.use(express.json());
app.get('/api/posts', (req, res) => res.json([]));
app.listen(process.env.PORT ?? 5000);
