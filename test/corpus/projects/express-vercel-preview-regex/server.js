import express from 'express';
import cors from 'cors';
import corsOptions from './config/corsOptions.js';

const app = express();
app.use(cors(corsOptions));
app.get('/api/cart', (req, res) => res.json({ items: [] }));
app.listen(8000);
