import express from 'express';
import cors from 'cors';
import corsOptions from './config/corsOptions.js';

const app = express();
app.use(cors(corsOptions));
app.get('/tallies', (req, res) => res.json([]));
export default app;
