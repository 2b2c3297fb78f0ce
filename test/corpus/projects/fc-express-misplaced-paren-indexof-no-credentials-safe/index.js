import express from 'express';
import cors from 'cors';
import corsOptions from './config/corsOptions.js';

const app = express();
app.use(cors(corsOptions));
app.get('/api/rooms', (req, res) => res.json([]));
app.listen(8000);
