const express = require('express');
const cors = require('cors');

const app = express();

const allowedOrigins = [
  'https://coffee-art-shop.vercel.app',
  'http://localhost:3000',
  'http://localhost:3001',
];

app.use(cors({
  origin: (origin, callback) => {
    if (!origin) return callback(null, true);
    if (allowedOrigins.includes(origin)) return callback(null, true);
    return callback(new Error('Not allowed by CORS: ' + origin));
  },
  credentials: true,
}));

app.options('*', cors());

app.get('/api/products', (req, res) => res.json([]));
app.listen(process.env.PORT || 5000);
