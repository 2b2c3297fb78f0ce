import express from 'express';
import cors from 'cors';
import corsOptions from './config/corsOptions.js';

const app = express();
app.use(cors(corsOptions));
app.get('/api/tasks', (req, res) => res.json([]));
app.listen(5000);
