import express from 'express';
import cors from 'cors';
import { corsOptions } from './helpers/corsOptions.js';

const app = express();
app.use(cors(corsOptions));
app.get('/packs', (req, res) => res.json([]));
app.listen(process.env.PORT || 3000);
