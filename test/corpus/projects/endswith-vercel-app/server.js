const express = require('express');
const cors = require('cors');

const app = express();
app.use(
  cors({
    origin(origin, cb) {
      if (!origin || origin === 'https://vlogverse.app' || origin.endsWith('.vercel.app')) return cb(null, true);
      return cb(new Error('CORS'));
    },
    credentials: true,
  }),
);
app.get('/api/vlogs', (req, res) => res.json([]));
app.listen(5000);
