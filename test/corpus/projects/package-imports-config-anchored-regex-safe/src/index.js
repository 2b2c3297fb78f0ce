import express from 'express';
import cors from 'cors';
import { corsConfig } from '#config';

const app = express();
app.use(cors(corsConfig));
app.get('/products', (req, res) => res.json([]));
app.listen(3000);
